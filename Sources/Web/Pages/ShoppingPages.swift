import Commerce
import Foundation
import Money
import Services

/// The cart, the checkout with each parcel's landed cost, and the buyer's orders.
enum ShoppingPages {
    static func cart(_ items: [(merchant: Merchant, item: ParcelItem)], addresses: [SavedAddress], rates: RateBook, now: Date,
                     csrf: String, language l: Language) -> String {
        let rows = items.map { entry in
            let item = entry.item
            let subtotal = (try? item.sku.price.multiplied(by: item.quantity)).map {  // safe: an overflowing line shows no subtotal
                " · \(escapeHTML(Words.subtotal(l))) " + ProductTiles.priceText($0, rates: rates, now: now, language: l, from: false)
            } ?? ""
            return """
                <li class="cart-line" data-sku-id="\(escapeHTML(item.sku.id))">
                <img src="\(escapeHTML(ProductImage.url(item.product, .tile)))" alt="" width="48" height="48" class="thumb">
                <a href="/products/\(escapeHTML(item.product.id))">\(escapeHTML(item.product.name(l)))</a> · \(escapeHTML(item.sku.variant(l)))
                · \(escapeHTML(entry.merchant.name(l)))
                \(ProductTiles.priceText(item.sku.price, rates: rates, now: now, language: l, from: false))
                <form method="post" action="/cart/lines" class="inline">\(BrowserSession.hiddenField(csrf))
                <input type="hidden" name="sku" value="\(escapeHTML(item.sku.id))">
                <label>\(escapeHTML(Words.quantity(l))) <input type="number" name="quantity" min="0" max="999" value="\(item.quantity)"></label>
                <button type="submit">\(escapeHTML(Words.update(l)))</button></form>\(subtotal)
                <form method="post" action="/cart/lines" class="inline">\(BrowserSession.hiddenField(csrf))
                <input type="hidden" name="sku" value="\(escapeHTML(item.sku.id))"><input type="hidden" name="quantity" value="0">
                <button type="submit" class="remove">\(escapeHTML(Words.remove(l)))</button></form>
                </li>
                """
        }.joined()
        // The goods in CNY at today's rates; freight and tax come with the quote at checkout.
        let goods = items.map { entry in
            (try? entry.item.sku.price.multiplied(by: entry.item.quantity)).flatMap { try? rates.convert($0, to: .CNY, at: now).converted }
        }
        let goodsTotal = goods.contains { $0 == nil } ? nil : try? Money.sum(goods.compactMap { $0 }, currency: .CNY)
        let total = goodsTotal.map {
            "<p class=\"cart-total\">\(escapeHTML(Words.goodsTotal(l))): <strong>\(escapeHTML($0.formatted(l)))</strong></p>"
        } ?? ""
        let choose = addresses.isEmpty
            ? "<p><a href=\"/account\">\(escapeHTML(Words.needAddress(l)))</a></p>"
            : """
                <form method="post" action="/checkout" class="stacked">\(BrowserSession.hiddenField(csrf))
                <label>\(escapeHTML(Words.deliverTo(l))) <select name="address">\(addresses.map { "<option value=\"\(escapeHTML($0.id))\">\(escapeHTML($0.oneLine))</option>" }.joined())</select></label>
                <button type="submit" id="checkout">\(escapeHTML(Words.checkout(l)))</button>
                </form>
                """
        let main = """
            <section class="panel">
            <h1>\(escapeHTML(Words.cart(l)))</h1>
            \(items.isEmpty ? "<p>\(escapeHTML(Words.emptyCart(l)))</p>" : "<ul class=\"cart\">\(rows)</ul>\(total)\(choose)")
            </section>
            """
        return Layout.page(title: Words.cart(l), language: l, path: "/cart", main: main)
    }

    /// What one parcel costs, line by line and in total: the landed cost.
    static func costTable(goods: Money, freight: Money, tax: Money, total: Money, language l: Language) -> String {
        """
        <table class="landed-cost">
        <tr><th>\(escapeHTML(Words.goods(l)))</th><td data-goods-minor="\(goods.minorUnits)">\(escapeHTML(goods.formatted(l)))</td></tr>
        <tr><th>\(escapeHTML(Words.freight(l)))</th><td data-freight-minor="\(freight.minorUnits)">\(escapeHTML(freight.formatted(l)))</td></tr>
        <tr><th>\(escapeHTML(Words.tax(l)))</th><td data-tax-minor="\(tax.minorUnits)">\(escapeHTML(tax.formatted(l)))</td></tr>
        <tr class="total"><th>\(escapeHTML(Words.total(l)))</th><td data-total-minor="\(total.minorUnits)">\(escapeHTML(total.formatted(l)))</td></tr>
        </table>
        """
    }

