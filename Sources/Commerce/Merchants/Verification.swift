import Foundation

/// What a business-information provider (a D&B-like register lookup) knows of a company.
public struct RegistryRecord: Sendable, Equatable, Codable {
    public enum Standing: String, Sendable, Codable { case active, inactive, dissolved }

    public let registeredName: String
    public let address: String
    public let country: String
    public let standing: Standing
    /// 1 (lowest) to 5 (highest), as D&B's failure score classes band risk.
    public let riskBand: Int

    public init(registeredName: String, address: String, country: String, standing: Standing, riskBand: Int) {
        self.registeredName = registeredName
        self.address = address
        self.country = country
        self.standing = standing
        self.riskBand = riskBand
    }
}

/// What a bank's account check answers (as the UK's Confirmation of Payee or SEPA's
/// Verification of Payee do): whether the account exists and whose it is.
public struct BankAccountAnswer: Sendable, Equatable, Codable {
    public let accountExists: Bool
    public let holderName: String?

    public init(accountExists: Bool, holderName: String?) {
        self.accountExists = accountExists
        self.holderName = holderName
    }
}

/// The three checks an application goes through once submitted.
public enum VerificationCheck: String, Sendable, CaseIterable, Codable {
    case registry
    case bankAccount = "bank-account"
    case sanctions
}

/// Where one check stands, decided from the provider's answer.
public enum CheckState: Sendable, Equatable, Codable {
    /// Not answered yet (or the provider was unavailable and it will be asked again).
    case pending
    case passed
    /// Something the applicant must put right.
    case failed(VerificationReason)
    /// Something a person at ops must look at before the capability is enabled.
    case review(VerificationReason)
}

public enum VerificationReason: Sendable, Equatable, Codable {
    case registryNotFound
    case companyNotActive(standing: String)
    case nameDiffers(registered: String)
    case nameClose(registered: String)
    case highRisk(band: Int)
    case accountNotFound
    case holderDiffers(holder: String)
    case holderClose(holder: String)
    case possibleSanctionsHit(listed: [String])

    public var code: String {
        switch self {
        case .registryNotFound: "registry-not-found"
        case .companyNotActive: "company-not-active"
        case .nameDiffers: "name-differs"
        case .nameClose: "name-close"
        case .highRisk: "high-risk"
        case .accountNotFound: "account-not-found"
        case .holderDiffers: "holder-differs"
        case .holderClose: "holder-close"
        case .possibleSanctionsHit: "possible-sanctions-hit"
        }
    }
}

/// How each provider's answer decides its check.
public enum VerificationRules {
    /// From this band up, an approval needs a second person at ops to confirm it.
    public static let secondReviewFromBand = 4

    /// The register's record against the application: found, active, the legal name the
    /// same by `NameMatching` (close: ops decide), and the risk band under review above 3.
    public static func registry(_ record: RegistryRecord?, applied: MerchantApplication) -> CheckState {
        guard let record else { return .failed(.registryNotFound) }
        guard record.standing == .active else { return .failed(.companyNotActive(standing: record.standing.rawValue)) }
        switch NameMatching.compare(applied.legalName ?? "", record.registeredName) {
        case .noMatch: return .failed(.nameDiffers(registered: record.registeredName))
        case .closeMatch: return .review(.nameClose(registered: record.registeredName))
        case .match: break
        }
        return record.riskBand >= secondReviewFromBand ? .review(.highRisk(band: record.riskBand)) : .passed
    }

    /// The bank's answer against the holder applied with, which must be the business itself.
    public static func bankAccount(_ answer: BankAccountAnswer, applied: MerchantApplication) -> CheckState {
        guard answer.accountExists, let holder = answer.holderName else { return .failed(.accountNotFound) }
        switch NameMatching.compare(applied.legalName ?? "", holder) {
        case .match: return .passed
        case .closeMatch: return .review(.holderClose(holder: holder))
        case .noMatch: return .failed(.holderDiffers(holder: holder))
        }
    }

    /// The business, its representative and its owners against the list.
    public static func sanctions(_ application: MerchantApplication, list: SanctionsList) -> CheckState {
        var hits: [String] = []
        if let name = application.legalName { hits += list.screen(name, person: false).map(\.entry.name) }
        let people = [application.representative?.name] + (application.owners ?? []).map(\.name)
        for case let person? in people { hits += list.screen(person, person: true).map(\.entry.name) }
        let listed = Array(Set(hits)).sorted()
        return listed.isEmpty ? .passed : .review(.possibleSanctionsHit(listed: listed))
    }
}
