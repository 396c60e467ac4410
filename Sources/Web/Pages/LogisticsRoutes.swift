import Commerce
import Foundation
import HTTPTypes
import Hummingbird
import Money
import Services

/// Shipments and tracking: a merchant creates a shipment for its order and prints the hub
/// label; partners report events by signed webhook; the buyer follows one timeline.
struct LogisticsRoutes<Context: RequestContext> {
    let tracking: TrackingService
    let estimates: DeliveryEstimateService
    let orders: OrderService
    let accounts: AccountService
    let keys: MerchantKeyService
    let idempotency: IdempotencyService
    let configuration: WebConfiguration

    func register(on router: Router<Context>) {
        router.post("/api/v1/merchant/orders/:id/shipments") { request, context in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            let id = context.parameters.get("id") ?? ""
            return try await idempotency.respond(to: request, principal: "merchant:\(merchant.id)", limit: configuration.maxBodyBytes,
                                                 status: 201) { body in
                let draft = try RequestBody.json(ShipmentDraft.self, from: body)
                let shipment = try await tracking.createShipment(for: id, merchantID: merchant.id, draft: draft, at: Date())
                return ([], try Responses.jsonBytes(ShipmentDocument(shipment)))
            }
        }
        router.get("/api/v1/merchant/orders") { request, _ in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            let status = try QueryParameter.choice(request, "status", of: OrderStatus.self)
            return try Responses.json(["orders": try await orders.orders(ofMerchant: merchant.id, status: status).map(OrderDocument.init)])
        }
        router.get("/merchant/orders") { request, _ in
            guard let merchant = try await MerchantAuthorization.signedIn(request, keys: keys, configuration) else {
                return Response(status: .seeOther, headers: [.location: "/merchant/signin"])
            }
            let status = try QueryParameter.choice(request, "status", of: OrderStatus.self)
            let listed = try await orders.orders(ofMerchant: merchant.id, status: status)
            let shipped = try await tracking.shipments(ofOrders: listed.map(\.id))
            let (csrf, cookie) = BrowserSession.csrf(request, cipher: configuration.cipher)
            var response = Responses.html(LogisticsPages.merchantOrders(listed, shipments: shipped, merchant: merchant, filter: status, csrf: csrf,
                                                                        language: LanguageChoice.language(of: request)))
            if let cookie { response.setCookie(cookie) }
            return response
        }
        router.post("/merchant/orders/:id/shipments") { request, context in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            let form = try await FormBody.read(request, limit: configuration.maxBodyBytes)
            try BrowserSession.checkCSRF(request, form: form, cipher: configuration.cipher)
            guard let order = try await orders.order(context.parameters.get("id") ?? ""), order.merchantID == merchant.id else { throw Problem.notFound }
            func number(_ name: String) throws -> Int64 {
                guard let value = Int64(form[name] ?? ""), value > 0 else { throw Problem.validation("\(name): a whole number above zero", field: name) }
                return value
            }
            // What the parcel holds is the order's lines, declared at their goods value in CNY.
            let draft = ShipmentDraft(
                weightGrams: try number("weightGrams"), lengthMM: try number("lengthMM"), widthMM: try number("widthMM"), heightMM: try number("heightMM"),
                contents: order.lines.map { line in
                    ShipmentDraft.Content(hsCode: line.hsCode, description: line.name.en, quantity: line.quantity, value: line.goods.decimalText)
                })
            let shipment = try await tracking.createShipment(for: order.id, merchantID: merchant.id, draft: draft, at: Date())
            return Response(status: .seeOther, headers: [.location: "/merchant/shipments/\(shipment.id)/label"])
        }
        router.get("/merchant/shipments/:id/label") { request, context in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            guard let shipment = try await tracking.shipment(context.parameters.get("id") ?? "", merchantID: merchant.id),
                  let order = try await orders.order(shipment.orderID) else { throw Problem.notFound }
            return Responses.html(try LogisticsPages.label(shipment, order: order, merchant: merchant))
        }
        router.get("/merchant/shipments") { request, _ in
            guard let merchant = try await MerchantAuthorization.signedIn(request, keys: keys, configuration) else {
                return Response(status: .seeOther, headers: [.location: "/merchant/signin"])
            }
            return Responses.html(LogisticsPages.shipments(try await tracking.shipments(ofMerchant: merchant.id), merchant: merchant))
        }
        router.post("/api/v1/logistics/events") { request, _ in
            let body = try await RequestBody.bytes(request, limit: configuration.maxBodyBytes)
            let applied = try await tracking.receiveWebhook(
                timestamp: request.headers[.callbackTimestamp] ?? "", signature: request.headers[.callbackSignature] ?? "",
                body: String(decoding: body, as: UTF8.self), at: Date())
            return try Responses.json(["applied": applied])
        }
        router.get("/api/v1/me/orders/:id/tracking") { request, context in
            let consumer = try await BrowserSession.apiConsumer(request, accounts: accounts)
            guard let order = try await orders.order(context.parameters.get("id") ?? "", of: consumer) else { throw Problem.notFound }
            return try Responses.json(TrackingDocument(shipments: try await tracking.shipments(of: order.id).map(ShipmentDocument.init),
                                                       timeline: try await tracking.timeline(of: order.id).map(TrackingDocument.Event.init),
                                                       deliveryEstimate: try await estimates.forOrder(order.id, at: Date()).map(EstimateDocument.init)))
        }
        router.get("/orders/:id/tracking") { request, context in
            guard let consumer = try await BrowserSession.consumer(request, accounts: accounts) else {
                return Response(status: .seeOther, headers: [.location: "/account/signin?next=/orders"])
            }
            guard let order = try await orders.order(context.parameters.get("id") ?? "", of: consumer) else { throw Problem.notFound }
            return Responses.html(LogisticsPages.tracking(order, shipments: try await tracking.shipments(of: order.id),
                                                          timeline: try await tracking.timeline(of: order.id),
                                                          estimate: try await estimates.forOrder(order.id, at: Date()),
                                                          language: LanguageChoice.language(of: request)))
        }
    }
}

