import Commerce
import Foundation
import HTTPTypes
import Hummingbird
import Money
import Services
import Storage

/// Money in JSON: the buyer pays an order group and confirms delivery; partners report by
/// signed callbacks; merchants read their settlement and refund their orders; ops refund,
/// move orders on (standing in for customs and the carriers), run payouts and reconcile.
struct PaymentsAPI<Context: RequestContext> {
    let platform: PaymentPlatform
    let buyNow: BuyNowService
    let accounts: AccountService
    let orders: OrderService
    let keys: MerchantKeyService
    let idempotency: IdempotencyService
    let store: any Store
    let configuration: WebConfiguration

    struct PayInput: Decodable { let channel: String?; let payerIdNumber: String? }
    struct BuyNowInput: Decodable { let skuId: String; let quantity: Int64?; let addressId: String; let channel: String?; let payerAccount: String? }
    struct BoughtDocument: Codable { let groupId: String; let orderIds: [String]; let payment: PaymentDocument }
    struct RefundInput: Decodable { let amount: String; let reason: String? }
    struct StatusInput: Decodable { let status: String }

    func register(on router: Router<Context>) {
        router.post("/api/v1/me/order-groups/:group/payments") { request, context in
            let consumer = try await BrowserSession.apiConsumer(request, accounts: accounts)
            let group = context.parameters.get("group") ?? ""
            let key = try IdempotencyService.validate(key: request.headers[.idempotencyKey])
            return try await idempotency.respond(to: request, principal: "consumer:\(consumer.id)", limit: configuration.maxBodyBytes,
                                                 status: 201) { body in
                let input = body.isEmpty ? PayInput(channel: nil, payerIdNumber: nil) : try RequestBody.json(PayInput.self, from: body)
                let (changes, payment) = try await platform.payments.pay(
                    groupID: group, consumer: consumer, preferred: input.channel, payerIDNumber: input.payerIdNumber, key: key, at: Date())
                return (changes, try Responses.jsonBytes(PaymentDocument(payment)))
            }
        }
        router.post("/api/v1/me/buy-now") { request, _ in
            let consumer = try await BrowserSession.apiConsumer(request, accounts: accounts)
            let key = try IdempotencyService.validate(key: request.headers[.idempotencyKey])
            return try await idempotency.respond(to: request, principal: "consumer:\(consumer.id)", limit: configuration.maxBodyBytes,
                                                 status: 201) { body in
                let input = try RequestBody.json(BuyNowInput.self, from: body)
                if let account = input.payerAccount, !(1...64).contains(account.count) {
                    throw Problem.validation("the payer account is 1 to 64 characters, as the channel names it", field: "payerAccount")
                }
                let origin = OrderOrigin(device: try DeviceIdentifier.of(request), payerAccount: input.payerAccount)
                let (changes, bought) = try await buyNow.buy(input.skuId, quantity: input.quantity ?? 1, addressID: input.addressId,
                                                             channel: input.channel, origin: origin, for: consumer, key: key, at: Date())
                return (changes, try Responses.jsonBytes(BoughtDocument(groupId: bought.groupID, orderIds: bought.orderIDs,
                                                                        payment: PaymentDocument(bought.payment))))
            }
        }
        router.get("/api/v1/me/payments/:id") { request, context in
            let consumer = try await BrowserSession.apiConsumer(request, accounts: accounts)
            guard let payment = try await platform.payments.payment(context.parameters.get("id") ?? "", of: consumer) else { throw Problem.notFound }
            return try Responses.json(PaymentDocument(payment))
        }
        router.get("/api/v1/me/orders/:id/escrow") { request, context in
            let consumer = try await BrowserSession.apiConsumer(request, accounts: accounts)
            guard let order = try await orders.order(context.parameters.get("id") ?? "", of: consumer) else { throw Problem.notFound }
            return try Responses.json(EscrowDocument(try await platform.releases.escrow(of: order.id, status: order.status)))
        }
        router.post("/api/v1/me/orders/:id/confirm-delivery") { request, context in
            let consumer = try await BrowserSession.apiConsumer(request, accounts: accounts)
            let id = context.parameters.get("id") ?? ""
            return try await idempotency.respond(to: request, principal: "consumer:\(consumer.id)", limit: configuration.maxBodyBytes,
                                                 status: 200) { _ in
                let release = try await platform.releases.confirmDelivery(id, by: consumer, at: Date())
                return ([], try Responses.jsonBytes(ReleaseDocument(release)))
            }
        }
        router.post("/api/v1/payments/callbacks/:channel") { request, context in
            let body = try await RequestBody.bytes(request, limit: configuration.maxBodyBytes)
            let applied = try await platform.payments.receiveCallback(
                channel: context.parameters.get("channel") ?? "", timestamp: request.headers[HTTPField.Name.callbackTimestamp] ?? "",
                signature: request.headers[HTTPField.Name.callbackSignature] ?? "", body: String(decoding: body, as: UTF8.self), at: Date())
            return try Responses.json(["applied": applied])
        }
        router.get("/api/v1/merchant/settlement") { request, _ in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            return try Responses.json(try await settlement(of: merchant.id))
        }
        router.get("/api/v1/merchant/settlement/statement.csv") { request, _ in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            return Responses.text(try await MerchantStatement(store: store).csv(of: merchant.id), contentType: "text/csv; charset=utf-8")
        }
        router.post("/api/v1/merchant/orders/:id/refunds") { request, context in
            let merchant = try await MerchantAuthorization.merchant(request, keys: keys, configuration)
            return try await refund(request, orderID: context.parameters.get("id") ?? "", principal: "merchant:\(merchant.id)",
                                    merchantID: merchant.id)
        }
        router.post("/api/v1/ops/orders/:id/refunds") { request, context in
            try await OpsAuthorization.require(request, configuration)
            return try await refund(request, orderID: context.parameters.get("id") ?? "", principal: "ops:platform", merchantID: nil)
        }
        router.post("/api/v1/ops/orders/:id/status") { request, context in
            try await OpsAuthorization.require(request, configuration)
            let id = context.parameters.get("id") ?? ""
            return try await idempotency.respond(to: request, principal: "ops", limit: configuration.maxBodyBytes, status: 200) { body in
                let input = try RequestBody.json(StatusInput.self, from: body)
                guard let target = OrderStatus(rawValue: input.status), [.declared, .shipped, .cleared, .delivered].contains(target) else {
                    throw Problem.validation("status must be declared, shipped, cleared or delivered", field: "status")
                }
                let changes = try await orders.transitioning(id, to: target, by: OrderActor(kind: "ops", id: "platform"), at: Date())
                return (changes, try Responses.jsonBytes(["id": id, "status": target.rawValue]))
            }
        }
        router.post("/api/v1/ops/payouts/run") { request, _ in
            try await OpsAuthorization.require(request, configuration)
            return try await idempotency.respond(to: request, principal: "ops", limit: configuration.maxBodyBytes, status: 200) { _ in
                let batches = try await platform.payouts.run(on: Day(beijing: Date()), at: Date())
                return ([], try Responses.jsonBytes(["batches": batches.map(\.id)]))
            }
        }
        router.get("/api/v1/ops/payout-batches/:id/file") { request, context in
            try await OpsAuthorization.require(request, configuration)
            guard let file = try await platform.payouts.file(ofBatch: context.parameters.get("id") ?? "") else { throw Problem.notFound }
            return Responses.text(file, contentType: "application/xml; charset=utf-8")
        }
        router.get("/api/v1/ops/channels/:channel/statement.csv") { request, context in
            try await OpsAuthorization.require(request, configuration)
            guard let channel = platform.channels[context.parameters.get("channel") ?? ""] else { throw Problem.notFound }
            return Responses.text(Reconciliation.statementCSV(try await channel.statement()), contentType: "text/csv; charset=utf-8")
        }
        router.post("/api/v1/ops/channels/:channel/reconciliation") { request, context in
            try await OpsAuthorization.require(request, configuration)
            let statement = String(decoding: try await RequestBody.bytes(request, limit: configuration.maxImportBytes), as: UTF8.self)
            let found = try await platform.reconciliation.reconcile(channel: context.parameters.get("channel") ?? "", statement: statement)
            return try Responses.json(["mismatches": found.map(MismatchDocument.init)])
        }
    }

