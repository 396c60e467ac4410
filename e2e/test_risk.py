"""Ops' risk console in a real browser, in Chinese: a rule that does not parse is refused at its
line; a rule saved holds the orders of three identities shipping to one warehouse (written three
ways, through the API as an app would buy); the case shows the cluster's graph with identity
numbers masked; ops clear it from the page; the search box finds the order; the console's menu
leads to every desk."""
import json
import time
import urllib.request
import uuid

from selenium.webdriver.common.by import By

from conftest import fits_the_screen, waiting

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_number(n):
    """A resident ID number with its GB 11643 check character."""
    body = f"31011519900101{n:03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]


def api(server, method, path, body=None, token=None, key=None):
    request = urllib.request.Request(f"{server}{path}", method=method, data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    if key:
        request.add_header("Idempotency-Key", key)
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def ring_buyer(server, n, street, mobile):
    email = f"ring-{uuid.uuid4().hex[:8]}@example.cn"
    api(server, "POST", "/api/v1/consumers", {"email": email, "password": "a long passphrase"}, key=uuid.uuid4().hex)
    token = api(server, "POST", "/api/v1/sessions", {"email": email, "password": "a long passphrase"})["token"]
    api(server, "PUT", "/api/v1/me/identity", {"name": "王小明", "idNumber": id_number(n), "mobile": "13800138000"}, token=token, key=uuid.uuid4().hex)
    deadline = time.time() + 20
    while api(server, "GET", "/api/v1/me/identity", token=token).get("status") != "verified" and time.time() < deadline:
        time.sleep(0.2)
    address = api(server, "POST", "/api/v1/me/addresses", {"province": "上海市", "city": "上海市", "district": "浦东新区", "street": street,
                                                           "recipient": "仓库", "mobile": mobile}, token=token, key=uuid.uuid4().hex)
    return token, address["id"]


def test_rules_hold_a_ring_and_ops_clear_its_case(server, browser):
    wait = waiting(browser, 20)
    browser.get(f"{server}/ops/risk?lang=zh-CN")
    browser.find_element(By.NAME, "key").send_keys("e2e")
    browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]").click()
    wait.until(lambda b: "/signin" not in b.current_url)
    browser.get(f"{server}/ops/risk?lang=zh-CN")
    assert "风控规则" in browser.title
    assert fits_the_screen(browser), "the rules page fits a phone's width"

    rules = browser.find_element(By.NAME, "rules")
    rules.clear()
    rules.send_keys("# 仓库\nrule warehouse: review when address.owners >= 3")
    browser.find_element(By.ID, "save-rules").click()
    browser.switch_to.alert.accept()
    error = wait.until(lambda b: b.find_element(By.CSS_SELECTOR, "p.form-error[data-line='2']"))
    assert "第 2 行" in error.text and "没有名为“address.owners”的信号" in error.text, "the fault named in the console's language"
    rules = browser.find_element(By.NAME, "rules")
    assert "address.owners" in rules.get_attribute("value"), "the text as typed is kept"
    rules.clear()
    rules.send_keys("rule warehouse: review when address.identities >= 3")
    browser.find_element(By.ID, "save-rules").click()
    browser.switch_to.alert.accept()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "p.rules-version:not([data-version='0'])"))

    # Three bought identities, one warehouse written three ways.
    held = []
    for n, (street, mobile) in enumerate([("张江路88号3栋1201室", "13912345678"), ("张江路８８号 三号楼 502", "139 1234 5678"),
                                          ("张江路 88 号 3 幢", "139-1234-5678")], start=401):
        token, address = ring_buyer(server, n, street, mobile)
        bought = api(server, "POST", "/api/v1/me/buy-now", {"skuId": "pp-nuts-1", "addressId": address, "channel": "bank"},
                     token=token, key=uuid.uuid4().hex)
        held.append(bought["orderIds"][0])

    browser.get(f"{server}/ops/risk/cases?lang=zh-CN")
    browser.find_element(By.CSS_SELECTOR, "table.cases tr[data-status='open'] a").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "section.risk-case svg.case-graph"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.case-graph circle.identity")) == 3
    assert browser.find_elements(By.CSS_SELECTOR, f"tr[data-order='{held[2]}'][data-held='true']"), "the third order is held"
    page = browser.page_source
    for n in range(401, 404):
        assert id_number(n) not in page, "no identity number unmasked"
    browser.find_element(By.CSS_SELECTOR, "button[data-action='clear']").click()
    browser.switch_to.alert.accept()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "section.risk-case[data-status='cleared']"))
    assert "cleared" in browser.find_element(By.CSS_SELECTOR, "ol.case-timeline").text

    # The one search box finds the order an officer quotes, and leads to it.
    search = browser.find_element(By.CSS_SELECTOR, "nav.ops-menu form.ops-find input[name=q]")
    search.send_keys(held[0])
    search.submit()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "table.found tr[data-kind='order']"))
    assert held[0] in browser.find_element(By.CSS_SELECTOR, "table.found").text

    browser.find_element(By.CSS_SELECTOR, "nav.ops-menu a[href='/ops/declarations']").click()
    wait.until(lambda b: b.current_url.endswith("/ops/declarations"))
    assert browser.find_element(By.CSS_SELECTOR, "nav.ops-menu a[aria-current='page']").get_attribute("href").endswith("/ops/declarations")
    assert "不一致项" in browser.find_element(By.CSS_SELECTOR, "table.declarations thead").text, "the desk speaks the console's language"
    for desk in ["/ops/dashboard", "/hub", "/ops/parcels"]:
        browser.find_element(By.CSS_SELECTOR, f"nav.ops-menu a[href='{desk}']").click()
        wait.until(lambda b, desk=desk: b.current_url.split("?")[0].endswith(desk))
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
        assert fits_the_screen(browser), f"{desk} fits a phone's width"
