import Commerce
import Foundation
import Money
import Services

/// What ops see and do on an order beside what the buyer sees: the buyer in the one search,
/// the customs records, a risk hold with its case, the refunds so far, and a refund.
enum OpsOrderPanel {
    static func render(_ order: OrderView, held: (caseID: String, reason: String)?, refunds: [RefundView], returns: [ReturnView], csrf: String,
                       language l: Language) -> String {
        let asked = returns.map { item in
            "<li data-return=\"\(escapeHTML(item.id))\" data-status=\"\(item.status.rawValue)\">\(escapeHTML(ReturnPages.W.status(item.status)(l))) · \(escapeHTML(item.reason)) · \(escapeHTML(ReturnPages.W.backBy(l))) \(ShownTime.element(item.deadline, shown: ShownTime.inBeijing(item.deadline, l))) \(ReturnPages.opsActions(item, csrf: csrf, language: l))</li>"
        }.joined()
        let hold = held.map { hold in
            "<p class=\"risk-hold\" data-case=\"\(escapeHTML(hold.caseID))\">\(escapeHTML(W.held(l))) <a href=\"/ops/risk/cases/\(escapeHTML(hold.caseID))\">\(escapeHTML(hold.caseID))</a> · \(escapeHTML(hold.reason))</p>"
        } ?? ""
        let given = refunds.map { refund in
            "<li data-refund=\"\(escapeHTML(refund.id))\">\(escapeHTML(refund.amount.formatted(l))) · \(escapeHTML(refund.reason)) · \(escapeHTML(refund.status)) · \(ShownTime.element(refund.createdAt, shown: ShownTime.inBeijing(refund.createdAt, l)))</li>"
        }.joined()
        let refundable = [OrderStatus.paid, .declared, .shipped, .cleared, .delivered, .completed].contains(order.status)
        let form = refundable ? """
            <form method="post" action="/ops/orders/\(escapeHTML(order.id))/refund" class="stacked ops-refund" onsubmit="return confirm('\(escapeHTML(W.refundQuestion(l)))')">\(BrowserSession.hiddenField(csrf))
            <input type="hidden" name="refundId" value="r-ops-\(Secrets.token())">
            <label>\(escapeHTML(W.amount(l))) <input type="text" name="amount" inputmode="decimal" required pattern="[0-9]+(\\.[0-9]{1,2})?" placeholder="\(escapeHTML(order.total.decimalText))"></label>
            <label>\(escapeHTML(W.reason(l))) <input type="text" name="reason" required maxlength="200"></label>
            <button type="submit">\(escapeHTML(W.refund(l)))</button></form>
            """ : ""
        return """
            <section class="ops-order">
            <h2>\(escapeHTML(W.title(l)))</h2>
            <p><a href="/ops/find?q=\(escapeHTML(order.consumerID))">\(escapeHTML(W.buyer(l)))</a> · <a href="/ops/declarations/\(escapeHTML(order.id))">\(escapeHTML(W.records(l)))</a></p>
            \(hold)
            \(asked.isEmpty ? "" : "<h3>\(escapeHTML(ReturnPages.W.title(l)))</h3><ul class=\"returns\">\(asked)</ul>")
            <ul class="refunds">\(given)</ul>
            \(form)
            </section>
            """
    }

    enum W {
        static let title = LocalizedText(en: "Ops", zh: "运营处理")
        static let buyer = LocalizedText(en: "The buyer and their orders", zh: "买家及其订单")
        static let records = LocalizedText(en: "Customs records", zh: "三单信息")
        static let held = LocalizedText(en: "Held for risk review in case", zh: "风控复核暂扣，案件")
        static let amount = LocalizedText(en: "Refund (CNY)", zh: "退款金额（元）")
        static let reason = LocalizedText(en: "Why", zh: "退款原因")
        static let refund = LocalizedText(en: "Refund", zh: "退款")
        static let refundQuestion = LocalizedText(en: "Send this money back to the buyer?", zh: "确定向买家退回这笔款项？")
    }
}
