import Commerce
import Foundation
import Money
import Services

/// Customs declarations: the status on the buyer's order page, ops' queue with a status
/// filter, and one parcel's three records side by side with every mismatch highlighted.
enum DeclarationPages {
    static let title = LocalizedText(en: "Customs declaration", zh: "海关申报")
    static let states: [DeclarationView.Status: LocalizedText] = [
        .submitted: LocalizedText(en: "declared, waiting for customs", zh: "已申报，等待海关审核"),
        .inspection: LocalizedText(en: "selected for inspection", zh: "海关查验中"),
        .released: LocalizedText(en: "released by customs", zh: "海关已放行"),
        .rejected: LocalizedText(en: "rejected by customs; refunded in full, tax included", zh: "海关退单，已全额退款（含税）"),
    ]

    static func status(_ declaration: DeclarationView?, language l: Language) -> String {
        let text = declaration.map { states[$0.status]?(l) ?? $0.status.rawValue }
            ?? LocalizedText(en: "not declared yet: declared once paid and your identity is verified", zh: "尚未申报：支付完成且实名认证通过后自动申报")(l)
        let reason = declaration.map(\.reason).flatMap { $0.isEmpty ? nil : $0 }
        return """
            <section class="declaration" data-declaration="\(declaration?.status.rawValue ?? "none")"><h2>\(escapeHTML(title(l)))</h2>
            <p>\(escapeHTML(text))\(reason.map { " — " + escapeHTML($0) } ?? "")</p></section>
            """
    }

    /// `declarations`: a page's worth and one more when there is a next page.
    static func queue(_ declarations: [DeclarationView], filter: DeclarationView.Status?, page: Int, language l: Language) -> String {
        let filters = ([nil] + DeclarationView.Status.allCases.map { Optional($0) }).map { status in
            let name = status.map { states[$0]?(l) ?? $0.rawValue } ?? RiskPages.W.all(l)
            let current = status == filter ? " aria-current=\"true\"" : ""
            return "<a href=\"/ops/declarations\(status.map { "?status=\($0.rawValue)" } ?? "")\"\(current)>\(escapeHTML(name))</a>"
        }.joined(separator: " · ")
        let rows = declarations.prefix(Layout.perPage).map { d in
            """
            <tr data-status="\(d.status.rawValue)" data-order-id="\(escapeHTML(d.orderID))"><td><a href="/ops/declarations/\(escapeHTML(d.orderID))">\(escapeHTML(d.orderID))</a></td>
            <td>\(escapeHTML(states[d.status]?(l) ?? d.status.rawValue))</td><td>\(d.mismatches.count)</td><td>\(escapeHTML(d.reason))</td><td>\(ShownTime.element(d.updatedAt, shown: ShownTime.inBeijing(d.updatedAt, l)))</td></tr>
            """
        }.joined()
        let main = """
            <section class="panel declarations"><h1>\(escapeHTML(title(l)))</h1><p class="filters">\(filters)</p>
            <table class="declarations"><thead><tr><th>\(escapeHTML(W.order(l)))</th><th>\(escapeHTML(W.status(l)))</th><th>\(escapeHTML(W.mismatches(l)))</th><th>\(escapeHTML(W.reason(l)))</th><th>\(escapeHTML(W.updated(l)))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            \(Layout.pager(path: "/ops/declarations", query: filter.map { "status=\($0.rawValue)&" } ?? "", page: page,
                           hasMore: declarations.count > Layout.perPage, language: l))</section>
            """
        return Layout.page(title: title(l), language: l, path: "/ops/declarations", main: main)
    }

