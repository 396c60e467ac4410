import Money

/// A partner bank's onboarding file as CSV: one client a row, a column a field, the header
/// naming the columns in any order (a column left out is a field left empty). Lists (brands,
/// categories, the attested checks) are separated by semicolons; up to four owners, since no
/// more than four people can each hold 25 %.
public enum ClientCSV {
    public static let ownerColumns = 4

    /// Each column with the field it fills, named as the JSON batch names it.
    typealias Fill = @Sendable (inout IntroducedClient, String) -> ApplicationProblem.Reason?

    static let columns: [(name: String, field: String, fill: Fill)] = {
        var all: [(name: String, field: String, fill: Fill)] = [
            ("reference", "reference", { $0.reference = $1; return nil }),
            ("legal_name", "application.legalName", { $0.application.legalName = $1; return nil }),
            ("country", "application.country", { $0.application.country = $1; return nil }),
            ("registration_number", "application.registrationNumber", { $0.application.registrationNumber = $1; return nil }),
            ("duns_number", "application.dunsNumber", { $0.application.dunsNumber = $1; return nil }),
            ("vat_number", "application.vatNumber", { $0.application.vatNumber = $1; return nil }),
            ("lei", "application.lei", { $0.application.lei = $1; return nil }),
            ("address_line1", "application.address.line1", { c, v in edit(&c.application.address, .init()) { $0.line1 = v }; return nil }),
            ("address_line2", "application.address.line2", { c, v in edit(&c.application.address, .init()) { $0.line2 = v }; return nil }),
            ("address_city", "application.address.city", { c, v in edit(&c.application.address, .init()) { $0.city = v }; return nil }),
            ("address_postal_code", "application.address.postalCode", { c, v in edit(&c.application.address, .init()) { $0.postalCode = v }; return nil }),
            ("representative_name", "application.representative.name", { c, v in edit(&c.application.representative, .init()) { $0.name = v }; return nil }),
            ("representative_role", "application.representative.role", { c, v in edit(&c.application.representative, .init()) { $0.role = v }; return nil }),
            ("representative_email", "application.representative.email", { c, v in edit(&c.application.representative, .init()) { $0.email = v }; return nil }),
            ("owners_complete", "application.ownersComplete", { client, value in
                switch value.lowercased() {
                case "yes", "true": client.application.ownersComplete = true
                case "no", "false": client.application.ownersComplete = false
                default: return .yesOrNo
                }
                return nil
            }),
            ("payout_holder", "application.payout.holderName", { c, v in edit(&c.application.payout, .init()) { $0.holderName = v }; return nil }),
            ("payout_currency", "application.payout.currency", { c, v in edit(&c.application.payout, .init()) { $0.currency = v }; return nil }),
            ("payout_iban", "application.payout.iban", { c, v in edit(&c.application.payout, .init()) { $0.iban = v }; return nil }),
            ("payout_bic", "application.payout.bic", { c, v in edit(&c.application.payout, .init()) { $0.bic = v }; return nil }),
            ("payout_routing_number", "application.payout.routingNumber", { c, v in edit(&c.application.payout, .init()) { $0.routingNumber = v }; return nil }),
            ("payout_account_number", "application.payout.accountNumber", { c, v in edit(&c.application.payout, .init()) { $0.accountNumber = v }; return nil }),
            ("brands", "application.brands", { $0.application.brands = list($1); return nil }),
            ("categories", "application.categories", { $0.application.categories = list($1); return nil }),
            ("attested_checks", "attestation.checks", { c, v in edit(&c.attestation, .init()) { $0.checks = list(v) }; return nil }),
            ("attested_on", "attestation.checkedOn", { c, v in edit(&c.attestation, .init()) { $0.checkedOn = v }; return nil }),
            ("attestation_reference", "attestation.reference", { c, v in edit(&c.attestation, .init()) { $0.reference = v }; return nil }),
        ]
        for n in 0..<ownerColumns { all += ownerColumns(n) }
        return all
    }()

    /// The `n`th owner's name, share and nationality ("owner1_name" …).
    static func ownerColumns(_ n: Int) -> [(name: String, field: String, fill: Fill)] {
        [
            ("owner\(n + 1)_name", "application.owners[\(n)].name", { c, v in owner(&c, n) { $0.name = v }; return nil }),
            ("owner\(n + 1)_share", "application.owners[\(n)].sharePercent", { c, v in
                guard let share = Int(v) else { return .wholeNumber }
                owner(&c, n) { $0.sharePercent = share }
                return nil
            }),
            ("owner\(n + 1)_nationality", "application.owners[\(n)].nationality", { c, v in owner(&c, n) { $0.nationality = v }; return nil }),
        ]
    }

    /// The header a bank's file may use, in the order a template lists them.
    public static var header: [String] { columns.map(\.name) }

    /// The file's clients and the line each starts on, or every problem of the file: a column
    /// it does not know, a value that is not what its column holds, a file that is not CSV.
    public static func clients(_ text: String) throws(OnboardingRefusal) -> (clients: [IntroducedClient], lines: [Int]) {
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch { throw OnboardingRefusal([ApplicationProblem("body", .csv(line: error.line, message: error.message))]) }
        var problems: [ApplicationProblem] = []
        let known = Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0) })
        var seen = Set<String>()
        for name in table.header {
            if known[name] == nil { problems.append(ApplicationProblem("header.\(name)", .unknownColumn)) }
            else if !seen.insert(name).inserted { problems.append(ApplicationProblem("header.\(name)", .duplicate)) }
        }
        guard problems.isEmpty else { throw OnboardingRefusal(problems) }
        var clients: [IntroducedClient] = []
        for (index, row) in table.rows.enumerated() {
            var client = IntroducedClient(application: MerchantApplication())
            for (name, raw) in zip(table.header, row.fields) {
                guard let column = known[name], let value = ApplicationRules.present(raw) else { continue }
                if let reason = column.fill(&client, value) { problems.append(ApplicationProblem("clients[\(index)].\(column.field)", reason)) }
            }
            clients.append(client)
        }
        let lines = table.rows.map(\.line)
        guard problems.isEmpty else { throw OnboardingRefusal(problems, lines: lines) }
        return (clients, lines)
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ";").compactMap { ApplicationRules.present(String($0)) }
    }

    static func edit<T>(_ value: inout T?, _ empty: T, _ change: (inout T) -> Void) {
        var current = value ?? empty
        change(&current)
        value = current
    }

    /// The `n`th owner's fields, the list grown to hold it.
    static func owner(_ client: inout IntroducedClient, _ n: Int, _ change: (inout MerchantApplication.Owner) -> Void) {
        var owners = client.application.owners ?? []
        while owners.count <= n { owners.append(.init()) }
        change(&owners[n])
        client.application.owners = owners
    }
}
