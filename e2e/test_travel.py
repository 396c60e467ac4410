"""A traveller abroad: tops up the wallet, shows a payment code that a real decoder (zbarimg,
from Debian's zbar-tools, after librsvg's rsvg-convert draws the server's SVG) reads back; the
store charges it at the till, issues a tax-free form, the traveller takes the refund at once;
the store shows a charge code the traveller opens and pays; ops see the form and what the
refund operator owes. On a phone-sized window, in Chinese."""
import pathlib
import re
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By

from conftest import enrol_identity, fill, fits_the_screen, server_with_key, sign_up, waiting


@pytest.fixture(scope="module")
def travel_server():
    yield from server_with_key("travel", "merchant-key", "--merchant", "m-bottega-arno", "--label", "till")


def decoded(svg):
    """What zbarimg reads in an SVG the server drew, rasterised by rsvg-convert."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="qr-"))
    (folder / "code.svg").write_text(svg)
    subprocess.run(["rsvg-convert", "-w", "480", "-b", "white", str(folder / "code.svg"), "-o", str(folder / "code.png")], check=True)
    result = subprocess.run(["zbarimg", "--quiet", "--raw", str(folder / "code.png")], capture_output=True, text=True)
    assert result.returncode == 0, f"zbarimg read nothing: {result.stderr}"
    return result.stdout.strip()


def page_svg(browser):
    return browser.find_element(By.CSS_SELECTOR, ".qr svg").get_attribute("outerHTML")


def sign_up_verified(browser, server, wait):
    sign_up(browser, server, wait, who="traveller")
    browser.get(f"{server}/account")
    enrol_identity(browser, wait)


def balance(browser):
    return float(browser.find_element(By.ID, "wallet-balance").get_attribute("data-balance"))


def test_traveller_pays_in_a_shop_abroad_and_gets_the_vat_back(travel_server, browser):
    server, key = travel_server
    # A form's post replaces the page: an element read off the old one may go stale mid-read.
    wait = waiting(browser, 15)
    sign_up_verified(browser, server, wait)

    browser.get(f"{server}/wallet")
    fill(browser, "amount", "3000.00", "#top-up")
    browser.find_element(By.CSS_SELECTOR, "#top-up button").click()
    wait.until(lambda b: b.find_elements(By.ID, "wallet-balance") and balance(b) == 3000.0)
    assert "境外钱包" in browser.page_source
    assert fits_the_screen(browser)

    # Bad input stays on the page, in Chinese, with the field named.
    fill(browser, "amount", "10.001", "#top-up")
    browser.find_element(By.CSS_SELECTOR, "#top-up button").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "p.form-error"))
    assert balance(browser) == 3000.0

    browser.find_element(By.ID, "show-code").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".qr svg"))
    code = browser.find_element(By.CSS_SELECTOR, ".code-digits").get_attribute("data-code")
    assert re.fullmatch(r"28\d{16}", code)
    assert decoded(page_svg(browser)) == code
    assert "纠错等级 M" in browser.page_source

    # The store signs in to its till and charges the code.
    browser.get(f"{server}/merchant/signin?lang=zh-CN")
    fill(browser, "key", key)
    browser.find_element(By.CSS_SELECTOR, "form.stacked button").click()
    wait.until(lambda b: "/merchant/settlement" in b.current_url)
    browser.get(f"{server}/merchant/till?shop=shop-arno-firenze")
    fill(browser, "amount", "150.00", "#till-charge")
    fill(browser, "paymentCode", code, "#till-charge")
    browser.find_element(By.CSS_SELECTOR, "#till-charge button[value='code']").click()
    wait.until(lambda b: b.find_elements(By.ID, "receipt-cny"))
    assert "150" in browser.find_element(By.ID, "receipt-local").text
    browser.find_element(By.ID, "back-to-till").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "table.till-payments tr[data-payment-id]"))
    assert fits_the_screen(browser)
    # The same code again is refused on the till page, named in Chinese.
    fill(browser, "amount", "1.00", "#till-charge")
    fill(browser, "paymentCode", code, "#till-charge")
    browser.find_element(By.CSS_SELECTOR, "#till-charge button[value='code']").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "p.form-error"))
    assert "已使用" in browser.find_element(By.CSS_SELECTOR, "p.form-error").text

    browser.find_element(By.CSS_SELECTOR, "button.issue-form").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "a.form-link"))
    browser.find_element(By.CSS_SELECTOR, "a.form-link").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "section.tax-free-form svg.barcode"))
    form_id = browser.find_element(By.CSS_SELECTOR, "section.tax-free-form").get_attribute("data-form-id")
    assert "OTELLO" in browser.page_source

    # The traveller sees the form with its countdown and takes the refund at once.
    browser.get(f"{server}/wallet")
    before = balance(browser)
    assert before < 3000.0
    row = browser.find_element(By.CSS_SELECTOR, f"li.form[data-form-id='{form_id}']")
    assert row.find_elements(By.CSS_SELECTOR, ".countdown")
    row.find_element(By.CSS_SELECTOR, "button.instant-refund").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, f"li.form[data-form-id='{form_id}'][data-refund='instant']"))
    assert balance(browser) > before

    # The store shows a charge code; the traveller's phone reads it and pays.
    browser.get(f"{server}/merchant/till?shop=shop-arno-firenze")
    fill(browser, "amount", "20.00", "#till-charge")
    browser.find_element(By.CSS_SELECTOR, "#till-charge button[value='charge']").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".charge-code .qr svg"))
    assert browser.find_elements(By.CSS_SELECTOR, ".charge-code .cny-now")
    link = decoded(page_svg(browser))
    assert "/pay/shop/c_" in link
    browser.get(link)
    wait.until(lambda b: b.find_elements(By.ID, "pay-charge"))
    assert "€" in browser.find_element(By.ID, "charge-local").text or "EUR" in browser.find_element(By.ID, "charge-local").text
    assert "¥" in browser.find_element(By.ID, "charge-cny").text or "CNY" in browser.find_element(By.ID, "charge-cny").text
    browser.find_element(By.ID, "pay-charge").click()
    wait.until(lambda b: b.find_elements(By.ID, "receipt-cny"))

    # Ops see the form and what the operator owes for the instant refund.
    browser.get(f"{server}/ops/signin")
    fill(browser, "key", "e2e")
    browser.find_element(By.CSS_SELECTOR, "form.stacked button").click()
    wait.until(lambda b: "/ops/signin" not in b.current_url)
    browser.get(f"{server}/ops/tax-free?country=IT")
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, f"tr[data-form-id='{form_id}']"))
    assert browser.find_elements(By.CSS_SELECTOR, "ul.receivables li[data-currency='EUR']")