    static func checkout(_ quote: Quote, merchants: [String: Merchant], address: SavedAddress, estimates: [String: DeliveryEstimate], csrf: String,
                         language l: Language) -> String {
        let parcels = quote.parcels.map { parcel in
            """
            <section class="parcel" data-merchant-id="\(escapeHTML(parcel.merchantID))">
            <h2>\(escapeHTML(Words.parcel(l))) \(escapeHTML(merchants[parcel.merchantID]?.name(l) ?? parcel.merchantID))</h2>
            <p class="note">1 \(parcel.rate.base.code) = \(parcel.rate.rate) CNY (\(escapeHTML(parcel.rate.source)))</p>
            \(costTable(goods: parcel.goods, freight: parcel.freight, tax: parcel.tax, total: parcel.total, language: l))
            \(LogisticsPages.estimate(estimates[parcel.merchantID], language: l))
            </section>
            """
        }.joined()
        let main = """
            <section class="panel">
            <h1>\(escapeHTML(Words.checkout(l)))</h1>
            <p>\(escapeHTML(Words.deliverTo(l))): \(escapeHTML(address.oneLine))</p>
            \(parcels)
            <p class="grand-total">\(escapeHTML(Words.total(l))): <strong data-quote-total-minor="\(quote.total.minorUnits)">\(escapeHTML(quote.total.formatted(l)))</strong></p>
            <p class="note">\(escapeHTML(Words.quoteValidUntil(l))) \(ShownTime.element(quote.expiresAt, shown: ShownTime.inBeijing(quote.expiresAt, l)))</p>
            <form method="post" action="/checkout/\(escapeHTML(quote.id))/place">\(BrowserSession.hiddenField(csrf))
            <button type="submit" id="place-orders">\(escapeHTML(Words.placeOrders(l)))</button></form>
            </section>
            """
        return Layout.page(title: Words.checkout(l), language: l, path: "/checkout/\(quote.id)", main: main)
    }

    static func orders(_ orders: [OrderView], merchants: [String: Merchant], language l: Language) -> String {
        let rows = orders.map { order in
            """
            <li class="order" data-order-id="\(escapeHTML(order.id))" data-status="\(order.status.rawValue)">
            <a href="/orders/\(escapeHTML(order.id))">\(escapeHTML(Words.order(l))) \(escapeHTML(String(order.id.prefix(10))))</a>
            · \(escapeHTML(merchants[order.merchantID]?.name(l) ?? order.merchantID)) · \(escapeHTML(Words.status(order.status)(l)))
            · <strong>\(escapeHTML(order.total.formatted(l)))</strong>
            </li>
            """
        }.joined()
        let main = """
            <section class="panel"><h1>\(escapeHTML(Words.orders(l)))</h1>
            \(orders.isEmpty ? "<p>\(escapeHTML(Words.noOrders(l)))</p>" : "<ul class=\"orders\">\(rows)</ul>")
            </section>
            """
        return Layout.page(title: Words.orders(l), language: l, path: "/orders", main: main)
    }

    /// `path`: where the page is (the buyer's, or ops' with their console around it).
    static func order(_ order: OrderView, merchant: Merchant?, csrf: String, language l: Language, escrow: String = "", path: String? = nil) -> String {
        let lines = order.lines.map { line in
            "<li>\(escapeHTML(line.name(l))) × \(line.quantity) · \(escapeHTML(line.unitPrice.formatted(l))) → \(escapeHTML(line.goods.formatted(l)))</li>"
        }.joined()
        let timeline = order.events.map { event in
            """
            <li data-status="\(event.to.rawValue)">\(ShownTime.element(event.at, shown: ShownTime.inBeijing(event.at, l)))
            \(escapeHTML(Words.status(event.to)(l)))\(event.note.isEmpty ? "" : " — " + escapeHTML(event.note))</li>
            """
        }.joined()
        let cancel = order.status == .created
            ? "<form method=\"post\" action=\"/orders/\(escapeHTML(order.id))/cancel\" onsubmit=\"return confirm('\(escapeHTML(Words.cancelQuestion(l)))')\">\(BrowserSession.hiddenField(csrf))<button type=\"submit\">\(escapeHTML(Words.cancelOrder(l)))</button></form><p class=\"note\">\(escapeHTML(Words.payBy(l))) \(ShownTime.element(order.payBy, shown: ShownTime.inBeijing(order.payBy, l)))</p>"
            : ""
        let main = """
            <section class="panel" data-order-id="\(escapeHTML(order.id))">
            <h1>\(escapeHTML(Words.order(l))) \(escapeHTML(order.id))</h1>
            <p>\(escapeHTML(merchant?.name(l) ?? order.merchantID)) · <strong class="status">\(escapeHTML(Words.status(order.status)(l)))</strong></p>
            <p>\(escapeHTML(Words.deliverTo(l))): \(escapeHTML(order.deliverTo))</p>
            <ul>\(lines)</ul>
            \(costTable(goods: order.goods, freight: order.freight, tax: order.tax, total: order.total, language: l))
            \(cancel)
            <p><a href="/orders/\(escapeHTML(order.id))/tracking" class="tracking-link">\(escapeHTML(LocalizedText(en: "Track the parcel", zh: "物流跟踪")(l)))</a></p>
            \(escrow)
            <h2>\(escapeHTML(Words.timeline(l)))</h2>
            <ol class="timeline">\(timeline)</ol>
            </section>
            """
        return Layout.page(title: Words.order(l), language: l, path: path ?? "/orders/\(order.id)", main: main)
    }
}
