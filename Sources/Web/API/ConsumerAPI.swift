import Commerce
import Foundation
import HTTPTypes
import Hummingbird
import Services
import Storage
import Synchronization

/// The buyer's JSON API: account, session, addresses, cart, quote, orders. Authenticated by
/// the session token (`Authorization: Bearer s_…`) that signing in returns.
struct ConsumerAPI<Context: RequestContext> {
    let accounts: AccountService
    let identities: IdentityService
    let checkout: CheckoutService
    let orders: OrderService
    let estimates: DeliveryEstimateService
    let idempotency: IdempotencyService
    let limiter: SignInLimiter
    let configuration: WebConfiguration

    struct SignUp: Decodable { let email: String; let password: String; let displayName: String? }
    struct SignIn: Decodable { let email: String; let password: String }
    struct SessionDocument: Codable { let token: String; let consumer: ConsumerDocument }
    struct AddressInput: Decodable {
        let province: String
        let city: String
        let district: String
        let street: String
        let recipient: String
        let mobile: String
    }
    struct CartLineInput: Decodable { let quantity: Int64 }
    struct IdentityInput: Decodable { let name: String; let idNumber: String; let mobile: String }
    struct CartDocument: Codable { struct Line: Codable { let skuId: String; let quantity: Int64 }; let lines: [Line] }
    struct QuoteInput: Decodable { let addressId: String }
    struct OrderInput: Decodable { let quoteId: String }
    struct PlacedDocument: Codable {
        let groupId: String
        let orderIds: [String]
        let total: ProductDocument.Amount
    }

