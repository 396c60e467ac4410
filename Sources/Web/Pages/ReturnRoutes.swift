import Commerce
import Foundation
import Hummingbird
import Services

/// Returns for apps (`/api/v1/me/orders/{id}/returns`) and ops' queue of returns waiting for their
/// goods, with the two ways to settle one. The buyer's form is on the order page (`ShopRoutes`).
struct ReturnRoutes<Context: RequestContext> {
    let returns: ReturnService
    let orders: OrderService
    let accounts: AccountService
    let idempotency: IdempotencyService
    let pages: PageResponses
    let configuration: WebConfiguration

    struct ReturnInput: Decodable { let reason: String }

    struct ReturnDocument: Encodable {
        let id: String
        let orderId: String
        let status: String
        let reason: String
        let note: String
        let deadline: String
        let requestedAt: String

        init(_ item: ReturnView) {
            id = item.id
            orderId = item.orderID
            status = item.status.rawValue
            reason = item.reason
            note = item.note
            deadline = item.deadline.ISO8601Format()
            requestedAt = item.requestedAt.ISO8601Format()
        }
    }

    func register(on router: Router<Context>) {
        router.post("/api/v1/me/orders/:id/returns") { request, context in
            let consumer = try await BrowserSession.apiConsumer(request, accounts: accounts)
            let id = context.parameters.get("id") ?? ""
            return try await idempotency.respond(to: request, principal: "consumer:\(consumer.id)", limit: configuration.maxBodyBytes,
                                                 status: 201) { body in
                let input = try RequestBody.json(ReturnInput.self, from: body)
                return ([], try Responses.jsonBytes(ReturnDocument(try await returns.request(id, for: consumer, reason: input.reason, at: Date()))))
            }
        }
        router.get("/api/v1/me/orders/:id/returns") { request, context in
            let consumer = try await BrowserSession.apiConsumer(request, accounts: accounts)
            guard let order = try await orders.order(context.parameters.get("id") ?? "", of: consumer) else { throw Problem.notFound }
            return try Responses.json(["returns": try await returns.returns(of: order.id).map(ReturnDocument.init)])
        }
        router.get("/ops/returns") { request, _ in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let page = Layout.pageNumber(request.uri.queryParameters.get("page"))
            let open = try await returns.open(limit: Layout.perPage + 1, offset: (page - 1) * Layout.perPage)
            return pages.page(request) { csrf, l in ReturnPages.queue(open, page: page, csrf: csrf, language: l) }
        }
        router.post("/ops/returns/:id/received") { request, context in
            _ = try await pages.postedForm(request)
            try await OpsAuthorization.require(request, configuration)
            let settled = try await returns.received(context.parameters.get("id") ?? "", by: "ops:platform", at: Date())
            return pages.redirect(to: "/ops/orders/\(settled.orderID)")
        }
        router.post("/ops/returns/:id/decline") { request, context in
            let form = try await pages.postedForm(request)
            try await OpsAuthorization.require(request, configuration)
            try await returns.decline(context.parameters.get("id") ?? "", by: "ops:platform", note: form["note"] ?? "", at: Date())
            return pages.redirect(to: "/ops/returns")
        }
    }
}
