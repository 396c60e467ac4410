import Commerce
import Foundation
import Money
import Services

/// The buyer's payment page, the merchant's settlement page, and ops' ledger explorer and
/// reconciliation view.
enum PaymentPages {
    static let pay = LocalizedText(en: "Pay", zh: "支付")
    static let payment = LocalizedText(en: "Payment", zh: "支付")
    static let channelBank = LocalizedText(en: "Bank card (direct debit)", zh: "银行卡（直连扣款）")
    static let channelPartner = LocalizedText(en: "Partner wallet (confirmed by callback)", zh: "合作支付机构（异步回调确认）")
    static let escrow = LocalizedText(en: "Escrow", zh: "担保资金")
    static let escrowStates: [EscrowView.State: LocalizedText] = [
        .unpaid: LocalizedText(en: "not paid yet", zh: "尚未支付"),
        .held: LocalizedText(en: "held until you confirm delivery", zh: "托管中，确认收货后放款"),
        .released: LocalizedText(en: "released to the merchant", zh: "已放款给商家"),
        .refunded: LocalizedText(en: "refunded", zh: "已退款"),
    ]
    static let paymentStates: [PaymentStatus: LocalizedText] = [
        .initiated: LocalizedText(en: "started", zh: "已发起"),
        .processing: LocalizedText(en: "waiting for the payment institution", zh: "等待支付机构确认"),
        .unknown: LocalizedText(en: "checking with the bank", zh: "正在向银行查询结果"),
        .succeeded: LocalizedText(en: "paid", zh: "支付成功"),
        .failed: LocalizedText(en: "failed", zh: "支付失败"),
    ]

    static func payPage(groupID: String, orders: [OrderView], payments: [PaymentView], key: String, csrf: String, language l: Language) throws -> String {
        let total = try Money.sum(orders.map(\.total), currency: .CNY)
        let rows = orders.map { order in
            """
            <li class="order" data-order-id="\(escapeHTML(order.id))" data-status="\(order.status.rawValue)">
            <a href="/orders/\(escapeHTML(order.id))">\(escapeHTML(Words.order(l))) \(escapeHTML(String(order.id.prefix(10))))</a>
            · \(escapeHTML(Words.status(order.status)(l))) · <strong>\(escapeHTML(order.total.formatted(l)))</strong></li>
            """
        }.joined()
        let history = payments.map { payment in
            """
            <li class="payment" data-status="\(payment.status.rawValue)" data-channel="\(escapeHTML(payment.channel))">
            \(escapeHTML(payment.channel)) · \(escapeHTML(payment.amount.formatted(l))) · \(escapeHTML(paymentStates[payment.status]?(l) ?? payment.status.rawValue))\(payment.failure.map { " — " + escapeHTML($0) } ?? "")</li>
            """
        }.joined()
        let payable = orders.allSatisfy { $0.status == .created } && !payments.contains { $0.status != .failed }
        let form = payable ? """
            <form method="post" action="/orders/group/\(escapeHTML(groupID))/pay" class="stacked" id="pay-form">
            \(BrowserSession.hiddenField(csrf))<input type="hidden" name="key" value="\(escapeHTML(key))">
            <label class="choice"><input type="radio" name="channel" value="bank" checked> \(escapeHTML(channelBank(l)))</label>
            <label class="choice"><input type="radio" name="channel" value="partner"> \(escapeHTML(channelPartner(l)))</label>
            <button type="submit" id="pay">\(escapeHTML(pay(l))) \(escapeHTML(total.formatted(l)))</button>
            </form>
            """ : ""
        let waiting = payments.contains { [.initiated, .processing, .unknown].contains($0.status) }
        let main = """
            <section class="panel" data-group-id="\(escapeHTML(groupID))">
            <h1>\(escapeHTML(payment(l)))</h1>
            <ul class="orders">\(rows)</ul>
            <p class="total">\(escapeHTML(Words.total(l))): <strong>\(escapeHTML(total.formatted(l)))</strong></p>
            \(form)
            <ul class="payments">\(history)</ul>
            \(waiting ? "<p class=\"note\"><a href=\"\" id=\"refresh\">↻ \(escapeHTML(Words.refresh(l)))</a></p>" : "")
            </section>
            """
        // While the channel has not answered, the page looks again by itself every few seconds.
        return Layout.page(title: payment(l), language: l, path: "/orders/group/\(groupID)/pay", main: main, refreshAfter: waiting ? 3 : nil)
    }

