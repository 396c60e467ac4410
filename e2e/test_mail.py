"""Mail through a real SMTP server (aiosmtpd, in this process): a buyer who forgot the password
asks from the sign-in page, gets the link by e-mail, sets a new password and is signed in; the
link then no longer works."""
import email
import email.policy
import re
import socket
import time

import pytest
from aiosmtpd.controller import Controller
from selenium.webdriver.common.by import By

from conftest import fill, fits_the_screen, sign_up, start_server, waiting


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 accepted"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mailed():
    """A server whose notices go to an SMTP server of this test's own; yields (base URL, inbox)."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    process, base = start_server("--smtp-host", "127.0.0.1", "--smtp-port", str(port), "--mail-from", "notices@crossborder.test")
    yield base, inbox
    process.terminate()
    process.wait(timeout=20)
    controller.stop()


def test_forgotten_password_by_email(mailed, browser):
    server, inbox = mailed
    wait = waiting(browser, 15)
    address = sign_up(browser, server, wait, who="forgetful")
    browser.delete_all_cookies()

    browser.get(f"{server}/account/signin?lang=zh-CN")
    browser.find_element(By.ID, "forgot-password").click()
    wait.until(lambda b: "/account/reset" in b.current_url)
    fill(browser, "email", address)
    browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]").click()
    wait.until(lambda b: b.find_elements(By.ID, "reset-sent"))
    assert fits_the_screen(browser)

    deadline = time.time() + 30
    while not inbox.messages and time.time() < deadline:
        time.sleep(0.5)
    assert len(inbox.messages) == 1, "one message, within a mailer round or two"
    envelope = inbox.messages[0]
    assert envelope.rcpt_tos == [address] and envelope.mail_from == "notices@crossborder.test"
    message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    assert "重置您的密码" in message["subject"] and "Reset your password" in message["subject"]
    body = message.get_content()
    links = re.findall(re.escape(server) + r"/account/reset/r_[A-Za-z0-9_-]+", body)
    assert len(set(links)) == 1, body

    browser.get(links[0])
    fill(browser, "newPassword", "a brand new passphrase")
    browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]").click()
    wait.until(lambda b: b.current_url.endswith("/account"))
    assert address in browser.page_source, "signed in with the new password"

    browser.get(links[0])
    assert browser.find_elements(By.ID, "reset-closed"), "the link works once"
