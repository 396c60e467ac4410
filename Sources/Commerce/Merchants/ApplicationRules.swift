import Foundation
import Money

/// What a merchant's application must be: each identifier by its own rule, the people and
/// the payout account, and, to be submitted, complete.
public enum ApplicationRules {
    public static let nameLimit = 200
    public static let textLimit = 100
    public static let brandLimit = 50
    public static let categoryLimit = 20

    /// Everything wrong with what the draft holds; empty fields are not problems yet.
    public static func draftProblems(_ application: MerchantApplication) -> [ApplicationProblem] {
        var found = Found()
        let a = application
        found.text(a.legalName, "legalName", limit: nameLimit)
        if let country = present(a.country) {
            if !CountryCodes.assigned.contains(country) { found.add("country", .unknownCountry) }
            else if country == CountryCodes.mainland { found.add("country", .mainlandBusiness) }
        }
        let country = present(a.country).flatMap { CountryCodes.assigned.contains($0) ? $0 : nil }
        if let number = present(a.registrationNumber) { found.identifier("registrationNumber") { () throws(IdentifierProblem) in try registrationNumber(number, country: country) } }
        if let number = present(a.dunsNumber) { found.identifier("dunsNumber") { () throws(IdentifierProblem) in _ = try DUNSNumber(number) } }
        if let number = present(a.lei) { found.identifier("lei") { () throws(IdentifierProblem) in _ = try LEI(number) } }
        if let number = present(a.vatNumber) { vat(number, country: country, into: &found) }
        found.text(a.address?.line1, "address.line1", limit: nameLimit)
        found.text(a.address?.line2, "address.line2", limit: nameLimit)
        found.text(a.address?.city, "address.city", limit: textLimit)
        found.text(a.address?.postalCode, "address.postalCode", limit: 20)
        found.name(a.representative?.name, "representative.name")
        found.text(a.representative?.role, "representative.role", limit: textLimit)
        if let email = present(a.representative?.email) {
            do { _ = try AccountRules.email(email) } catch { found.add("representative.email", .email) }
        }
        owners(a.owners ?? [], into: &found)
        payout(a.payout, into: &found)
        list(a.brands, "brands", limit: brandLimit, into: &found)
        list(a.categories, "categories", limit: categoryLimit, into: &found)
        return found.problems
    }

    /// Everything that stops the application from going to review: the draft's problems and
    /// every field still missing.
    public static func submissionProblems(_ application: MerchantApplication) -> [ApplicationProblem] {
        let a = application
        var missing: [String] = []
        let required: [(String?, String)] = [
            (a.legalName, "legalName"), (a.country, "country"), (a.registrationNumber, "registrationNumber"),
            (a.address?.line1, "address.line1"), (a.address?.city, "address.city"),
            (a.representative?.name, "representative.name"), (a.representative?.email, "representative.email"),
            (a.payout?.holderName, "payout.holderName"), (a.payout?.currency, "payout.currency"),
        ]
        missing += required.filter { present($0.0) == nil }.map(\.1)
        for (index, owner) in (a.owners ?? []).enumerated() {
            if present(owner.name) == nil { missing.append("owners[\(index)].name") }
            if owner.sharePercent == nil { missing.append("owners[\(index)].sharePercent") }
        }
        if let payout = a.payout, present(payout.iban) == nil {
            if present(payout.accountNumber) == nil { missing.append("payout.accountNumber") }
            if present(payout.routingNumber) == nil && present(payout.bic) == nil { missing.append("payout.bic") }
        } else if a.payout == nil {
            missing.append("payout.iban")
        }
        if (a.brands ?? []).isEmpty { missing.append("brands") }
        if (a.categories ?? []).isEmpty { missing.append("categories") }
        var problems = draftProblems(application)
        let named = Set(problems.map(\.field))
        problems += missing.filter { !named.contains($0) }.map { ApplicationProblem($0, .required) }
        if (a.owners ?? []).isEmpty && a.ownersComplete != true { problems.append(ApplicationProblem("ownersComplete", .ownersUnconfirmed)) }
        return problems
    }