    static func escrowPanel(_ escrow: EscrowView, order: OrderView, csrf: String, language l: Language) -> String {
        let confirm = order.status == .delivered ? """
            <form method="post" action="/orders/\(escapeHTML(order.id))/confirm-delivery" onsubmit="return confirm('\(escapeHTML(Words.confirmDeliveryQuestion(l)))')">\(BrowserSession.hiddenField(csrf))
            <button type="submit" id="confirm-delivery">\(escapeHTML(LocalizedText(en: "Confirm delivery", zh: "确认收货")(l)))</button></form>
            """ : ""
        let pay = order.status == .created
            ? "<p><a class=\"button\" id=\"go-pay\" href=\"/orders/group/\(escapeHTML(order.groupID))/pay\">\(escapeHTML(PaymentPages.pay(l)))</a></p>" : ""
        return """
            <section class="escrow" data-escrow="\(escrow.state.rawValue)"><h2>\(escapeHTML(PaymentPages.escrow(l)))</h2>
            <p>\(escapeHTML(escrowStates[escrow.state]?(l) ?? escrow.state.rawValue))\(escrow.held.isZero ? "" : " · " + escapeHTML(escrow.held.formatted(l)))\(escrow.refunded.isZero ? "" : " · " + escapeHTML(LocalizedText(en: "refunded", zh: "已退")(l)) + " " + escapeHTML(escrow.refunded.formatted(l)))</p>
            \(pay)\(confirm)</section>
            """
    }

    // MARK: merchant

    static func keySignIn(action: String, title: String, field: String, csrf: String, error: String?, language l: Language) -> String {
        let main = """
            <section class="panel"><h1>\(escapeHTML(title))</h1>
            \(error.map { "<p class=\"error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? "")
            <form method="post" action="\(escapeHTML(action))" class="stacked">\(BrowserSession.hiddenField(csrf))
            <label>\(escapeHTML(field)) <input type="password" name="key" required autocomplete="off"></label>
            <button type="submit">\(escapeHTML(Words.signIn(l)))</button></form></section>
            """
        return Layout.page(title: title, language: l, path: action, main: main)
    }

