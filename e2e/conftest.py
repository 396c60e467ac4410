"""Fixtures for the browser tests: a real `crossborder serve` on a temporary SQLite file, and
headless Chromium driven by selenium. A failing test leaves a screenshot in e2e/screenshots/."""
import json
import os
import pathlib
import re
import subprocess
import tempfile
import time
import urllib.request
import uuid

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCREENSHOTS = pathlib.Path(__file__).resolve().parent / "screenshots"


def _binary():
    explicit = os.environ.get("CROSSBORDER_BIN")
    if explicit:
        return explicit
    return str(ROOT / ".build" / "debug" / "crossborder")


def start_server(*extra, database=None):
    """A real `crossborder serve` on `database` (default: a new SQLite file); returns (process, base URL)."""
    if database is None:
        database = tempfile.mkdtemp(prefix="crossborder-e2e-") + "/e2e.sqlite"
    process = subprocess.Popen(
        [_binary(), "serve", "--port", "0", "--database-url", f"sqlite:{database}", "--ops-token", "e2e", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = None
    deadline = time.time() + 60
    lines = []
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        found = re.search(r"on (http://[\d.]+:\d+)", line)
        if found:
            base = found.group(1)
            break
    if base is None:
        process.kill()
        pytest.fail("the server did not start:\n" + "".join(lines))
    return process, base


def server_with_key(name, *command):
    """A server on a new SQLite file of its own, and a key issued on it by `crossborder <command>`
    (merchant-key, bank-key); yields (base URL, key) and stops the server after."""
    database = tempfile.mkdtemp(prefix=f"crossborder-{name}-") + f"/{name}.sqlite"
    process, base = start_server(database=database)
    key = subprocess.run([_binary(), *command, "--database-url", f"sqlite:{database}"],
                         check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    yield base, key
    process.terminate()
    process.wait(timeout=20)


def waiting(browser, seconds, poll=0.5):
    """A wait that looks again when the page it was reading is replaced under it: a condition
    that finds an element while a form's answer is loading may hold the old page's element."""
    return WebDriverWait(browser, seconds, poll_frequency=poll, ignored_exceptions=[StaleElementReferenceException])


def fill(browser, name, value, form="form"):
    field = browser.find_element(By.CSS_SELECTOR, f"{form} [name='{name}']")
    field.clear()
    field.send_keys(value)


def sign_up(browser, server, wait, who="buyer"):
    """A new account through the sign-up page, in Chinese; lands on the home page. Returns its e-mail address."""
    browser.get(f"{server}/account/signup?lang=zh-CN")
    email = f"{who}-{uuid.uuid4().hex[:8]}@example.cn"
    fill(browser, "email", email)
    fill(browser, "password", "a long passphrase")
    browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]").click()
    wait.until(lambda b: b.current_url.rstrip("/") == server)
    return email


def enrol_identity(browser, wait):
    """ePass on the account page (already open), with the standard's example number."""
    identity = "form[action='/account/identity']"
    fill(browser, "name", "王小明", identity)
    fill(browser, "idNumber", "11010519491231002X", identity)
    fill(browser, "mobile", "13800138000", identity)
    browser.find_element(By.CSS_SELECTOR, f"{identity} button").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "p.identity[data-status='verified']"))


def fits_the_screen(browser):
    """Nothing on the page is wider than the window (no sideways scrolling on a phone)."""
    return browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.fixture(scope="session")
def server():
    process, base = start_server()
    yield base
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="session")
def stores(server):
    with urllib.request.urlopen(f"{server}/api/v1/stores") as response:
        return json.load(response)["stores"]


@pytest.fixture
def browser(request):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=412,915"):
        options.add_argument(argument)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    yield driver
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        SCREENSHOTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(SCREENSHOTS / f"{request.node.name}.png"))
    driver.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.report_call = report
