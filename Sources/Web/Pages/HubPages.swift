import Commerce
import Foundation
import Money
import Services

/// The hub's scan-in screen, made for a keyboard-wedge scanner: weigh, scan, Enter.
enum HubPages {
    struct Result {
        let ok: Bool
        let text: String
    }

    static func screen(csrf: String, result: Result?, board: HubService.Board, language l: Language) -> String {
        let panel = result.map { "<p class=\"scan-result \($0.ok ? "accepted" : "held")\" role=\"status\">\(escapeHTML($0.text))</p>" } ?? ""
        let main = """
            <section class="panel hub"><h1>\(escapeHTML(W.title(l)))</h1>
            \(panel)
            <form method="post" action="/hub/scan" class="stacked" id="scan-form">\(BrowserSession.hiddenField(csrf))
            <label>\(escapeHTML(W.weight(l))) <input type="number" name="weightGrams" min="1" max="100000" required></label>
            <label>\(escapeHTML(W.tracking(l))) <input type="text" name="trackingNumber" autofocus required autocomplete="off" id="scan"></label>
            <button type="submit">\(escapeHTML(W.scanIn(l)))</button></form>
            <h2>\(escapeHTML(W.bag(l)))</h2>
            <form method="post" action="/hub/bag" class="stacked" id="bag-form">\(BrowserSession.hiddenField(csrf))
            <label>\(escapeHTML(W.bag(l))) <input type="text" name="bagId" required autocomplete="off"></label>
            <label>\(escapeHTML(W.tracking(l))) <input type="text" name="trackingNumber" required autocomplete="off"></label>
            <button type="submit">\(escapeHTML(W.intoBag(l)))</button></form>
            <h2>\(escapeHTML(W.closeWaybill(l)))</h2>
            <form method="post" action="/hub/air-waybill" class="stacked" id="awb-form">\(BrowserSession.hiddenField(csrf))
            <label>\(escapeHTML(W.waybill(l))) <input type="text" name="number" required autocomplete="off" placeholder="176-12345675"></label>
            <label>\(escapeHTML(W.flight(l))) <input type="text" name="flight" required autocomplete="off" placeholder="CA988"></label>
            <label>\(escapeHTML(W.bags(l))) <input type="text" name="bags" required autocomplete="off"></label>
            <button type="submit">\(escapeHTML(W.close(l)))</button></form>
            <h2>\(escapeHTML(W.held(l))) (\(board.held.count))</h2>
            <ul class="held-parcels">\(board.held.map { parcel in
                """
                <li data-tracking-number="\(escapeHTML(parcel.trackingNumber))">\(escapeHTML(parcel.trackingNumber)) · <a href="/ops/orders/\(escapeHTML(parcel.orderID))">\(escapeHTML(parcel.orderID))</a> · \(escapeHTML(parcel.reason))
                <form method="post" action="/hub/release" class="inline">\(BrowserSession.hiddenField(csrf))<input type="hidden" name="trackingNumber" value="\(escapeHTML(parcel.trackingNumber))">
                <input type="text" name="note" required maxlength="200" aria-label="\(escapeHTML(W.why(l)))" placeholder="\(escapeHTML(W.why(l)))"> <button type="submit">\(escapeHTML(W.release(l)))</button></form></li>
                """
            }.joined())</ul>
            <h2>\(escapeHTML(W.waybills(l)))</h2>
            <div class="table-scroll"><table class="records air-waybills">\(board.waybills.map { awb in
                let next: (path: String, label: LocalizedText)? = awb.status == "closed" ? ("departure", W.departed) : awb.status == "departed" ? ("arrival", W.arrived) : nil
                let button = next.map { next in
                    "<form method=\"post\" action=\"/hub/air-waybills/\(escapeHTML(awb.number))/\(next.path)\" class=\"inline\">\(BrowserSession.hiddenField(csrf))<button type=\"submit\" data-report=\"\(next.path)\">\(escapeHTML(next.label(l)))</button></form>"
                } ?? ""
                return "<tr data-number=\"\(escapeHTML(awb.number))\" data-status=\"\(escapeHTML(awb.status))\"><td>\(escapeHTML(awb.number))</td><td>\(escapeHTML(awb.flight))</td><td>\(escapeHTML(W.status(awb.status)(l)))</td><td>\(ShownTime.element(awb.updatedAt, shown: ShownTime.inBeijing(awb.updatedAt, l)))</td><td>\(button)</td></tr>"
            }.joined())</table></div>
            <p class="note">\(escapeHTML(W.manifests(l))) <code>/api/v1/hub/air-waybills/{number}/manifest?format=csv</code>.</p>
            </section>
            """
        return Layout.page(title: W.title(l), language: l, path: "/hub", main: main)
    }

    enum W {
        static let title = LocalizedText(en: "Hub · scan in", zh: "集货仓 · 入库扫描")
        static let weight = LocalizedText(en: "Weight (g)", zh: "重量（克）")
        static let tracking = LocalizedText(en: "Tracking number", zh: "运单号")
        static let scanIn = LocalizedText(en: "Scan in", zh: "入库")
        static let bag = LocalizedText(en: "Bag", zh: "袋号")
        static let intoBag = LocalizedText(en: "Into the bag", zh: "装袋")
        static let closeWaybill = LocalizedText(en: "Close an air waybill", zh: "封闭空运提单")
        static let waybill = LocalizedText(en: "Air waybill", zh: "空运提单号")
        static let flight = LocalizedText(en: "Flight", zh: "航班")
        static let bags = LocalizedText(en: "Bags (space between)", zh: "袋号（以空格分隔）")
        static let close = LocalizedText(en: "Close", zh: "封单")
        static let manifests = LocalizedText(en: "Manifests:", zh: "舱单：")
        static let held = LocalizedText(en: "Held at scan-in", zh: "入库扣留")
        static let why = LocalizedText(en: "Why it may go on", zh: "放行原因")
        static let release = LocalizedText(en: "Release", zh: "放行")
        static let waybills = LocalizedText(en: "Air waybills", zh: "空运提单")
        static let departed = LocalizedText(en: "Record departure", zh: "登记起飞")
        static let arrived = LocalizedText(en: "Record arrival", zh: "登记到达")

        static func status(_ status: String) -> LocalizedText {
            switch status {
            case "closed": LocalizedText(en: "closed, waiting for the flight", zh: "已封单，待起飞")
            case "departed": LocalizedText(en: "departed", zh: "已起飞")
            case "arrived": LocalizedText(en: "arrived", zh: "已到达")
            default: LocalizedText(en: status, zh: status)
            }
        }
    }
}
