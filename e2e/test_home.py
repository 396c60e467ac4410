"""A person opens the home page in Chinese and in English and finds the demo stores."""
from selenium.webdriver.common.by import By

from conftest import waiting


def store_names(browser):
    return {element.text for element in browser.find_elements(By.CSS_SELECTOR, "li.store h2")}


def test_home_in_chinese_lists_every_store(server, stores, browser):
    browser.get(f"{server}/?lang=zh-CN")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
    assert store_names(browser) == {store["name"]["zh-CN"] for store in stores}
    prices = browser.find_elements(By.CSS_SELECTOR, "li.product .price[data-cny-minor]")
    assert prices and all(price.text.startswith("¥") for price in prices)


def test_home_in_english_lists_every_store(server, stores, browser):
    browser.get(f"{server}/?lang=en")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert store_names(browser) == {store["name"]["en"] for store in stores}


def test_language_switch_is_remembered(server, stores, browser):
    browser.get(f"{server}/?lang=zh-CN")
    browser.find_element(By.CSS_SELECTOR, "nav.languages a[data-lang='en']").click()
    waiting(browser, 10).until(lambda b: b.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    browser.get(f"{server}/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert store_names(browser) == {store["name"]["en"] for store in stores}


def test_product_pictures_load(server, browser):
    browser.get(f"{server}/")
    images = browser.find_elements(By.CSS_SELECTOR, "li.product img")
    assert images
    waiting(browser, 10).until(
        lambda b: all(b.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", i) for i in images))
