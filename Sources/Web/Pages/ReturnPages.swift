import Commerce
import Foundation
import Money
import Services

/// Returns on the pages: the buyer asks from the order page within the window and sees where the
/// return stands; ops settle it when the goods are back, from the order or from the queue.
enum ReturnPages {
    /// The buyer's panel on an order: the form while a return may be asked for, else the returns asked.
    static func buyerPanel(_ order: OrderView, returns: [ReturnView], csrf: String, refused: String? = nil, language l: Language,
                           at now: Date = Date()) -> String {
        let shown = returns.map { item in
            "<li data-return=\"\(escapeHTML(item.id))\" data-status=\"\(item.status.rawValue)\">\(escapeHTML(W.status(item.status)(l))) · \(escapeHTML(item.reason))\(item.note.isEmpty ? "" : " — " + escapeHTML(item.note)) · \(escapeHTML(W.backBy(l))) \(ShownTime.element(item.deadline, shown: ShownTime.inBeijing(item.deadline, l)))</li>"
        }.joined()
        let released = order.events.last { $0.to == .cleared }?.at
        let deadline = try? ReturnRules.check(status: order.status, releasedAt: released, at: now)  // safe: nil is "no return possible now", shown as no form
        let form = deadline.flatMap { deadline in
            returns.contains { $0.status == .requested } ? nil : """
                <form method="post" action="/orders/\(escapeHTML(order.id))/return" class="stacked return-form">\(BrowserSession.hiddenField(csrf))
                <p class="note">\(escapeHTML(W.rule(l))) \(ShownTime.element(deadline, shown: ShownTime.inBeijing(deadline, l)))</p>
                <label>\(escapeHTML(W.reason(l))) <input type="text" name="reason" required maxlength="500"></label>
                <button type="submit">\(escapeHTML(W.ask(l)))</button></form>
                """
        } ?? ""
        let error = refused.map { "<p class=\"form-error\" role=\"alert\" data-field=\"reason\">\(escapeHTML($0))</p>" } ?? ""
        guard !shown.isEmpty || !form.isEmpty || !error.isEmpty else { return "" }
        return "<section class=\"returns\"><h2>\(escapeHTML(W.title(l)))</h2><ul class=\"return-list\">\(shown)</ul>\(error)\(form)</section>"
    }

    /// Ops' buttons on an open return: the goods are back (refund in full), or decline with a reason.
    static func opsActions(_ item: ReturnView, csrf: String, language l: Language) -> String {
        guard item.status == .requested else { return "" }
        return """
            <form method="post" action="/ops/returns/\(escapeHTML(item.id))/received" class="inline" onsubmit="return confirm('\(escapeHTML(W.receivedQuestion(l)))')">\(BrowserSession.hiddenField(csrf))<button type="submit" data-action="received">\(escapeHTML(W.received(l)))</button></form>
            <form method="post" action="/ops/returns/\(escapeHTML(item.id))/decline" class="inline">\(BrowserSession.hiddenField(csrf))<input type="text" name="note" required maxlength="500" aria-label="\(escapeHTML(W.declineWhy(l)))" placeholder="\(escapeHTML(W.declineWhy(l)))"> <button type="submit" data-action="decline">\(escapeHTML(W.decline(l)))</button></form>
            """
    }

    static func queue(_ open: [ReturnView], page: Int, csrf: String, language l: Language) -> String {
        let rows = open.prefix(Layout.perPage).map { item in
            """
            <tr data-return="\(escapeHTML(item.id))"><td><a href="/ops/orders/\(escapeHTML(item.orderID))">\(escapeHTML(item.orderID))</a></td>
            <td>\(escapeHTML(item.reason))</td><td>\(ShownTime.element(item.requestedAt, shown: ShownTime.inBeijing(item.requestedAt, l)))</td>
            <td>\(ShownTime.element(item.deadline, shown: ShownTime.inBeijing(item.deadline, l)))</td><td>\(opsActions(item, csrf: csrf, language: l))</td></tr>
            """
        }.joined()
        let main = """
            <section class="panel returns-queue"><h1>\(escapeHTML(W.queue(l)))</h1>
            <p class="note">\(escapeHTML(W.rule(l)))</p>
            <div class="table-scroll"><table class="records returns"><tr><th>\(escapeHTML(W.order(l)))</th><th>\(escapeHTML(W.reason(l)))</th><th>\(escapeHTML(W.asked(l)))</th><th>\(escapeHTML(W.backBy(l)))</th><th></th></tr>\(rows)</table></div>
            \(open.isEmpty ? "<p class=\"note\">\(escapeHTML(W.none(l)))</p>" : "")
            \(Layout.pager(path: "/ops/returns", query: "", page: page, hasMore: open.count > Layout.perPage, language: l))
            </section>
            """
        return Layout.page(title: W.queue(l), language: l, path: "/ops/returns", main: main)
    }

    enum W {
        static let title = LocalizedText(en: "Return", zh: "退货")
        static let queue = LocalizedText(en: "Returns waiting for their goods", zh: "待收货的退货")
        static let rule = LocalizedText(
            en: "Goods back within 30 days of customs release: everything paid is refunded, tax included, and the annual allowance restored. Goods must be back by",
            zh: "海关放行后30天内退回的商品：全额退款（含税），并恢复年度额度。须在以下时间前退回：")
        static let reason = LocalizedText(en: "Why the goods go back", zh: "退货原因")
        static let ask = LocalizedText(en: "Ask for a return", zh: "申请退货")
        static let backBy = LocalizedText(en: "back by", zh: "退回截止")
        static let order = LocalizedText(en: "order", zh: "订单")
        static let asked = LocalizedText(en: "asked", zh: "申请时间")
        static let none = LocalizedText(en: "No return is waiting.", zh: "暂无待处理的退货。")
        static let received = LocalizedText(en: "Goods received back: refund", zh: "已收到退货：退款")
        static let receivedQuestion = LocalizedText(en: "Are the goods back? Everything paid goes back to the buyer.", zh: "确认已收到退货？买家将获全额退款。")
        static let decline = LocalizedText(en: "Decline", zh: "拒绝")
        static let declineWhy = LocalizedText(en: "Why it is declined", zh: "拒绝原因")

        static func status(_ status: ReturnView.Status) -> LocalizedText {
            switch status {
            case .requested: LocalizedText(en: "Asked: send the goods back", zh: "已申请：请寄回商品")
            case .refunded: LocalizedText(en: "Goods back, refunded", zh: "已收货并退款")
            case .declined: LocalizedText(en: "Declined", zh: "已拒绝")
            }
        }
    }
}
