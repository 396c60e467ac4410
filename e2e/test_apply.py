"""An overseas business applies on the public page, on a phone, in Chinese: a mistyped
number is marked beside its field with what was typed kept, the draft is saved and resumed
with its number and key in another browser, submitted, checked by the sandbox providers,
and approved by ops on the application's file; the new store then opens."""
import tempfile
import time
import zlib

from selenium.webdriver.common.by import By

from conftest import fill, fits_the_screen, waiting


def test_apply_resume_submit_and_approve(server, browser):
    wait = waiting(browser, 20)
    browser.get(f"{server}/merchants/apply?lang=zh-CN")
    assert "入驻跨境购" in browser.title
    assert fits_the_screen(browser), "the form fits a phone's width"
    fill(browser, "legalName", "Lago Blu S.r.l.", "form[action='/merchants/apply']")
    fill(browser, "country", "it", "form[action='/merchants/apply']")
    fill(browser, "registrationNumber", "04812260488", "form[action='/merchants/apply']")
    browser.find_element(By.CSS_SELECTOR, "button[value=save]").click()
    error = wait.until(lambda b: b.find_element(By.ID, "f-registrationNumber-error"))
    assert "校验位" in error.text, "said in Chinese beside the field"
    assert browser.find_element(By.NAME, "legalName").get_attribute("value") == "Lago Blu S.r.l.", "what was typed is kept"

    fill(browser, "registrationNumber", "04812260489", "form[action='/merchants/apply']")
    browser.find_element(By.CSS_SELECTOR, "button[value=save]").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "p.application-status[data-status='draft']"))
    browser.find_element(By.CSS_SELECTOR, "details.resume summary").click()
    number = browser.find_element(By.CSS_SELECTOR, "details.resume code").text
    key = browser.find_element(By.CSS_SELECTOR, "details.resume code.resume-key").text

    # Another browser: no cookie, the number and key open the draft.
    browser.delete_all_cookies()
    browser.get(f"{server}/merchants/apply?lang=zh-CN")
    fill(browser, "id", number, "form[action='/merchants/apply/resume']")
    fill(browser, "key", key, "form[action='/merchants/apply/resume']")
    browser.find_element(By.CSS_SELECTOR, "form[action='/merchants/apply/resume'] button").click()
    wait.until(lambda b: b.find_element(By.NAME, "legalName").get_attribute("value") == "Lago Blu S.r.l.")

    # A real PNG (one white pixel) through the file input; a text file calling itself .png is refused.
    def chunk(kind, data):
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])) \
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b"")
    folder = tempfile.mkdtemp(prefix="crossborder-e2e-docs-")
    with open(f"{folder}/address.png", "wb") as out:
        out.write(png)
    with open(f"{folder}/fake.png", "wb") as out:
        out.write(b"not a picture at all")
    upload = "form.document-upload[data-kind='proof-of-address']"
    browser.find_element(By.CSS_SELECTOR, f"{upload} input[type=file]").send_keys(f"{folder}/fake.png")
    browser.find_element(By.CSS_SELECTOR, f"{upload} button").click()
    wait.until(lambda b: b.find_element(By.CSS_SELECTOR, f"{upload} .field-error").text.strip())
    browser.find_element(By.CSS_SELECTOR, f"{upload} input[type=file]").send_keys(f"{folder}/address.png")
    browser.find_element(By.CSS_SELECTOR, f"{upload} button").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "ul.document-list li[data-review='pending']"))

    form = "form[action='/merchants/apply']"
    for name, value in [("address.line1", "Via Roma 3"), ("address.city", "Como"), ("representative.name", "Luca Bianchi"),
                        ("representative.email", "luca@lagoblu.example"), ("owners[0].name", "Luca Bianchi"),
                        ("owners[0].sharePercent", "100"), ("payout.holderName", "Lago Blu S.r.l."), ("payout.currency", "EUR"),
                        ("payout.iban", "IT60 X054 2811 1010 0000 0123 456"), ("brands", "Lago Blu"), ("categories", "accessories")]:
        fill(browser, name, value, form)
    browser.find_element(By.CSS_SELECTOR, "button[value=submit]").click()
    browser.switch_to.alert.accept()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "p.application-status[data-status='submitted']"))
    assert browser.find_elements(By.CSS_SELECTOR, "li[data-requirement='review.ops']")
    assert fits_the_screen(browser)

    # The sandbox providers answer within seconds; then ops approve on the file.
    browser.get(f"{server}/ops/signin")
    browser.find_element(By.NAME, "key").send_keys("e2e")
    browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]").click()
    wait.until(lambda b: "/signin" not in b.current_url)
    deadline = time.time() + 60
    while True:
        browser.get(f"{server}/ops/applications/{number}?lang=zh-CN")
        states = [p.get_attribute("data-state") for p in browser.find_elements(By.CSS_SELECTOR, "p.check-state")]
        if states and "pending" not in states:
            break
        assert time.time() < deadline, f"the checks did not answer: {states}"
        time.sleep(1)
    assert "登记机构信息" in browser.page_source, "what was applied beside what the register says"
    fill(browser, "reviewer", "E2E Reviewer", "form[action$='/decisions']")
    browser.find_element(By.CSS_SELECTOR, "button[value=approve]").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "section.application-file[data-status='approved']"))
    assert browser.find_elements(By.CSS_SELECTOR, "li[data-decision='approve']")
    assert "E2E Reviewer" in browser.page_source

    # The same browser still holds the application's cookie: its page shows what it may do now.
    browser.get(f"{server}/merchants/apply?lang=zh-CN")
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "li[data-capability='sell'][data-enabled='true']"))
    assert fits_the_screen(browser)