    func register(on router: Router<Context>) {
        router.post("/api/v1/consumers") { request, _ in
            // A password is kept nowhere but in its bcrypt hash: the key remembers the e-mail address.
            try await idempotency.respond(
                to: request, principal: "anyone", limit: configuration.maxBodyBytes, status: 201,
                fingerprint: { Array(AccountRules.normalizedEmail(try RequestBody.json(SignUp.self, from: $0).email).utf8) }
            ) { body in
                let input = try RequestBody.json(SignUp.self, from: body)
                let consumer = try await accounts.signUp(email: input.email, password: input.password,
                                                         displayName: input.displayName ?? "", at: Date())
                return ([], try Responses.jsonBytes(ConsumerDocument(consumer)))
            }
        }
        router.post("/api/v1/sessions") { request, _ in
            let input = try RequestBody.json(SignIn.self, from: try await RequestBody.bytes(request, limit: configuration.maxBodyBytes))
            let (consumer, token) = try await signIn(email: input.email, password: input.password)
            return try Responses.json(SessionDocument(token: token, consumer: ConsumerDocument(consumer)), status: .created)
        }
        router.delete("/api/v1/sessions/current") { request, _ in
            guard let token = BrowserSession.token(request) else { throw Problem.unauthorized("no session to end") }
            try await accounts.signOut(token: token)
            return Response(status: .noContent)
        }
        router.get("/api/v1/me/addresses") { request, _ in
            let consumer = try await signedIn(request)
            return try Responses.json(["addresses": try await accounts.addresses(of: consumer).map(AddressDocument.init)])
        }
        router.post("/api/v1/me/addresses") { request, _ in
            try await mutate(request, status: 201) { consumer, body in
                let input = try RequestBody.json(AddressInput.self, from: body)
                let address = try DeliveryAddress(province: input.province, city: input.city, district: input.district,
                                                  street: input.street, recipient: input.recipient, mobile: input.mobile)
                return ([], try Responses.jsonBytes(AddressDocument(try await accounts.addAddress(address, for: consumer, at: Date()))))
            }
        }
        router.get("/api/v1/me/identity") { request, _ in
            let consumer = try await signedIn(request)
            guard let identity = try await identities.identity(of: consumer) else { throw Problem.notFound }
            return try Responses.json(IdentityDocument(identity, allowance: try await identities.allowance(of: consumer, at: Date())))
        }
        router.put("/api/v1/me/identity") { request, _ in
            let consumer = try await signedIn(request)
            let input = try RequestBody.json(IdentityInput.self, from: try await RequestBody.bytes(request, limit: configuration.maxBodyBytes))
            let identity = try await identities.enrol(consumer, name: input.name, idNumber: input.idNumber, mobile: input.mobile, at: Date())
            return try Responses.json(IdentityDocument(identity, allowance: try await identities.allowance(of: consumer, at: Date())))
        }
        router.get("/api/v1/me/cart") { request, _ in try Responses.json(try await cartDocument(try await signedIn(request))) }
        router.put("/api/v1/me/cart/lines/:sku") { request, context in
            let consumer = try await signedIn(request)
            let input = try RequestBody.json(CartLineInput.self, from: try await RequestBody.bytes(request, limit: configuration.maxBodyBytes))
            try await checkout.setCartLine(context.parameters.get("sku") ?? "", quantity: input.quantity, for: consumer, at: Date())
            return try Responses.json(try await cartDocument(consumer))
        }
        router.post("/api/v1/me/quotes") { request, _ in
            try await mutate(request, status: 201) { consumer, body in
                let input = try RequestBody.json(QuoteInput.self, from: body)
                let quote = try await checkout.quote(for: consumer, addressID: input.addressId, origin: OrderOrigin(device: try DeviceIdentifier.of(request)), at: Date())
                return ([], try Responses.jsonBytes(QuoteDocument(quote, estimates: try await estimates.forQuote(quote, at: Date()))))
            }
        }
        router.post("/api/v1/me/orders") { request, _ in
            // The risk signals count the orders in once they are committed, which happens after this closure returns.
            let placedOrders = Committed<[RiskObservation]>([])
            let response = try await mutate(request, status: 201) { consumer, body in
                let input = try RequestBody.json(OrderInput.self, from: body)
                let decision = try await checkout.placing(input.quoteId, for: consumer, origin: OrderOrigin(device: try DeviceIdentifier.of(request)), at: Date())
                placedOrders.keep(decision.observations)
                let placed = PlacedDocument(groupId: decision.groupID, orderIds: decision.orderIDs, total: .init(decision.total))
                return (decision.changes, try Responses.jsonBytes(placed))
            }
            checkout.risk?.placed(placedOrders.value)
            return response
        }
        router.get("/api/v1/me/orders") { request, _ in
            let consumer = try await signedIn(request)
            return try Responses.json(["orders": try await orders.orders(of: consumer).map(OrderDocument.init)])
        }
        router.get("/api/v1/me/orders/:id") { request, context in
            let consumer = try await signedIn(request)
            guard let order = try await orders.order(context.parameters.get("id") ?? "", of: consumer) else { throw Problem.notFound }
            return try Responses.json(OrderDocument(order))
        }
        router.post("/api/v1/me/orders/:id/cancel") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await mutate(request, status: 200) { consumer, _ in
                guard try await orders.order(id, of: consumer) != nil else { throw Problem.notFound }
                let changes = try await orders.transitioning(id, to: .cancelled, by: .buyer(consumer.id), at: Date(), note: "cancelled by the buyer")
                return (changes, try Responses.jsonBytes(["id": id, "status": OrderStatus.cancelled.rawValue]))
            }
        }
    }

    func signIn(email: String, password: String) async throws -> (Consumer, String) {
        try await limiter.signIn(email: email, at: Date()) { try await accounts.signIn(email: email, password: password, at: Date()) }
    }

    func signedIn(_ request: Request) async throws -> Consumer {
        try await BrowserSession.apiConsumer(request, accounts: accounts)
    }

    func cartDocument(_ consumer: Consumer) async throws -> CartDocument {
        CartDocument(lines: try await checkout.cart(of: consumer).map { .init(skuId: $0.skuID, quantity: $0.quantity) })
    }

    private func mutate(_ request: Request, status: Int,
                        _ work: @escaping (Consumer, [UInt8]) async throws -> (changes: [Change], document: [UInt8])) async throws -> Response {
        let consumer = try await signedIn(request)
        return try await idempotency.respond(to: request, principal: "consumer:\(consumer.id)", limit: configuration.maxBodyBytes,
                                             status: status) { body in try await work(consumer, body) }
    }
}

/// A value a unit of work sets before its commit, for its caller to act on after the commit.
final class Committed<Value: Sendable>: Sendable {
    private let box: Mutex<Value>

    init(_ value: Value) { box = Mutex(value) }

    func keep(_ value: Value) { box.withLock { $0 = value } }

    var value: Value { box.withLock { $0 } }
}