struct ShipmentDocument: Codable {
    let id: String
    let trackingNumber: String
    let orderId: String
    let stage: String
    let weightGrams: Int64
    let label: String

    init(_ shipment: ShipmentView) {
        id = shipment.id
        trackingNumber = shipment.trackingNumber
        orderId = shipment.orderID
        stage = shipment.stage.rawValue
        weightGrams = shipment.draft.weightGrams
        label = "/merchant/shipments/\(shipment.id)/label"
    }
}

struct TrackingDocument: Codable {
    struct Event: Codable {
        let id: String
        let trackingNumber: String
        let stage: String
        let source: String
        let at: String
        let location: String
        let note: String

        init(_ event: TrackingEvent) {
            id = event.id
            trackingNumber = event.trackingNumber
            stage = event.stage.rawValue
            source = event.source.rawValue
            at = event.at.ISO8601Format()
            location = event.location
            note = event.note
        }
    }

    let shipments: [ShipmentDocument]
    let timeline: [Event]
    let deliveryEstimate: EstimateDocument?
}

/// A delivery window: the instants, and the days in Beijing a buyer reads.
struct EstimateDocument: Codable {
    let earliest: String
    let latest: String
    let earliestDay: String
    let latestDay: String
    /// The stage it was worked out from; absent before the parcel moved.
    let basis: String?

    init(_ estimate: DeliveryEstimate) {
        earliest = estimate.earliest.ISO8601Format()
        latest = estimate.latest.ISO8601Format()
        earliestDay = Day(beijing: estimate.earliest).description
        latestDay = Day(beijing: estimate.latest).description
        basis = estimate.basis?.rawValue
    }
}
