import Commerce
import Foundation
import Money
import Services

/// The hub label a merchant prints, and the buyer's tracking page.
enum LogisticsPages {
    static let stageNames: [TrackingStage: LocalizedText] = [
        .labelled: LocalizedText(en: "Label printed by the merchant", zh: "商家已打印面单"),
        .pickedUp: LocalizedText(en: "Picked up from the merchant", zh: "已从商家揽收"),
        .hubReceived: LocalizedText(en: "Received at the consolidation hub", zh: "已到达集运仓"),
        .departed: LocalizedText(en: "Flown out", zh: "航班已起飞"),
        .arrived: LocalizedText(en: "Arrived in China", zh: "已抵达中国"),
        .customsInspection: LocalizedText(en: "Customs inspection", zh: "海关查验中"),
        .customsReleased: LocalizedText(en: "Released by customs", zh: "海关已放行"),
        .outForDelivery: LocalizedText(en: "Out for delivery", zh: "派送中"),
        .deliveryFailed: LocalizedText(en: "Delivery attempt failed", zh: "派送未成功"),
        .delivered: LocalizedText(en: "Delivered", zh: "已签收"),
        .returned: LocalizedText(en: "Returned", zh: "已退回"),
    ]

    static func label(_ shipment: ShipmentView, order: OrderView, merchant: Merchant) throws -> String {
        let barcode = try Code128.svg(shipment.trackingNumber)
        let contents = shipment.draft.contents.map { "\(escapeHTML($0.description)) ×\($0.quantity) · HS \(escapeHTML($0.hsCode)) · CNY \(escapeHTML($0.value))" }
            .joined(separator: "<br>")
        let main = """
            <section class="label" data-tracking-number="\(escapeHTML(shipment.trackingNumber))">
            <h1>CrossBorder · \(escapeHTML(merchant.country)) hub</h1>
            \(barcode)
            <p><strong>\(escapeHTML(shipment.trackingNumber))</strong> · \(escapeHTML(order.id))</p>
            <p>From: \(escapeHTML(merchant.name.en)) (\(escapeHTML(merchant.country)))</p>
            <p>To: \(escapeHTML(order.deliverTo))</p>
            <p>\(shipment.draft.weightGrams) g · \(shipment.draft.lengthMM)×\(shipment.draft.widthMM)×\(shipment.draft.heightMM) mm</p>
            <p class="contents">\(contents)</p>
            </section>
            """
        return Layout.page(title: shipment.trackingNumber, language: .en, path: "/merchant/shipments/\(shipment.id)/label", main: main)
    }

    /// The delivery window as days in Beijing; nothing when there is none to show.
    static func estimate(_ estimate: DeliveryEstimate?, language l: Language) -> String {
        guard let estimate else { return "" }
        let first = Day(beijing: estimate.earliest), last = Day(beijing: estimate.latest)
        let days = first == last ? first.description : "\(first) – \(last)"
        return """
            <p class="delivery-estimate" data-earliest="\(estimate.earliest.ISO8601Format())" data-latest="\(estimate.latest.ISO8601Format())" data-basis="\(estimate.basis?.rawValue ?? "")">\(escapeHTML(LocalizedText(en: "Estimated delivery", zh: "预计送达")(l))): <strong>\(days)</strong></p>
            """
    }