    static func settlement(_ merchant: Merchant, pending: Money, balances: [MerchantStatement.BalanceLine], payouts: [PayoutView],
                           entries: [MerchantStatement.Entry], language l: Language) -> String {
        let balanceRows = balances.map { line in
            "<tr data-currency=\"\(line.currency.code)\"><td>\(line.currency.code)</td><td class=\"available\">\(escapeHTML(line.available.formatted(l)))</td><td>\(escapeHTML(line.inPayout.formatted(l)))</td></tr>"
        }.joined()
        let payoutRows = payouts.map { payout in
            "<tr data-status=\"\(escapeHTML(payout.status))\"><td>\(ShownTime.element(payout.createdAt, shown: ShownTime.inCountry(payout.createdAt, merchant.country)))</td><td>\(escapeHTML(payout.id))</td><td>\(escapeHTML(payout.amount.formatted(l)))</td><td>\(escapeHTML(payout.status)) \(escapeHTML(payout.reason))</td></tr>"
        }.joined()
        let entryRows = entries.prefix(200).map { entry in
            "<tr><td>\(ShownTime.element(entry.at, shown: ShownTime.inCountry(entry.at, merchant.country)))</td><td>\(escapeHTML(entry.kind))</td><td>\(escapeHTML(entry.reference))</td><td>\(escapeHTML(entry.amount.formatted(l)))</td><td>\(escapeHTML(entry.detail))</td></tr>"
        }.joined()
        let main = """
            <section class="panel settlement" data-merchant-id="\(escapeHTML(merchant.id))">
            <h1>\(escapeHTML(merchant.name(l))) · \(escapeHTML(LocalizedText(en: "Settlement", zh: "结算")(l)))</h1>
            <p><a href="/merchant/products" id="catalogue-link">\(escapeHTML(CatalogueWords.title(l)))</a> · <a href="/merchant/orders" id="orders-link">\(escapeHTML(LocalizedText(en: "Orders", zh: "订单")(l)))</a> · <a href="/merchant/till" id="till-link">\(escapeHTML(TravelWords.till(l)))</a> · <a href="/merchant/shipments">\(escapeHTML(LocalizedText(en: "Shipments", zh: "发货")(l)))</a> · <a href="/merchant/brands">\(escapeHTML(BrandPages.merchantTitle(l)))</a></p>
            <p class="pending">\(escapeHTML(LocalizedText(en: "Held in escrow for your orders", zh: "订单担保中")(l))): <strong>\(escapeHTML(pending.formatted(l)))</strong></p>
            <table class="balances"><thead><tr><th></th><th>\(escapeHTML(LocalizedText(en: "Available", zh: "可结算")(l)))</th><th>\(escapeHTML(LocalizedText(en: "In payout", zh: "付款中")(l)))</th></tr></thead><tbody>\(balanceRows)</tbody></table>
            <h2>\(escapeHTML(LocalizedText(en: "Payouts", zh: "付款记录")(l)))</h2>
            <table class="payouts"><tbody>\(payoutRows)</tbody></table>
            <h2>\(escapeHTML(LocalizedText(en: "Statement", zh: "对账单")(l))) · <a href="/merchant/settlement/statement.csv" id="statement-csv">CSV</a></h2>
            <table class="statement"><tbody>\(entryRows)</tbody></table>
            </section>
            """
        return Layout.page(title: merchant.name(l), language: l, path: "/merchant/settlement", main: main)
    }

    // MARK: ops

    static func ledger(_ accounts: [(id: String, currency: String, balance: String)], prefix: String, language l: Language) -> String {
        let rows = accounts.map { account in
            "<tr><td><a href=\"/ops/ledger/accounts/\(escapeHTML(account.id))\">\(escapeHTML(account.id))</a></td><td>\(account.currency)</td><td class=\"net\">\(escapeHTML(account.balance))</td></tr>"
        }.joined()
        let main = """
            <section class="panel ledger"><h1>\(escapeHTML(LocalizedText(en: "Ledger", zh: "总账")(l)))</h1>
            <form method="get" action="/ops/ledger"><label>\(escapeHTML(LocalizedText(en: "Accounts starting with", zh: "账户前缀")(l)))
            <input type="search" name="prefix" value="\(escapeHTML(prefix))"></label> <button type="submit">↵</button></form>
            <p><a href="/ops/reconciliation">\(escapeHTML(LocalizedText(en: "Reconciliation", zh: "对账")(l)))</a></p>
            <table class="accounts"><thead><tr><th>\(escapeHTML(LocalizedText(en: "account", zh: "账户")(l)))</th><th></th><th>\(escapeHTML(LocalizedText(en: "credits − debits (posted)", zh: "贷方 − 借方（已过账）")(l)))</th></tr></thead><tbody>\(rows)</tbody></table>
            </section>
            """
        return Layout.page(title: "Ledger", language: l, path: "/ops/ledger", main: main)
    }

