import Foundation
import Hummingbird
import Services

/// Ops' view of parcels that have not moved for longer than a chosen time, in any state.
struct ParcelRoutes<Context: RequestContext> {
    let lastMile: LastMileService
    let configuration: WebConfiguration

    func register(on router: Router<Context>) {
        router.get("/ops/parcels") { request, _ in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let hours = try stuckHours(request)
            return Responses.html(LogisticsPages.stuck(try await lastMile.stuck(olderThan: hours, at: Date()), hours: hours,
                                                        language: LanguageChoice.language(of: request)))
        }
    }

    private func stuckHours(_ request: Request) throws -> Int {
        guard let text = request.uri.queryParameters.get("stuckHours").map({ String($0) }), !text.isEmpty else { return 24 }
        guard let hours = Int(text), (1...24 * 90).contains(hours) else {
            throw Problem.validation("stuckHours is a whole number of hours from 1 to 2160", field: "stuckHours")
        }
        return hours
    }
}