    static func detail(_ d: DeclarationView, language l: Language) -> String {
        let wrong = Set(d.mismatches.map(\.field))
        let o = d.records.order, p = d.records.payment, w = d.records.waybill
        func money(_ fen: Int64) -> String { Money(minorUnits: fen, currency: .CNY).decimalText }
        // Each row: what is compared, the order's value, the payment's, the waybill's, and the fields that name a mismatch.
        let rows: [(String, String, String, String, [String])] = [
            (W.orderNumber(l), o.orderNo, p.orderNo, w.orderNo, ["payment.orderNo", "waybill.orderNo"]),
            (W.buyerName(l), o.buyerName, p.payerName, "", ["payment.payerName"]),
            (W.buyerNumber(l), o.buyerIdNumber, p.payerIdNumber, "", ["payment.payerIdNumber"]),
            (W.total(l), money(o.actualPaidFen), money(p.amountPaidFen), "", ["payment.amountPaid", "order.actualPaid"]),
            (W.parts(l), "\(money(o.goodsValueFen)) + \(money(o.freightFen)) + \(money(o.taxTotalFen))", "", "",
             ["order.goodsValue+freight"]),
            (W.consignee(l), o.consignee, "", w.consignee, ["waybill.consignee"]),
            (W.consigneeAddress(l), o.consigneeAddress, "", w.consigneeAddress, ["waybill.consigneeAddress"]),
            (W.consigneePhone(l), o.consigneeTelephone, "", w.consigneeTelephone, ["waybill.consigneeTelephone"]),
            (W.codes(l), o.ebpCode + " / " + o.ebcCode, p.payCode + " " + p.payTransactionId, w.logisticsCode + " " + w.logisticsNo, []),
            (W.goods(l), o.lines.map { "\($0.itemName) ×\($0.quantity) (HS \($0.hsCode))" }.joined(separator: "; "), "", w.goodsDescription
                + " · \(w.weightGrams) g", []),
        ]
        let table = rows.map { row in
            let mismatch = !wrong.isDisjoint(with: row.4)
            return "<tr\(mismatch ? " class=\"mismatch\"" : "")><th>\(escapeHTML(row.0))</th><td>\(escapeHTML(row.1))</td><td>\(escapeHTML(row.2))</td><td>\(escapeHTML(row.3))</td></tr>"
        }.joined()
        let mismatches = d.mismatches.map {
            "<li class=\"mismatch\">\(escapeHTML($0.rule)): \(escapeHTML($0.field)) \(escapeHTML($0.otherValue)) ≠ \(escapeHTML($0.orderValue))</li>"
        }.joined()
        let main = """
            <section class="panel declaration" data-status="\(d.status.rawValue)"><h1>\(escapeHTML(title(l))) · \(escapeHTML(d.orderID))</h1>
            <p><a href="/ops/declarations">← \(escapeHTML(title(l)))</a> · <strong>\(escapeHTML(states[d.status]?(l) ?? d.status.rawValue))</strong> \(escapeHTML(d.reason))</p>
            <table class="records"><thead><tr><th></th><th>\(escapeHTML(W.orderRecord(l)))</th><th>\(escapeHTML(W.paymentRecord(l)))</th><th>\(escapeHTML(W.waybillRecord(l)))</th></tr></thead>
            <tbody>\(table)</tbody></table>
            \(mismatches.isEmpty ? "<p class=\"matched\">\(escapeHTML(W.matched(l)))</p>" : "<ul class=\"mismatches\">\(mismatches)</ul>")
            </section>
            """
        return Layout.page(title: title(l), language: l, path: "/ops/declarations/\(d.orderID)", main: main)
    }

    enum W {
        static let order = LocalizedText(en: "order", zh: "订单")
        static let status = LocalizedText(en: "status", zh: "状态")
        static let mismatches = LocalizedText(en: "mismatches", zh: "不一致项")
        static let reason = LocalizedText(en: "reason", zh: "原因")
        static let updated = LocalizedText(en: "updated", zh: "更新时间")
        static let orderNumber = LocalizedText(en: "order number", zh: "订单编号")
        static let buyerName = LocalizedText(en: "buyer / payer name", zh: "订购人 / 支付人姓名")
        static let buyerNumber = LocalizedText(en: "buyer / payer identity number", zh: "订购人 / 支付人证件号")
        static let total = LocalizedText(en: "total / amount paid", zh: "实付金额 / 支付金额")
        static let parts = LocalizedText(en: "goods + freight + tax", zh: "货值 + 运费 + 税款")
        static let consignee = LocalizedText(en: "consignee", zh: "收件人")
        static let consigneeAddress = LocalizedText(en: "consignee address", zh: "收件地址")
        static let consigneePhone = LocalizedText(en: "consignee phone", zh: "收件电话")
        static let codes = LocalizedText(en: "codes", zh: "企业代码")
        static let goods = LocalizedText(en: "goods", zh: "商品")
        static let orderRecord = LocalizedText(en: "order (platform)", zh: "订单（电商平台）")
        static let paymentRecord = LocalizedText(en: "payment (payment company)", zh: "支付单（支付企业）")
        static let waybillRecord = LocalizedText(en: "waybill (logistics)", zh: "运单（物流企业）")
        static let matched = LocalizedText(en: "the three records match", zh: "三单信息一致")
    }
}