    /// The registration number by the rule of the register it comes from: Companies House,
    /// Korea's National Tax Service, Italy's Registro delle Imprese (whose number for a
    /// company is its 11-digit codice fiscale, the same as its partita IVA), the IRS's EIN;
    /// elsewhere 2 to 40 letters, digits and the separators registers print.
    static func registrationNumber(_ number: String, country: String?) throws(IdentifierProblem) {
        switch country {
        case "GB": _ = try UKCompanyNumber(number)
        case "KR": _ = try KoreanBusinessNumber(number)
        case "IT": _ = try PartitaIVA(number)
        case "US": _ = try EmployerNumber(number)
        default:
            let allowed = number.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || " -./".unicodeScalars.contains($0)) }
            guard (2...40).contains(number.count), allowed else { throw IdentifierProblem(.registrationNumber, .shape) }
        }
    }

    /// An EU VAT number by its country's format, and from the country the business is in
    /// (Greece writes EL; a Northern Ireland business in the UK, XI). Outside the EU the
    /// number is held to the general shape of a registration number.
    static func vat(_ number: String, country: String?, into found: inout Found) {
        let prefix = String(number.filter { !" -.".contains($0) }.uppercased().prefix(2))
        let isEU = EUVATNumber.formats[prefix] != nil || (country.map { EUVATNumber.formats[$0] != nil || $0 == "GR" } ?? false)
        guard isEU else {
            found.identifier("vatNumber") { () throws(IdentifierProblem) in try registrationNumber(number, country: nil) }
            return
        }
        found.identifier("vatNumber") { () throws(IdentifierProblem) in _ = try EUVATNumber(number) }
        guard let country, EUVATNumber.formats[prefix] != nil else { return }
        let expected = country == "GR" ? "EL" : country
        if prefix != expected && !(country == "GB" && prefix == "XI") { found.add("vatNumber", .vatCountry(expected: expected)) }
    }

    static func owners(_ owners: [MerchantApplication.Owner], into found: inout Found) {
        // Four holders of 25 % make the whole: a fifth cannot hold as much.
        guard owners.count <= 4 else { return found.add("owners", .tooMany(limit: 4)) }
        for (index, owner) in owners.enumerated() {
            found.name(owner.name, "owners[\(index)].name")
            if let share = owner.sharePercent, !(25...100).contains(share) { found.add("owners[\(index)].sharePercent", .ownerShare) }
            if let nationality = present(owner.nationality), !CountryCodes.assigned.contains(nationality) {
                found.add("owners[\(index)].nationality", .unknownCountry)
            }
        }
        let total = owners.compactMap(\.sharePercent).filter { (25...100).contains($0) }.reduce(0, +)
        if total > 100 { found.add("owners", .sharesOverWhole(total: total)) }
    }

    static func payout(_ payout: MerchantApplication.PayoutAccount?, into found: inout Found) {
        guard let payout else { return }
        // A holder may be the business itself, whose name can have digits ("3M Company").
        found.text(payout.holderName, "payout.holderName", limit: nameLimit)
        if let code = present(payout.currency) {
            do { _ = try Currency(code: code) } catch { found.add("payout.currency", .unknownCurrency) }
        }
        if let iban = present(payout.iban) {
            do { _ = try IBAN(iban) } catch { found.add("payout.iban", .iban(error)) }
        }
        if let bic = present(payout.bic) { found.identifier("payout.bic") { () throws(IdentifierProblem) in _ = try BankIdentifierCode(bic) } }
        if let routing = present(payout.routingNumber) { found.identifier("payout.routingNumber") { () throws(IdentifierProblem) in _ = try ABARoutingNumber(routing) } }
        if let account = present(payout.accountNumber) {
            let compact = account.filter { $0 != " " && $0 != "-" }
            if !(4...34).contains(compact.count) || !compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                found.add("payout.accountNumber", .accountNumber)
            }
        }
    }

    static func list(_ items: [String]?, _ field: String, limit: Int, into found: inout Found) {
        guard let items else { return }
        guard items.count <= limit else { return found.add(field, .tooMany(limit: limit)) }
        var seen: Set<String> = []
        for (index, item) in items.enumerated() {
            let name = "\(field)[\(index)]"
            guard present(item) != nil else { found.add(name, .required); continue }
            found.text(item, name, limit: textLimit)
            if !seen.insert(item.trimmingCharacters(in: .whitespaces).lowercased()).inserted { found.add(name, .duplicate) }
        }
    }

    /// Whether `text` has control characters other than line breaks, which no field, note or
    /// name holds.
    public static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" }
    }

    /// The field's text without the white space around it, or nil when nothing is left.
    public static func present(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// The problems found so far, in the order of the form.
    struct Found {
        var problems: [ApplicationProblem] = []

        mutating func add(_ field: String, _ reason: ApplicationProblem.Reason) {
            problems.append(ApplicationProblem(field, reason))
        }

        mutating func text(_ text: String?, _ field: String, limit: Int) {
            guard let text = present(text) else { return }
            if text.count > limit { add(field, .tooLong(limit: limit)) }
            else if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { add(field, .characters) }
        }

        /// A person's name: text with no digits of any script.
        mutating func name(_ text: String?, _ field: String) {
            guard let name = present(text) else { return }
            let before = problems.count
            self.text(name, field, limit: textLimit)
            if problems.count == before && name.contains(where: \.isDecimalDigitOfAnyScript) { add(field, .characters) }
        }

        mutating func identifier(_ field: String, _ check: () throws(IdentifierProblem) -> Void) {
            do { try check() } catch { add(field, .identifier(error)) }
        }
    }
}
