import Commerce
import Foundation
import Money
import Services

/// The traveller's wallet and payment code, the page a scanned charge opens, the store's till
/// and printable tax-free form, and ops' forms by country.
enum TravelPages {
    typealias W = TravelWords

    static func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(escapeHTML(name))\" value=\"\(escapeHTML(value))\">"
    }

    static func error(_ message: String?) -> String {
        message.map { "<p class=\"form-error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? ""
    }

    // MARK: the traveller

    static func wallet(_ wallet: WalletView, topUps: [TopUpView], forms: [TaxFreeFormView], payments: [TillPayment], shops: [String: Shop],
                       csrf: String, key: String, error message: String?, now: Date, language l: Language) -> String {
        let open = topUps.filter { $0.status != .succeeded }.prefix(5).map { topUp in
            """
            <li class="top-up" data-status="\(topUp.status.rawValue)">\(escapeHTML(ShownTime.inBeijing(topUp.createdAt, l))) · \(escapeHTML(topUp.amount.formatted(l)))
            · \(escapeHTML(W.topUpStatus[topUp.status]?(l) ?? topUp.status.rawValue))\(topUp.failure.map { " — " + escapeHTML($0) } ?? "")</li>
            """
        }.joined()
        let debt = wallet.debt.minorUnits > 0
            ? "<p class=\"debt\" data-debt=\"\(wallet.debt.decimalText)\">\(escapeHTML(W.debt(l))): <strong>\(escapeHTML(wallet.debt.formatted(l)))</strong></p>" : ""
        let channels = W.channels.keys.sorted().map { name in
            "<label class=\"choice\"><input type=\"radio\" name=\"channel\" value=\"\(name)\"\(name == "bank" ? " checked" : "")> \(escapeHTML(W.channels[name]?(l) ?? name))</label>"
        }.joined()
        let formRows = forms.map { form in formRow(form, shop: shops[form.shopID], csrf: csrf, key: key, now: now, language: l) }.joined()
        let paymentRows = payments.map { payment in
            """
            <tr data-payment-id="\(escapeHTML(payment.id))"><td>\(escapeHTML(ShownTime.inCountry(payment.createdAt, shops[payment.shopID]?.country ?? "")))</td>
            <td>\(escapeHTML(shops[payment.shopID]?.name(l) ?? payment.shopID))</td><td class="amount">\(escapeHTML(payment.amount.formatted(l)))</td>
            <td class="amount">\(escapeHTML(payment.cny.formatted(l)))</td></tr>
            """
        }.joined()
        let movementRows = wallet.movements.prefix(30).map { movement in
            """
            <tr><td>\(escapeHTML(ShownTime.inBeijing(movement.at, l)))</td><td>\(escapeHTML(W.movementNames[movement.code]?(l) ?? movement.code))</td>
            <td class="amount">\(escapeHTML(movement.amount.formatted(l)))</td></tr>
            """
        }.joined()
        let main = """
            <section class="panel wallet"><h1>\(escapeHTML(W.wallet(l)))</h1>
            <p class="balance">\(escapeHTML(W.balance(l))): <strong id="wallet-balance" data-balance="\(wallet.balance.decimalText)">\(escapeHTML(wallet.balance.formatted(l)))</strong></p>
            \(debt)\(error(message))
            <form method="post" action="/wallet/code" class="inline-actions">\(BrowserSession.hiddenField(csrf))<button type="submit" id="show-code">\(escapeHTML(W.showCode(l)))</button></form>
            </section>
            <section class="panel"><h2>\(escapeHTML(W.topUp(l)))</h2>
            <form method="post" action="/wallet/top-ups" class="stacked" id="top-up">\(BrowserSession.hiddenField(csrf))\(hidden("key", key))
            <label>\(escapeHTML(W.amountCNY(l)))<input name="amount" inputmode="decimal" required placeholder="2000.00"></label>
            <fieldset><legend>\(escapeHTML(W.channel(l)))</legend>\(channels)</fieldset>
            <button type="submit">\(escapeHTML(W.topUp(l)))</button></form>\(open.isEmpty ? "" : "<ul class=\"top-ups\">\(open)</ul>")</section>
            <section class="panel"><h2>\(escapeHTML(W.forms(l)))</h2>
            \(forms.isEmpty ? "<p class=\"note\">\(escapeHTML(W.noForms(l)))</p>" : "<ul class=\"forms\">\(formRows)</ul>")</section>
            <section class="panel"><h2>\(escapeHTML(W.payments(l)))</h2>
            \(payments.isEmpty ? "<p class=\"note\">\(escapeHTML(W.noPayments(l)))</p>" : "<div class=\"table-scroll\"><table class=\"records\"><tbody>\(paymentRows)</tbody></table></div>")</section>
            <section class="panel"><h2>\(escapeHTML(W.movements(l)))</h2><div class="table-scroll"><table class="records movements"><tbody>\(movementRows)</tbody></table></div></section>
            <section class="panel"><h2>\(escapeHTML(W.withdraw(l)))</h2>
            <form method="post" action="/wallet/withdrawals" class="stacked" id="withdraw">\(BrowserSession.hiddenField(csrf))\(hidden("key", key))
            <label>\(escapeHTML(W.amountCNY(l)))<input name="amount" inputmode="decimal" required></label>
            <label>\(escapeHTML(W.card(l)))<input name="card" inputmode="numeric" autocomplete="cc-number" required></label>
            <button type="submit">\(escapeHTML(W.withdraw(l)))</button></form></section>
            """
        return Layout.page(title: W.wallet(l), language: l, path: "/wallet", main: main)
    }

    static func formRow(_ form: TaxFreeFormView, shop: Shop?, csrf: String, key: String, now: Date, language l: Language) -> String {
        let days = Int((form.deadline.timeIntervalSince(now) / 86_400).rounded(.up)) - 1
        let countdown = form.status == .issued ? " · <span class=\"countdown\">\(escapeHTML(W.daysLeft(days)(l)))</span>" : ""
        let refund = form.refundCNY.map { " (\($0.formatted(l)))" } ?? ""
        let action = form.status == .issued && form.refundStatus == .awaitingValidation
            ? """
              <form method="post" action="/wallet/forms/\(escapeHTML(form.id))/instant-refund" class="inline">\(BrowserSession.hiddenField(csrf))
              <button type="submit" class="instant-refund">\(escapeHTML(W.refundNow(l)))</button></form><p class="note">\(escapeHTML(W.refundNowNote(l)))</p>
              """ : ""
        return """
            <li class="form" data-form-id="\(escapeHTML(form.id))" data-status="\(form.status.rawValue)" data-refund="\(form.refundStatus.rawValue)">
            <strong>\(escapeHTML(shop?.name(l) ?? form.shopID))</strong> · \(escapeHTML(form.country)) · \(escapeHTML(form.gross.formatted(l)))
            · \(escapeHTML(W.refund(l))) \(escapeHTML(form.refund.formatted(l)))\(escapeHTML(refund))<br>
            \(escapeHTML(W.formStatus[form.status]?(l) ?? form.status.rawValue)), \(escapeHTML(W.refundStatus[form.refundStatus]?(l) ?? form.refundStatus.rawValue))
            · \(escapeHTML(W.deadline(l))) \(escapeHTML(form.deadlineDay))\(countdown)\(action)</li>
            """
    }

    static func paymentCode(_ code: String, expiresAt: Date, now: Date, language l: Language) -> String {
        let svg = (try? QRCode.encode(code).svg(modulePixels: 8, label: W.codeTitle(l))) ?? ""  // safe: 18 digits always fit version 2
        let grouped = stride(from: 0, to: code.count, by: 6).map { start in
            String(code.dropFirst(start).prefix(6))
        }.joined(separator: " ")
        let seconds = max(1, Int(expiresAt.timeIntervalSince(now).rounded(.up)))
        let main = """
            <section class="panel payment-code"><h1>\(escapeHTML(W.codeTitle(l)))</h1>
            <div class="qr">\(svg)</div><p class="code-digits" data-code="\(escapeHTML(code))">\(escapeHTML(grouped))</p>
            <p>\(escapeHTML(W.codeValid(until: ShownTime.inBeijing(expiresAt, l))(l)))</p><p class="note">\(escapeHTML(W.errorCorrection(l)))</p>
            <p><a href="/wallet">\(escapeHTML(W.wallet(l)))</a></p></section>
            """
        return Layout.page(title: W.codeTitle(l), language: l, path: "/wallet/code", main: main, refreshAfter: seconds)
    }

    static func charge(_ charge: ShopCharge, cnyNow: Money?, rate: String?, balance: Money, token: String, csrf: String, key: String,
                       error message: String?, language l: Language) -> String {
        let short = cnyNow.map { $0.minorUnits > balance.minorUnits } ?? false
        let pay = charge.usedAt == nil
            ? """
              <form method="post" action="/pay/shop/\(escapeHTML(token))">\(BrowserSession.hiddenField(csrf))\(hidden("key", key))
              <button type="submit" id="pay-charge">\(escapeHTML(W.payHere(l)))</button></form>
              \(short ? """
                  <form method="post" action="/pay/shop/\(escapeHTML(token))">\(BrowserSession.hiddenField(csrf))\(hidden("key", key + "-topped"))\(hidden("topUpFrom", "bank"))
                  <button type="submit" id="pay-charge-topping-up">\(escapeHTML(W.topUpAndPay(l)))</button></form>
                  """ : "")
              """
            : "<p class=\"scan-result accepted\">\(escapeHTML(W.chargePaid(l)))</p>"
        let main = """
            <section class="panel charge" data-charge-id="\(escapeHTML(charge.id))"><h1>\(escapeHTML(charge.shop.name(l)))</h1>
            <p class="note">\(escapeHTML(charge.shop.street)), \(escapeHTML(charge.shop.city)) · \(escapeHTML(charge.shop.country))</p>
            <table class="landed-cost"><tbody>
            <tr><th>\(escapeHTML(W.storeReceives(l)))</th><td id="charge-local">\(escapeHTML(charge.amount.formatted(l)))</td></tr>
            <tr class="total"><th>\(escapeHTML(W.youPay(l)))</th><td id="charge-cny">\(escapeHTML(cnyNow?.formatted(l) ?? "—"))</td></tr>
            <tr><th>\(escapeHTML(W.rate(l)))</th><td>\(escapeHTML(rate ?? "—"))</td></tr>
            <tr><th>\(escapeHTML(W.balance(l)))</th><td>\(escapeHTML(balance.formatted(l)))</td></tr>
            </tbody></table>\(error(message))\(pay)</section>
            """
        return Layout.page(title: W.chargeTitle(l), language: l, path: "/pay/shop/\(token)", main: main)
    }

    /// The receipt of a till payment, both amounts: the traveller's (back to the wallet) and the
    /// store's (back to the till, printable).
    static func receipt(_ payment: TillPayment, shop: Shop, forStore: Bool = false, language l: Language) -> String {
        let main = """
            <section class="panel receipt" data-payment-id="\(escapeHTML(payment.id))"><h1>\(escapeHTML(W.paidReceipt(l)))</h1>
            <table class="landed-cost"><tbody>
            <tr><th>\(escapeHTML(W.shop(l)))</th><td>\(escapeHTML(shop.name(l)))</td></tr>
            <tr><th>\(escapeHTML(W.storeReceives(l)))</th><td id="receipt-local">\(escapeHTML(payment.amount.formatted(l)))</td></tr>
            <tr class="total"><th>\(escapeHTML(W.youPay(l)))</th><td id="receipt-cny">\(escapeHTML(payment.cny.formatted(l)))</td></tr>
            <tr><th>\(escapeHTML(W.rate(l)))</th><td>\(escapeHTML(payment.rate)) (\(escapeHTML(payment.rateSource)))</td></tr>
            <tr><th>\(escapeHTML(W.purchased(l)))</th><td>\(escapeHTML(ShownTime.inCountry(payment.createdAt, shop.country)))</td></tr>
            </tbody></table><p class="no-print">\(forStore
                ? "<a href=\"/merchant/till?shop=\(escapeHTML(shop.id))\" id=\"back-to-till\">\(escapeHTML(W.till(l)))</a>"
                : "<a href=\"/wallet\">\(escapeHTML(W.wallet(l)))</a>")</p></section>
            """
        return Layout.page(title: W.paidReceipt(l), language: l, path: forStore ? "/merchant/till/payments/\(payment.id)" : "/wallet", main: main)
    }

    // MARK: the store

    static func till(_ merchant: Merchant, shops: [Shop], selected: Shop?, payments: [TillPayment], forms: [TaxFreeFormView], csrf: String,
                     key: String, error message: String?, language l: Language) -> String {
        guard let shop = selected ?? shops.first else {
            return Layout.page(title: W.till(l), language: l, path: "/merchant/till",
                               main: "<section class=\"panel\"><h1>\(escapeHTML(W.till(l)))</h1><p class=\"note\">—</p></section>")
        }
        let choices = shops.map { s in
            "<a href=\"/merchant/till?shop=\(escapeHTML(s.id))\"\(s.id == shop.id ? " aria-current=\"true\"" : "")>\(escapeHTML(s.name(l)))</a>"
        }.joined(separator: " · ")
        let formByID = Dictionary(uniqueKeysWithValues: forms.map { ($0.id, $0) })
        let rows = payments.filter { $0.shopID == shop.id }.prefix(50).map { payment in
            let form = payment.formID.flatMap { formByID[$0] }
            let formCell = form.map { "<a href=\"/merchant/tax-free-forms/\(escapeHTML($0.id))\" class=\"form-link\">\(escapeHTML(W.formTitle(l))) · \(escapeHTML(W.printForm(l)))</a>" }
                ?? (payment.goods && payment.kept.minorUnits > 0 ? """
                    <form method="post" action="/merchant/till/payments/\(escapeHTML(payment.id))/form" class="inline">\(BrowserSession.hiddenField(csrf))
                    <button type="submit" class="issue-form">\(escapeHTML(W.issueForm(l)))</button></form>
                    """ : "")
            let refund = payment.formID == nil && payment.kept.minorUnits > 0 ? """
                <form method="post" action="/merchant/till/payments/\(escapeHTML(payment.id))/refunds" class="inline">\(BrowserSession.hiddenField(csrf))\(hidden("key", key + payment.id))
                <input name="amount" inputmode="decimal" size="8" value="\(payment.kept.decimalText)" aria-label="\(escapeHTML(W.refundAtTill(l)))">
                <button type="submit">\(escapeHTML(W.refundAtTill(l)))</button></form>
                """ : ""
            return """
                <tr data-payment-id="\(escapeHTML(payment.id))"><td>\(escapeHTML(ShownTime.inCountry(payment.createdAt, shop.country)))</td>
                <td class="amount">\(escapeHTML(payment.amount.formatted(l)))</td><td class="amount">\(escapeHTML(payment.cny.formatted(l)))</td>
                <td class="amount">\(escapeHTML(payment.refunded.formatted(l)))</td><td>\(formCell)</td><td>\(refund)</td></tr>
                """
        }.joined()
        let main = """
            <section class="panel till" data-shop-id="\(escapeHTML(shop.id))"><h1>\(escapeHTML(W.till(l))) · \(escapeHTML(shop.name(l)))</h1>
            <p class="filters">\(choices)</p><p class="note">\(escapeHTML(W.tillNote(l)))</p>\(error(message))
            <form method="post" action="/merchant/till/charges" class="stacked" id="till-charge">\(BrowserSession.hiddenField(csrf))\(hidden("key", key))\(hidden("shop", shop.id))
            <label>\(escapeHTML(W.amountIn(l))) \(shop.currency.code)<input name="amount" inputmode="decimal" required></label>
            <label class="choice"><input type="checkbox" name="goods" value="1" checked> \(escapeHTML(W.goods(l)))</label>
            <button type="submit" name="mode" value="charge">\(escapeHTML(W.showChargeCode(l)))</button>
            <label>\(escapeHTML(W.travellerCode(l)))<input name="paymentCode" inputmode="numeric" autocomplete="off"></label>
            <button type="submit" name="mode" value="code">\(escapeHTML(W.chargeCode(l)))</button></form></section>
            <section class="panel"><h2>\(escapeHTML(W.payments(l)))</h2><div class="table-scroll"><table class="records till-payments"><thead><tr><th>\(escapeHTML(W.purchased(l)))</th><th>\(escapeHTML(W.storeReceives(l)))</th><th>\(escapeHTML(W.travellerPaid(l)))</th><th>\(escapeHTML(W.refunded(l)))</th><th>\(escapeHTML(W.formTitle(l)))</th><th>\(escapeHTML(W.refundAtTill(l)))</th></tr></thead><tbody>\(rows)</tbody></table></div></section>
            """
        return Layout.page(title: W.till(l), language: l, path: "/merchant/till", main: main)
    }

    static func chargeCode(_ charge: ShopCharge, link: String?, cnyNow: Money?, language l: Language) -> String {
        let paid = charge.usedAt != nil
        let expired = !paid && Date() >= charge.expiresAt
        let body: String
        if paid {
            body = "<p class=\"scan-result accepted\" id=\"charge-status\" data-status=\"paid\">\(escapeHTML(W.chargePaid(l)))\(charge.paymentID.map { " <a href=\"/merchant/till/payments/\(escapeHTML($0))\">\(escapeHTML(W.paidReceipt(l)))</a>" } ?? "")</p>"
        } else if expired {
            body = "<p class=\"scan-result held\" id=\"charge-status\" data-status=\"expired\">\(escapeHTML(W.chargeExpired(l)))</p>"
        } else {
            let svg = link.flatMap { try? QRCode.encode($0).svg(modulePixels: 6, label: W.chargeTitle(l)) } ?? ""  // safe: a link fits version 10
            body = "<div class=\"qr\">\(svg)</div><p id=\"charge-status\" data-status=\"open\">\(escapeHTML(W.chargeWaiting(l)))</p>"
        }
        let main = """
            <section class="panel charge-code" data-charge-id="\(escapeHTML(charge.id))"><h1>\(escapeHTML(W.chargeTitle(l))) · \(escapeHTML(charge.amount.formatted(l)))</h1>
            \(cnyNow.map { "<p class=\"cny-now\">\(escapeHTML(W.youPay(l))): \(escapeHTML($0.formatted(l)))</p>" } ?? "")
            \(body)<p class="note">\(escapeHTML(W.errorCorrection(l)))</p><p><a href="/merchant/till?shop=\(escapeHTML(charge.shop.id))">\(escapeHTML(W.till(l)))</a></p></section>
            """
        return Layout.page(title: W.chargeTitle(l), language: l, path: "/merchant/till", main: main, refreshAfter: paid || expired ? nil : 3)
    }

    static func printableForm(_ form: TaxFreeFormView, shop: Shop?, language l: Language) -> String {
        let barcode = (try? Code128.svg(form.id)) ?? ""  // safe: form ids are printable ASCII
        let rows: [(LocalizedText, String)] = [
            (W.shop, "\(shop?.name(l) ?? form.shopID) — \(shop?.street ?? ""), \(shop?.city ?? ""), \(form.country)"),
            (W.purchased, form.purchaseDay), (W.gross, form.gross.formatted(l)), (W.vat, "\(form.vat.formatted(l)) (\(form.vatRate))"),
            (W.fee, form.fee.formatted(l)), (W.refund, form.refund.formatted(l)), (W.deadline, form.deadlineDay),
            (W.validation, form.validation), (W.status, W.formStatus[form.status]?(l) ?? form.status.rawValue),
        ]
        let table = rows.map { "<tr><th>\(escapeHTML($0.0(l)))</th><td>\(escapeHTML($0.1))</td></tr>" }.joined()
        let main = """
            <section class="panel tax-free-form printable" data-form-id="\(escapeHTML(form.id))"><h1>\(escapeHTML(W.formTitle(l))) \(escapeHTML(form.id))</h1>
            <div class="label">\(barcode)</div><table class="landed-cost"><tbody>\(table)</tbody></table>
            <p>\(escapeHTML(W.formPrintNote(l)))</p><p class="no-print"><a href="/merchant/till?shop=\(escapeHTML(form.shopID))">\(escapeHTML(W.till(l)))</a></p></section>
            """
        return Layout.page(title: W.formTitle(l), language: l, path: "/merchant/tax-free-forms/\(form.id)", main: main)
    }

    // MARK: ops

    static func opsForms(_ forms: [TaxFreeFormView], receivables: [Money], country: String?, status: TaxFreeFormStatus?, language l: Language) -> String {
        func link(_ c: String?, _ s: TaxFreeFormStatus?) -> String {
            let query = [c.map { "country=\($0)" }, s.map { "status=\($0.rawValue)" }].compactMap { $0 }.joined(separator: "&")
            return "/ops/tax-free" + (query.isEmpty ? "" : "?" + query)
        }
        let countries = ([nil] + TaxFreeRules.countries.map { Optional($0.code) }).map { c in
            "<a href=\"\(link(c, status))\"\(c == country ? " aria-current=\"true\"" : "")>\(escapeHTML(c ?? W.all(l)))</a>"
        }.joined(separator: " · ")
        let statuses = ([nil] + TaxFreeFormStatus.allCases.map { Optional($0) }).map { s in
            "<a href=\"\(link(country, s))\"\(s == status ? " aria-current=\"true\"" : "")>\(escapeHTML(s.map { W.formStatus[$0]?(l) ?? $0.rawValue } ?? W.all(l)))</a>"
        }.joined(separator: " · ")
        var counts: [String: [TaxFreeFormStatus: Int]] = [:]
        for form in forms { counts[form.country, default: [:]][form.status, default: 0] += 1 }
        let summary = counts.keys.sorted().map { code in
            "<tr><th>\(code)</th>" + TaxFreeFormStatus.allCases.map { "<td>\(counts[code]?[$0] ?? 0)</td>" }.joined() + "</tr>"
        }.joined()
        let rows = forms.prefix(200).map { form in
            """
            <tr data-form-id="\(escapeHTML(form.id))" data-status="\(form.status.rawValue)"><td>\(escapeHTML(form.id))</td><td>\(escapeHTML(form.country))</td>
            <td class="amount">\(escapeHTML(form.gross.formatted(l)))</td><td class="amount">\(escapeHTML(form.refund.formatted(l)))</td>
            <td>\(escapeHTML(W.formStatus[form.status]?(l) ?? form.status.rawValue))</td><td>\(escapeHTML(W.refundStatus[form.refundStatus]?(l) ?? form.refundStatus.rawValue))</td>
            <td>\(escapeHTML(form.deadlineDay))</td><td>\(escapeHTML(ShownTime.inBeijing(form.createdAt, l)))</td></tr>
            """
        }.joined()
        let owed = receivables.filter { $0.minorUnits != 0 }.map { "<li data-currency=\"\($0.currency.code)\">\(escapeHTML($0.formatted(l)))</li>" }.joined()
        let main = """
            <section class="panel"><h1>\(escapeHTML(W.opsTitle(l)))</h1>
            <p class="filters">\(escapeHTML(W.country(l))): \(countries)</p><p class="filters">\(escapeHTML(W.status(l))): \(statuses)</p>
            <h2>\(escapeHTML(W.receivables(l)))</h2><ul class="receivables">\(owed.isEmpty ? "<li>0</li>" : owed)</ul>
            <div class="table-scroll"><table class="records"><thead><tr><th>\(escapeHTML(W.country(l)))</th>\(TaxFreeFormStatus.allCases.map { "<th>\(escapeHTML(W.formStatus[$0]?(l) ?? $0.rawValue))</th>" }.joined())</tr></thead>
            <tbody>\(summary)</tbody></table></div>
            <div class="table-scroll"><table class="records tax-free-forms"><tbody>\(rows)</tbody></table></div></section>
            """
        return Layout.page(title: W.opsTitle(l), language: l, path: "/ops/tax-free", main: main)
    }
}
