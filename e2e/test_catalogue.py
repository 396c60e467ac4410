"""A merchant at its catalogue on a phone-sized window: creates a product (a refusal keeps what
was typed), uploads one photo that the page draws at the tile and page sizes and sends, and the
shop then shows the photo at each size."""
import struct
import tempfile
import zlib

import pytest
from selenium.webdriver.common.by import By

from conftest import fill, fits_the_screen, server_with_key, waiting


def png(width, height, rgb=(200, 120, 40)):
    """A real PNG of one colour, written as the standard says (ISO/IEC 15948)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def merchant_server():
    yield from server_with_key("catalogue", "merchant-key", "--merchant", "m-pacific-pantry", "--label", "e2e")


def test_merchant_creates_a_product_and_gives_it_a_photo(merchant_server, browser):
    server, key = merchant_server
    wait = waiting(browser, 20)
    browser.get(f"{server}/merchant/signin?lang=en")
    browser.find_element(By.NAME, "key").send_keys(key)
    browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]").click()
    wait.until(lambda b: "/signin" not in b.current_url)
    browser.find_element(By.ID, "catalogue-link").click()
    wait.until(lambda b: b.find_elements(By.ID, "new-product"))
    browser.find_element(By.ID, "new-product").click()
    form = "#product-form"
    for name, value in [("id", "pp-honey"), ("nameEn", "Clover honey"), ("nameZh", "三叶草蜂蜜"), ("descriptionEn", "Raw honey"),
                        ("descriptionZh", "生蜂蜜"), ("category", "food"), ("brand", "无品牌"), ("hsCode", "040900"), ("originCountry", "CA"),
                        ("skus[0].id", "pp-honey-1"), ("skus[0].variantEn", "500 g"), ("skus[0].variantZh", "500克"),
                        ("skus[0].price", "9.999"), ("skus[0].weightGrams", "650"), ("skus[0].stock", "12")]:
        fill(browser, name, value, form)
    browser.find_element(By.CSS_SELECTOR, f"{form} button[type=submit]").click()
    wait.until(lambda b: b.find_elements(By.ID, "skus[0].price-error"))
    assert browser.find_element(By.CSS_SELECTOR, f"{form} [name='nameEn']").get_attribute("value") == "Clover honey"
    assert fits_the_screen(browser)
    fill(browser, "skus[0].price", "9.99", form)
    browser.find_element(By.CSS_SELECTOR, f"{form} button[type=submit]").click()
    wait.until(lambda b: b.find_elements(By.ID, "saved"))

    picture = tempfile.mkdtemp(prefix="photo-") + "/honey.png"
    with open(picture, "wb") as file:
        file.write(png(800, 600))
    browser.find_element(By.CSS_SELECTOR, "#photo-form input[type=file]").send_keys(picture)
    browser.find_element(By.CSS_SELECTOR, "#photo-form button[type=submit]").click()
    wait.until(lambda b: "/images/photos/pp-honey/tile" in b.find_element(By.ID, "photo-now").get_attribute("src"))
    assert browser.find_element(By.ID, "photo-error").text == ""

    # The shop: the tile was drawn 480 px wide, the page kept at 800 (never enlarged).
    def natural_width(selector):
        image = browser.find_element(By.CSS_SELECTOR, selector)
        wait.until(lambda b: b.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image))
        return browser.execute_script("return arguments[0].naturalWidth", image)
    browser.get(f"{server}/products/pp-honey")
    assert natural_width("img.photo") == 800
    browser.get(f"{server}/stores/pacific-pantry?sort=newest")
    assert natural_width("li.product[data-product-id='pp-honey'] img") == 480
    assert fits_the_screen(browser)
