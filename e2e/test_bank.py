"""A partner bank at its console on a phone-sized window: signs in with its key, sees the demo's
clients and the merchants they became, pastes an onboarding file with a mistyped IBAN and is
told which client and line, puts it right and onboards both; then its flagship store gathers
its clients' products, and the workshop's store says which bank introduced it."""
import datetime

import pytest
from selenium.webdriver.common.by import By

from conftest import fits_the_screen, server_with_key, waiting

HEADER = ("reference,legal_name,country,registration_number,address_line1,address_city,representative_name,"
          "representative_email,owners_complete,payout_holder,payout_currency,payout_iban,brands,categories,"
          "attested_checks,attested_on,attestation_reference")


def onboarding_file(second_iban):
    checked = (datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date() - datetime.timedelta(days=5)).isoformat()
    rows = [
        f"e-1,Vetreria San Frediano S.r.l.,IT,04812260489,Borgo San Frediano 40,Firenze,Anna Neri,anna@sanfrediano.example,yes,"
        f"Vetreria San Frediano S.r.l.,EUR,IT60X0542811101000000123456,San Frediano,home,registry;bank-account,{checked},KYC-9001",
        f"e-2,Cartoleria Pitti S.n.c.,IT,00743110157,Piazza Pitti 6,Firenze,Marco Pitti,marco@pitti.example,yes,"
        f"Cartoleria Pitti S.n.c.,EUR,{second_iban},Pitti,stationery,registry,{checked},KYC-9002",
    ]
    return "\n".join([HEADER] + rows)


@pytest.fixture(scope="module")
def bank_server():
    yield from server_with_key("bank", "bank-key", "--bank", "bank-lungarno", "--label", "e2e")


def test_bank_onboards_its_clients_and_opens_its_flagship(bank_server, browser):
    server, key = bank_server
    wait = waiting(browser, 20)
    browser.get(f"{server}/bank/signin?lang=en")
    browser.find_element(By.NAME, "key").send_keys(key)
    browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "section.bank-console[data-bank-id='bank-lungarno']"))
    statuses = sorted(row.get_attribute("data-status") for row in browser.find_elements(By.CSS_SELECTOR, "table.applications tr[data-application]"))
    assert statuses == ["approved", "submitted"], statuses
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.merchants tr[data-merchant]")) == 2
    assert fits_the_screen(browser)

    # One IBAN with a wrong check digit: the whole file is refused, the client and its line named, the text kept.
    browser.find_element(By.NAME, "csv").send_keys(onboarding_file("IT61X0542811101000000123456"))
    browser.find_element(By.CSS_SELECTOR, "#onboard-form button[type=submit]").click()
    wait.until(lambda b: b.find_elements(By.ID, "refused"))
    problems = browser.find_elements(By.CSS_SELECTOR, "#refused li")
    assert [p.get_attribute("data-field") for p in problems] == ["clients[1].application.payout.iban"]
    assert "line 3" in problems[0].text
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.applications tr[data-application]")) == 2, "nothing was onboarded"

    area = browser.find_element(By.NAME, "csv")
    assert "Cartoleria Pitti" in area.get_attribute("value")
    area.clear()
    area.send_keys(onboarding_file("IT60X0542811101000000123456"))
    browser.find_element(By.CSS_SELECTOR, "#onboard-form button[type=submit]").click()
    wait.until(lambda b: b.find_elements(By.ID, "onboarded"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "#onboarded li")) == 2
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.applications tr[data-status='submitted']")) == 3

    # The flagship gathers the clients' products; the workshop's store names the bank, in Chinese.
    browser.find_element(By.ID, "flagship-link").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "section.flagship[data-flagship='lungarno']"))
    tiles = browser.find_elements(By.CSS_SELECTOR, "li.product a")
    assert tiles, "the flagship shows its clients' products"
    assert fits_the_screen(browser)
    tiles[0].click()
    wait.until(lambda b: "/products/" in b.current_url)
    browser.find_element(By.CSS_SELECTOR, "a[href^='/stores/']").click()
    wait.until(lambda b: "/stores/" in b.current_url)
    browser.get(browser.current_url.split("?")[0] + "?lang=zh-CN")
    assert "引荐银行: Banca del Lungarno" in browser.page_source
