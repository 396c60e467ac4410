"""The ops dashboard in a real browser: after signing in, server-sent events redraw the SVG
chart of the last minute every second."""
from selenium.webdriver.common.by import By

from conftest import waiting


def test_dashboard_redraws_every_second(server, browser):
    browser.get(f"{server}/ops/dashboard")
    assert "/ops/signin" in browser.current_url
    browser.find_element(By.NAME, "key").send_keys("e2e")
    browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]").click()
    waiting(browser, 10).until(lambda b: "/ops/" in b.current_url and "/signin" not in b.current_url)
    browser.get(f"{server}/ops/dashboard")
    wait = waiting(browser, 15)
    wait.until(lambda b: int(b.find_element(By.ID, "dashboard").get_attribute("data-updated")) >= 2)
    points = browser.find_element(By.ID, "orders-line").get_attribute("points").split()
    assert len(points) == 60, "one point per second of the last minute"
    assert browser.find_element(By.ID, "stream-state").text == "live"
    assert browser.find_element(By.ID, "gmv-minute").text.startswith("CNY ")