    static func tracking(_ order: OrderView, shipments: [ShipmentView], timeline: [TrackingEvent], estimate: DeliveryEstimate?,
                         language l: Language) -> String {
        let parcels = shipments.map { "<li data-tracking-number=\"\(escapeHTML($0.trackingNumber))\" data-stage=\"\($0.stage.rawValue)\">\(escapeHTML($0.trackingNumber)) · \(escapeHTML(stageNames[$0.stage]?(l) ?? $0.stage.rawValue))</li>" }.joined()
        let events = timeline.reversed().map { event in
            """
            <li data-stage="\(event.stage.rawValue)" data-source="\(event.source.rawValue)">\(ShownTime.element(event.at, shown: ShownTime.inBeijing(event.at, l)))
            \(escapeHTML(stageNames[event.stage]?(l) ?? event.stage.rawValue)) · \(escapeHTML(event.location))\(event.note.isEmpty ? "" : " — " + escapeHTML(event.note))</li>
            """
        }.joined()
        let empty = LocalizedText(en: "The merchant has not shipped yet.", zh: "商家尚未发货。")(l)
        let main = """
            <section class="panel tracking" data-order-id="\(escapeHTML(order.id))"><h1>\(escapeHTML(LocalizedText(en: "Tracking", zh: "物流跟踪")(l)))</h1>
            <p><a href="/orders/\(escapeHTML(order.id))">\(escapeHTML(Words.order(l))) \(escapeHTML(order.id))</a></p>
            \(self.estimate(estimate, language: l))
            \(shipments.isEmpty ? "<p>\(escapeHTML(empty))</p>" : "<ul class=\"parcels\">\(parcels)</ul>")
            <ol class="tracking-timeline">\(events)</ol></section>
            """
        return Layout.page(title: "Tracking", language: l, path: "/orders/\(order.id)/tracking", main: main)
    }

    static func stuck(_ parcels: [(shipment: ShipmentView, since: Date)], hours: Int, language l: Language) -> String {
        let rows = parcels.map { parcel in
            """
            <tr data-tracking-number="\(escapeHTML(parcel.shipment.trackingNumber))" data-stage="\(parcel.shipment.stage.rawValue)">
            <td>\(escapeHTML(parcel.shipment.trackingNumber))</td><td><a href="/ops/orders/\(escapeHTML(parcel.shipment.orderID))">\(escapeHTML(parcel.shipment.orderID))</a></td>
            <td>\(parcel.shipment.stage.rawValue)</td><td>\(ShownTime.element(parcel.since, shown: ShownTime.inBeijing(parcel.since, l)))</td></tr>
            """
        }.joined()
        let main = """
            <section class="panel parcels"><h1>\(escapeHTML(StuckWords.heading(hours)(l)))</h1>
            <form method="get" action="/ops/parcels"><label>\(escapeHTML(StuckWords.hours(l))) <input type="number" name="stuckHours" min="1" max="2160" value="\(hours)"></label>
            <button type="submit">↵</button></form>
            <table class="stuck"><thead><tr><th>\(escapeHTML(HubPages.W.tracking(l)))</th><th>\(escapeHTML(StuckWords.order(l)))</th><th>\(escapeHTML(StuckWords.stage(l)))</th><th>\(escapeHTML(StuckWords.lastEvent(l)))</th></tr></thead><tbody>\(rows)</tbody></table>
            </section>
            """
        return Layout.page(title: StuckWords.title(l), language: l, path: "/ops/parcels", main: main)
    }

    static func shipments(_ shipments: [ShipmentView], merchant: Merchant) -> String {
        let rows = shipments.map { shipment in
            """
            <tr data-tracking-number="\(escapeHTML(shipment.trackingNumber))" data-stage="\(shipment.stage.rawValue)">
            <td>\(escapeHTML(shipment.trackingNumber))</td><td>\(escapeHTML(shipment.orderID))</td><td>\(shipment.stage.rawValue)</td>
            <td>\(shipment.draft.weightGrams) g</td><td>\(ShownTime.element(shipment.createdAt, shown: ShownTime.inCountry(shipment.createdAt, merchant.country)))</td>
            <td><a href="/merchant/shipments/\(escapeHTML(shipment.id))/label">label</a></td></tr>
            """
        }.joined()
        let main = """
            <section class="panel shipments"><h1>\(escapeHTML(merchant.name.en)) · shipments</h1>
            <p><a href="/merchant/settlement">Settlement</a> · create shipments with <code>POST /api/v1/merchant/orders/{id}/shipments</code></p>
            <table class="shipments"><thead><tr><th>tracking number</th><th>order</th><th>stage</th><th>weight</th><th>created</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table></section>
            """
        return Layout.page(title: "Shipments", language: .en, path: "/merchant/shipments", main: main)
    }

