"""A new buyer signs up, finds a product by Chinese text, puts items from two stores in the
cart, checks out, and sees two orders — one per merchant, as each parcel clears customs alone."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import enrol_identity, fill, fits_the_screen, sign_up, waiting


def test_new_buyer_orders_from_two_stores(server, browser):
    wait = waiting(browser, 15)
    sign_up(browser, server, wait)

    browser.get(f"{server}/account")
    address = "form[action='/account/addresses']"
    Select(browser.find_element(By.CSS_SELECTOR, f"{address} [name='province']")).select_by_visible_text("上海市")
    fill(browser, "city", "上海市", address)
    fill(browser, "district", "浦东新区", address)
    fill(browser, "street", "世纪大道100号", address)
    fill(browser, "recipient", "王小明1", address)
    fill(browser, "mobile", "13800138000", address)
    browser.find_element(By.CSS_SELECTOR, "form[action='/account/addresses'] button").click()
    # Refused (a name has no digits): the form comes back as typed, the refusal above it.
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "p.form-error"))
    assert browser.find_element(By.CSS_SELECTOR, f"{address} [name='street']").get_attribute("value") == "世纪大道100号"
    fill(browser, "recipient", "王小明", address)
    browser.find_element(By.CSS_SELECTOR, "form[action='/account/addresses'] button").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "ul.addresses li"))
    listed = browser.find_element(By.CSS_SELECTOR, "ul.addresses li").text
    assert "138****8000" in listed and "13800138000" not in listed
    # Changed in place: the form opens filled in (the mobile typed again), and the new street replaces the old.
    browser.find_element(By.CSS_SELECTOR, "ul.addresses li details.edit-address summary").click()
    edit = "ul.addresses li details.edit-address form"
    assert browser.find_element(By.CSS_SELECTOR, f"{edit} [name='street']").get_attribute("value") == "世纪大道100号"
    fill(browser, "street", "世纪大道200号", edit)
    fill(browser, "mobile", "13800138000", edit)
    browser.find_element(By.CSS_SELECTOR, f"{edit} button").click()
    wait.until(lambda b: "世纪大道200号" in b.find_element(By.CSS_SELECTOR, "ul.addresses li").text)
    assert len(browser.find_elements(By.CSS_SELECTOR, "ul.addresses li")) == 1

    enrol_identity(browser, wait)
    assert "1101**********002X" in browser.find_element(By.CSS_SELECTOR, "p.identity").text
    assert "11010519491231002X" not in browser.page_source

    browser.get(f"{server}/")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("坚果")
    box.submit()
    wait.until(lambda b: "/search" in b.current_url)
    browser.find_element(By.CSS_SELECTOR, "li.product[data-product-id='pp-nuts'] a").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "table.landed-cost"))
    browser.find_element(By.CSS_SELECTOR, "li.sku[data-sku-id='pp-nuts-1'] .add-to-cart").click()
    wait.until(lambda b: "/cart" in b.current_url)

    browser.get(f"{server}/products/ba-wallet")
    browser.find_element(By.CSS_SELECTOR, "li.sku[data-sku-id='ba-wallet-1'] .add-to-cart").click()
    wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "li.cart-line")) == 2)
    assert fits_the_screen(browser), "the cart is wider than the phone"
    assert len(browser.find_elements(By.CSS_SELECTOR, "li.cart-line img.thumb")) == 2
    assert browser.find_elements(By.CSS_SELECTOR, "#nav-cart .cart-count[data-count='2']"), "the header counts the cart"
    assert browser.find_elements(By.CSS_SELECTOR, "#nav-account[data-signed-in='true']"), "the header says who is signed in"
    assert "¥" in browser.find_element(By.CSS_SELECTOR, "p.cart-total").text

    # A third item, then removed again from the cart.
    browser.get(f"{server}/products/pp-almonds")
    browser.find_element(By.CSS_SELECTOR, "li.sku[data-sku-id='pp-almonds-1'] .add-to-cart").click()
    wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "li.cart-line")) == 3)
    browser.find_element(By.CSS_SELECTOR, "li.cart-line[data-sku-id='pp-almonds-1'] button.remove").click()
    wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "li.cart-line")) == 2)

    browser.find_element(By.ID, "checkout").click()
    wait.until(lambda b: b.find_elements(By.ID, "place-orders"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "section.parcel")) == 2
    assert fits_the_screen(browser), "the checkout is wider than the phone"
    browser.find_element(By.ID, "place-orders").click()
    wait.until(lambda b: "/orders" in b.current_url)
    orders = browser.find_elements(By.CSS_SELECTOR, "li.order")
    assert len(orders) == 2
    assert all(order.get_attribute("data-status") == "created" for order in orders)

    # The pay page lists the group's orders; the partner wallet confirms by callback a moment later.
    assert "/pay" in browser.current_url
    browser.find_element(By.CSS_SELECTOR, "input[name='channel'][value='partner']").click()
    browser.find_element(By.ID, "pay").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "li.payment[data-channel='partner']"))

    def paid(b):
        b.refresh()
        return b.find_elements(By.CSS_SELECTOR, "li.payment[data-status='succeeded']")

    waiting(browser, 30, poll=1).until(paid)
    orders = browser.find_elements(By.CSS_SELECTOR, "li.order")
    # Paid, and, the buyer being pre-approved, declared to customs (and maybe released) moments later.
    assert all(order.get_attribute("data-status") in ("paid", "declared", "cleared") for order in orders)
    order_link = orders[0].find_element(By.TAG_NAME, "a").get_attribute("href")
    browser.get(order_link)
    assert browser.find_element(By.CSS_SELECTOR, "section.escrow").get_attribute("data-escrow") == "held"

    def declared(b):
        b.refresh()
        return b.find_element(By.CSS_SELECTOR, "section.declaration").get_attribute("data-declaration") in ("submitted", "inspection", "released")

    waiting(browser, 30, poll=1).until(declared)
    assert "11010519491231002X" not in browser.page_source

    # The buyer is told: the header counts what is new, the messages page says it and links the order.
    assert int(browser.find_element(By.CSS_SELECTOR, "#nav-messages .unread-count").get_attribute("data-count")) >= 2
    browser.find_element(By.ID, "nav-messages").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "li.notice-item"))
    kinds = {item.get_attribute("data-kind") for item in browser.find_elements(By.CSS_SELECTOR, "li.notice-item")}
    assert {"paid", "declared"} <= kinds
    assert browser.find_elements(By.CSS_SELECTOR, f"li.notice-item a[href='/orders/{order_link.rsplit('/', 1)[1]}']")
    assert fits_the_screen(browser)
    browser.refresh()
    assert not browser.find_elements(By.CSS_SELECTOR, "#nav-messages .unread-count"), "read once shown"

    # Ops follow the money: sign in with the ops token, find the order's escrow account, and
    # from its transfers reach the order.
    browser.get(f"{server}/ops/signin")
    fill(browser, "key", "e2e")
    browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]").click()
    wait.until(lambda b: "/ops/ledger" in b.current_url)
    order_id = order_link.rsplit("/", 1)[1]
    browser.get(f"{server}/ops/ledger?prefix=escrow:{order_id}")
    browser.find_element(By.CSS_SELECTOR, "table.accounts a").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "table.transfers tr[data-transfer-id]"))
    codes = [row.find_elements(By.TAG_NAME, "td")[3].text for row in browser.find_elements(By.CSS_SELECTOR, "table.transfers tr[data-transfer-id]")]
    assert "escrow" in codes and "hold:goods" in codes
    browser.find_element(By.CSS_SELECTOR, "table.transfers a.order").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, f"section[data-order-id='{order_id}']"))

    # The declaration queue, and the parcel's three records side by side, matching.
    browser.get(f"{server}/ops/declarations")
    browser.find_element(By.CSS_SELECTOR, f"tr[data-order-id='{order_id}'] a").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "table.records"))
    assert browser.find_elements(By.CSS_SELECTOR, "p.matched")
    assert "1101**********002X" in browser.page_source and "11010519491231002X" not in browser.page_source
