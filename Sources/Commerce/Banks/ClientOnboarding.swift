import Foundation

/// What a partner bank says it has checked of a client, and when: its own reference for the
/// file (a KYC case number), and the checks it vouches for.
public struct Attestation: Sendable, Equatable, Codable {
    public var checks: [String]?
    /// YYYY-MM-DD, the day the bank last reviewed the client.
    public var checkedOn: String?
    public var reference: String?

    public init(checks: [String]? = nil, checkedOn: String? = nil, reference: String? = nil) {
        self.checks = checks
        self.checkedOn = checkedOn
        self.reference = reference
    }
}

/// One client a partner bank introduces: the application it makes for it, complete, and what
/// the bank vouches for.
public struct IntroducedClient: Sendable, Equatable, Codable {
    /// The bank's own reference for the client, to find it in the answer.
    public var reference: String?
    public var application: MerchantApplication
    public var attestation: Attestation?

    public init(reference: String? = nil, application: MerchantApplication, attestation: Attestation? = nil) {
        self.reference = reference
        self.application = application
        self.attestation = attestation
    }
}

/// A batch refused as a whole: every problem of every client, each field named from the batch
/// ("clients[2].application.payout.iban"); `lines` is where each client starts in a CSV file.
public struct OnboardingRefusal: Error, Equatable, Sendable {
    public let problems: [ApplicationProblem]
    public let lines: [Int]

    public init(_ problems: [ApplicationProblem], lines: [Int] = []) {
        self.problems = problems
        self.lines = lines
    }
}

/// A partner bank onboarding its clients in bulk: all or nothing, every client a complete
/// application, introduced by one bank only, and the bank's attestation standing for no more
/// than its agreement lists.
public enum ClientOnboarding {
    public static let batchLimit = 200
    /// Checks a bank made more than this long ago are not accepted in place of the platform's
    /// own: the platform's policy, set on 2026-12-03 after the yearly review banks give their
    /// low-risk business clients under the EU's fourth anti-money-laundering directive (art. 14(5)).
    public static let attestationMaxAgeDays = 365

    /// The business as the register knows it: its country and its registration number without
    /// the separators registers print, so that one company is one key however it is written.
    public static func clientKey(_ application: MerchantApplication) -> String? {
        guard let country = ApplicationRules.present(application.country)?.uppercased(),
              let number = ApplicationRules.present(application.registrationNumber) else { return nil }
        let compact = number.uppercased().filter { $0.isLetter || $0.isNumber }
        return compact.isEmpty ? nil : country + ":" + compact
    }

    /// Every problem of the batch; `introduced` holds the client keys some bank introduced
    /// already, with the bank's id.
    public static func problems(_ clients: [IntroducedClient], bank: PartnerBank, introduced: [String: String], today: Day) -> [ApplicationProblem] {
        if clients.isEmpty { return [ApplicationProblem("clients", .required)] }
        if clients.count > batchLimit { return [ApplicationProblem("clients", .tooMany(limit: batchLimit))] }
        var problems: [ApplicationProblem] = []
        var seenKeys = Set<String>()
        var seenReferences = Set<String>()
        for (index, client) in clients.enumerated() {
            let at = "clients[\(index)]"
            problems += ApplicationRules.submissionProblems(client.application).map { ApplicationProblem("\(at).application.\($0.field)", $0.reason) }
            var found = ApplicationRules.Found()
            if let reference = ApplicationRules.present(client.reference) {
                found.text(reference, "\(at).reference", limit: ApplicationRules.textLimit)
                if !seenReferences.insert(reference).inserted { found.add("\(at).reference", .duplicate) }
            }
            let field = "\(at).application.registrationNumber"
            if let key = clientKey(client.application) {
                if !seenKeys.insert(key).inserted { found.add(field, .duplicate) }
                else if let by = introduced[key] { found.add(field, by == bank.id ? .introducedAlready : .introducedByAnotherBank) }
            } else if !problems.contains(where: { $0.field == field || $0.field == "\(at).application.country" }) {
                // Separators alone ("--"): no business to key the introduction by.
                found.add(field, .characters)
            }
            attestationProblems(client.attestation, at: "\(at).attestation", bank: bank, today: today, into: &found)
            problems += found.problems
        }
        return problems
    }

    static func attestationProblems(_ attestation: Attestation?, at: String, bank: PartnerBank, today: Day, into found: inout ApplicationRules.Found) {
        guard let attestation, !(attestation.checks ?? []).isEmpty else { return }
        var named = Set<VerificationCheck>()
        for (index, name) in (attestation.checks ?? []).enumerated() {
            let field = "\(at).checks[\(index)]"
            guard let check = VerificationCheck(rawValue: name) else { found.add(field, .unknownCheck); continue }
            if !named.insert(check).inserted { found.add(field, .duplicate) }
            else if !bank.attests.contains(check) { found.add(field, .notInAgreement) }
        }
        if let text = ApplicationRules.present(attestation.checkedOn) {
            if let day = Day(text: text) {
                if day > today { found.add("\(at).checkedOn", .attestationInFuture) }
                else if day.days(to: today) > attestationMaxAgeDays { found.add("\(at).checkedOn", .attestationStale(maxDays: attestationMaxAgeDays)) }
            } else {
                found.add("\(at).checkedOn", .day)
            }
        } else {
            found.add("\(at).checkedOn", .required)
        }
        if ApplicationRules.present(attestation.reference) == nil { found.add("\(at).reference", .required) }
        else { found.text(attestation.reference, "\(at).reference", limit: ApplicationRules.textLimit) }
    }

    /// The checks the bank's attestation stands for, once the batch has no problems.
    public static func attested(_ client: IntroducedClient) -> [VerificationCheck] {
        (client.attestation?.checks ?? []).compactMap(VerificationCheck.init(rawValue:))
    }
}