    func settlement(of merchantID: String) async throws -> SettlementDocument {
        let statement = MerchantStatement(store: store)
        return SettlementDocument(
            merchantId: merchantID, pendingInEscrow: .init(try await statement.pendingInEscrow(of: merchantID)),
            balances: try await statement.balances(of: merchantID).map { .init(currency: $0.currency.code, available: .init($0.available),
                                                                              inPayout: .init($0.inPayout)) },
            payouts: try await platform.payouts.payouts(of: merchantID).map(PayoutDocument.init))
    }

    private func refund(_ request: Request, orderID: String, principal: String, merchantID: String?) async throws -> Response {
        let key = try IdempotencyService.validate(key: request.headers[.idempotencyKey])
        return try await idempotency.respond(to: request, principal: principal, limit: configuration.maxBodyBytes, status: 201) { body in
            let input = try RequestBody.json(RefundInput.self, from: body)
            let amount: Money
            do { amount = try Money(decimal: input.amount, currency: .CNY) } catch { throw Problem.validation("\(error)", field: "amount") }
            let refund = try await platform.refunds.refund(
                orderID, amount: amount, reason: input.reason ?? "", requestedBy: principal,
                refundID: "r-" + Secrets.digest(Array("\(principal) \(key)".utf8)).prefix(24), merchantID: merchantID, at: Date())
            return ([], try Responses.jsonBytes(RefundDocument(refund)))
        }
    }
}

extension HTTPField.Name {
    static let callbackTimestamp = Self("X-CrossBorder-Timestamp")!  // safe: a valid token literal
    static let callbackSignature = Self("X-CrossBorder-Signature")!  // safe: a valid token literal
}
