import Commerce
import Foundation
import Hummingbird
import Services

/// Ops' declaration queue and a parcel's records, and the same as JSON.
struct DeclarationRoutes<Context: RequestContext> {
    let declarations: DeclarationService
    let orders: OrderService
    let configuration: WebConfiguration

    func register(on router: Router<Context>) {
        router.get("/ops/declarations") { request, _ in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let filter = try status(request)
            let page = Layout.pageNumber(request.uri.queryParameters.get("page"))
            let found = try await declarations.declarations(status: filter, limit: Layout.perPage + 1, offset: (page - 1) * Layout.perPage)
            return Responses.html(DeclarationPages.queue(found, filter: filter, page: page, language: LanguageChoice.language(of: request)))
        }
        router.get("/ops/declarations/:order") { request, context in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            guard let declaration = try await declarations.declaration(of: context.parameters.get("order") ?? "") else { throw Problem.notFound }
            return Responses.html(DeclarationPages.detail(declaration, language: LanguageChoice.language(of: request)))
        }
        router.get("/api/v1/ops/declarations") { request, _ in
            try await OpsAuthorization.require(request, configuration)
            return try Responses.json(["declarations": try await declarations.declarations(status: try status(request)).map(DeclarationDocument.init)])
        }
    }

    private func status(_ request: Request) throws -> DeclarationView.Status? {
        try QueryParameter.choice(request, "status", of: DeclarationView.Status.self)
    }
}

struct DeclarationDocument: Codable {
    let orderId: String
    let status: String
    let reason: String
    let mismatches: [DeclarationMismatch]
    let updatedAt: String

    init(_ view: DeclarationView) {
        orderId = view.orderID
        status = view.status.rawValue
        reason = view.reason
        mismatches = view.mismatches
        updatedAt = view.updatedAt.ISO8601Format()
    }
}