    static func account(_ id: String, transfers: [(id: String, kind: String, code: String, debit: String, credit: String, amount: String, at: String, order: String?)],
                        language l: Language) -> String {
        let rows = transfers.map { t in
            let link = { (account: String) in "<a href=\"/ops/ledger/accounts/\(escapeHTML(account))\">\(escapeHTML(account))</a>" }
            return "<tr data-transfer-id=\"\(escapeHTML(t.id))\"><td>\(t.at)</td><td>\(escapeHTML(t.id))</td><td>\(t.kind)</td><td>\(escapeHTML(t.code))</td><td>\(link(t.debit))</td><td>\(link(t.credit))</td><td>\(escapeHTML(t.amount))</td><td>\(t.order.map { "<a class=\"order\" href=\"/ops/orders/\(escapeHTML($0))\">\(escapeHTML($0))</a>" } ?? "")</td></tr>"
        }.joined()
        let main = """
            <section class="panel account"><h1>\(escapeHTML(id))</h1><p><a href="/ops/ledger">← \(escapeHTML(LocalizedText(en: "Ledger", zh: "总账")(l)))</a></p>
            <table class="transfers"><thead><tr><th>at</th><th>transfer</th><th>kind</th><th>code</th><th>debit</th><th>credit</th><th>amount</th><th>order</th></tr></thead><tbody>\(rows)</tbody></table>
            </section>
            """
        return Layout.page(title: id, language: l, path: "/ops/ledger/accounts/\(id)", main: main)
    }

    static func reconciliation(channels: [String], mismatches: [Mismatch]?, csrf: String, error: String?, language l: Language) -> String {
        let options = channels.map { "<option value=\"\(escapeHTML($0))\">\(escapeHTML($0))</option>" }.joined()
        let statements = channels.map { "<a href=\"/ops/channels/\(escapeHTML($0))/statement.csv\">\(escapeHTML($0)).csv</a>" }.joined(separator: " ")
        let result = mismatches.map { found in
            found.isEmpty ? "<p class=\"reconciled\">\(escapeHTML(LocalizedText(en: "Statement and ledger agree.", zh: "对账一致。")(l)))</p>" : """
                <table class="mismatches"><thead><tr><th>\(escapeHTML(LocalizedText(en: "kind", zh: "类型")(l)))</th><th>\(escapeHTML(LocalizedText(en: "reference", zh: "流水号")(l)))</th><th>\(escapeHTML(LocalizedText(en: "movement", zh: "资金方向")(l)))</th><th>\(escapeHTML(LocalizedText(en: "statement", zh: "对账单")(l)))</th><th>\(escapeHTML(LocalizedText(en: "ledger", zh: "总账")(l)))</th></tr></thead><tbody>
                \(found.map { "<tr data-kind=\"\($0.kind.rawValue)\"><td>\($0.kind.rawValue)</td><td>\(escapeHTML($0.reference))</td><td>\($0.movement.rawValue)</td><td>\($0.statement?.description ?? "—")</td><td>\($0.ledger?.description ?? "—")</td></tr>" }.joined())
                </tbody></table>
                """
        } ?? ""
        let main = """
            <section class="panel reconciliation"><h1>\(escapeHTML(LocalizedText(en: "Reconciliation", zh: "对账")(l)))</h1>
            <p>\(escapeHTML(LocalizedText(en: "Sandbox statements", zh: "沙箱对账单")(l))): \(statements)</p>
            \(error.map { "<p class=\"error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? "")
            <form method="post" action="/ops/reconciliation" class="stacked">\(BrowserSession.hiddenField(csrf))
            <label>\(escapeHTML(LocalizedText(en: "channel", zh: "渠道")(l))) <select name="channel">\(options)</select></label>
            <label>\(escapeHTML(LocalizedText(en: "statement", zh: "对账单")(l))) (CSV: \(Reconciliation.columns.joined(separator: ","))) <textarea name="statement" rows="10" required></textarea></label>
            <button type="submit" id="reconcile">\(escapeHTML(LocalizedText(en: "Compare with the ledger", zh: "与总账核对")(l)))</button></form>
            \(result)</section>
            """
        return Layout.page(title: LocalizedText(en: "Reconciliation", zh: "对账")(l), language: l, path: "/ops/reconciliation", main: main)
    }
}