    /// The merchant's orders with what it has to ship: a paid or declared order without a
    /// parcel gets a form for its weight and size; its contents are the order's lines.
    static func merchantOrders(_ orders: [OrderView], shipments: [String: [ShipmentView]], merchant: Merchant, filter: OrderStatus?,
                               csrf: String, language l: Language) -> String {
        let filters = ([nil] + [OrderStatus.paid, .declared, .shipped, .cleared, .delivered, .completed, .refunded, .cancelled].map { Optional($0) })
            .map { status in
                let name = status.map { Words.status($0)(l) } ?? LocalizedText(en: "all", zh: "全部")(l)
                return "<a href=\"/merchant/orders\(status.map { "?status=\($0.rawValue)" } ?? "")\"\(status == filter ? " aria-current=\"true\"" : "")>\(escapeHTML(name))</a>"
            }.joined(separator: " · ")
        let rows = orders.map { order in
            let items = order.lines.map { "\(escapeHTML($0.name(l))) × \($0.quantity)" }.joined(separator: "<br>")
            let parcels = (shipments[order.id] ?? []).map {
                "<a href=\"/merchant/shipments/\(escapeHTML($0.id))/label\">\(escapeHTML($0.trackingNumber))</a>"
            }.joined(separator: " ")
            let ship = parcels.isEmpty && [.paid, .declared].contains(order.status) ? """
                <form method="post" action="/merchant/orders/\(escapeHTML(order.id))/shipments" class="inline ship">\(BrowserSession.hiddenField(csrf))
                <input name="weightGrams" inputmode="numeric" size="5" required aria-label="\(escapeHTML(LocalizedText(en: "weight, g", zh: "重量（克）")(l)))" placeholder="g">
                <input name="lengthMM" inputmode="numeric" size="4" required aria-label="\(escapeHTML(LocalizedText(en: "length, mm", zh: "长（毫米）")(l)))" placeholder="L mm">
                <input name="widthMM" inputmode="numeric" size="4" required aria-label="\(escapeHTML(LocalizedText(en: "width, mm", zh: "宽（毫米）")(l)))" placeholder="W mm">
                <input name="heightMM" inputmode="numeric" size="4" required aria-label="\(escapeHTML(LocalizedText(en: "height, mm", zh: "高（毫米）")(l)))" placeholder="H mm">
                <button type="submit">\(escapeHTML(LocalizedText(en: "Create shipment and print label", zh: "创建包裹并打印面单")(l)))</button></form>
                """ : parcels
            return """
                <tr data-order-id="\(escapeHTML(order.id))" data-status="\(order.status.rawValue)"><td>\(escapeHTML(order.id))</td>
                <td>\(escapeHTML(Words.status(order.status)(l)))</td><td>\(items)</td><td>\(escapeHTML(order.deliverTo))</td>
                <td class="amount">\(escapeHTML(order.goods.formatted(l)))</td><td>\(ship)</td></tr>
                """
        }.joined()
        let title = LocalizedText(en: "Orders", zh: "订单")(l)
        let main = """
            <section class="panel merchant-orders"><h1>\(escapeHTML(merchant.name(l))) · \(escapeHTML(title))</h1>
            <p><a href="/merchant/settlement">\(escapeHTML(LocalizedText(en: "Settlement", zh: "结算")(l)))</a> · <a href="/merchant/shipments">\(escapeHTML(LocalizedText(en: "Shipments", zh: "发货")(l)))</a> · <a href="/merchant/till">\(escapeHTML(TravelWords.till(l)))</a></p>
            <p class="filters">\(filters)</p>
            <div class="table-scroll"><table class="records orders"><tbody>\(rows)</tbody></table></div></section>
            """
        return Layout.page(title: title, language: l, path: "/merchant/orders", main: main)
    }
}

/// The stuck-parcels page's words.
enum StuckWords {
    static let title = LocalizedText(en: "Stuck parcels", zh: "滞留包裹")
    static func heading(_ hours: Int) -> LocalizedText {
        LocalizedText(en: "Parcels not moved for \(hours) h or more", zh: "\(hours) 小时以上未流转的包裹")
    }
    static let hours = LocalizedText(en: "Hours", zh: "小时数")
    static let order = LocalizedText(en: "order", zh: "订单")
    static let stage = LocalizedText(en: "stage", zh: "环节")
    static let lastEvent = LocalizedText(en: "last event", zh: "最近事件")
}
