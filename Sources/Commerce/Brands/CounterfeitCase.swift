import Foundation

/// A report that a product is counterfeit, from a buyer (signed in) or from the brand's owner
/// (who need not have an account: the name and address to answer are asked instead).
public struct CounterfeitReportDraft: Sendable, Codable, Equatable {
    public var productId: String?
    public var reason: String?
    /// A brand owner's company and the address to answer; a buyer's come from the account.
    public var reporterName: String?
    public var email: String?

    public init(productId: String? = nil, reason: String? = nil, reporterName: String? = nil, email: String? = nil) {
        self.productId = productId
        self.reason = reason
        self.reporterName = reporterName
        self.email = email
    }
}

public enum CounterfeitReporter: Sendable, Equatable {
    case buyer(consumerID: String)
    case brandOwner(name: String, email: String)

    public var kind: String {
        switch self {
        case .buyer: "buyer"
        case .brandOwner: "brand-owner"
        }
    }
}

/// What ops decide on a case, and where each decision leaves it.
public enum CounterfeitCaseStatus: String, Sendable, CaseIterable {
    /// Reported; the product is still for sale until ops act.
    case open
    /// The product is withdrawn from sale.
    case takenDown = "taken-down"
    /// Found genuine (or the report unfounded): the product is for sale again, the case closed.
    case cleared
}

public enum CounterfeitAction: String, Sendable, CaseIterable {
    case takeDown = "take-down"
    case clear

    /// The status `self` leaves a case in that is `status`, or nil when it cannot be taken.
    public func after(_ status: CounterfeitCaseStatus) -> CounterfeitCaseStatus? {
        switch (self, status) {
        case (.takeDown, .open): .takenDown
        case (.clear, .open), (.clear, .takenDown): .cleared
        case (.takeDown, .takenDown), (.takeDown, .cleared), (.clear, .cleared): nil
        }
    }
}

public enum CounterfeitRules {
    public static let reasonLimit = 2_000

    /// Who reports and why, from `draft`; a buyer's own account is `buyer`, else the draft must
    /// name the brand owner and an address to answer.
    public static func report(_ draft: CounterfeitReportDraft, buyer: String?) throws(BrandRefusal)
        -> (productID: String, reason: String, reporter: CounterfeitReporter) {
        var found: [BrandProblem] = []
        let product = ApplicationRules.present(draft.productId)
        if product == nil { found.append(BrandProblem("productId", .required)) }
        let reason = ApplicationRules.present(draft.reason)
        if let reason {
            if reason.count > reasonLimit { found.append(BrandProblem("reason", .tooLong(limit: reasonLimit))) }
            else if ApplicationRules.hasControlCharacters(reason) { found.append(BrandProblem("reason", .characters)) }
        } else {
            found.append(BrandProblem("reason", .required))
        }
        var reporter: CounterfeitReporter?
        if let buyer {
            reporter = .buyer(consumerID: buyer)
        } else {
            let name = ApplicationRules.present(draft.reporterName)
            if let name {
                if name.count > BrandRules.textLimit { found.append(BrandProblem("reporterName", .tooLong(limit: BrandRules.textLimit))) }
                else if ApplicationRules.hasControlCharacters(name) || name.contains("\n") { found.append(BrandProblem("reporterName", .characters)) }
            } else {
                found.append(BrandProblem("reporterName", .required))
            }
            var email: String?
            if let given = ApplicationRules.present(draft.email) {
                do { email = try AccountRules.email(given) } catch { found.append(BrandProblem("email", .email)) }
            } else {
                found.append(BrandProblem("email", .required))
            }
            if let name, let email { reporter = .brandOwner(name: name, email: email) }
        }
        guard found.isEmpty, let product, let reason, let reporter else { throw BrandRefusal(found) }
        return (product, reason, reporter)
    }
}
