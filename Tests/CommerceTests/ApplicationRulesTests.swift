import Commerce
import Foundation
import Testing

/// A merchant's application held to each identifier's own rule, with numbers their issuers
/// publish, and to what a submission must hold.
@Suite("A merchant's application")
struct ApplicationRulesTests {
    /// Pirelli & C. S.p.A.: its partita IVA and VAT number as it prints them, and the IBAN
    /// registry's own example for Italy.
    static let pirelli = MerchantApplication(
        legalName: "Pirelli & C. S.p.A.", country: "IT", registrationNumber: "00743110157", vatNumber: "IT00743110157",
        address: .init(line1: "Viale Piero e Alberto Pirelli 25", city: "Milano", postalCode: "20126"),
        representative: .init(name: "Marco Rossi", role: "Export manager", email: "export@example.it"),
        owners: [.init(name: "Giulia Bianchi", sharePercent: 30, nationality: "IT")],
        payout: .init(holderName: "Pirelli & C. S.p.A.", currency: "EUR", iban: "IT60 X054 2811 1010 0000 0123 456"),
        brands: ["Pirelli"], categories: ["accessories"])

    func reasons(_ application: MerchantApplication, submitting: Bool = false) -> [String: ApplicationProblem.Reason] {
        let problems = submitting ? ApplicationRules.submissionProblems(application) : ApplicationRules.draftProblems(application)
        return Dictionary(problems.map { ($0.field, $0.reason) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("a complete application with published numbers can be submitted")
    func complete() {
        #expect(ApplicationRules.submissionProblems(Self.pirelli).isEmpty)
    }

    @Test("an empty draft is no problem to save, and submitting it names every field still missing")
    func emptyDraft() {
        #expect(ApplicationRules.draftProblems(MerchantApplication()).isEmpty)
        let missing = reasons(MerchantApplication(), submitting: true)
        for field in ["legalName", "country", "registrationNumber", "address.line1", "address.city", "representative.name",
                      "representative.email", "payout.iban", "brands", "categories"] {
            #expect(missing[field] == .required, "\(field)")
        }
        #expect(missing["ownersComplete"] == .ownersUnconfirmed)
        var nobody = Self.pirelli
        nobody.owners = []
        #expect(reasons(nobody, submitting: true)["ownersComplete"] == .ownersUnconfirmed)
        nobody.ownersComplete = true
        #expect(ApplicationRules.submissionProblems(nobody).isEmpty, "nobody holds 25 %, and the applicant says so")
    }

    @Test("the registration number is held to its country's register")
    func registrationByCountry() {
        let cases: [(country: String, number: String, valid: Bool, expected: IdentifierProblem?)] = [
            ("IT", "00743110157", true, nil),
            ("IT", "00743110158", false, IdentifierProblem(.partitaIVA, .checkDigit)),
            ("GB", "00102498", true, nil),   // BP p.l.c.
            ("GB", "XX123456", false, IdentifierProblem(.ukCompanyNumber, .unknownPrefix)),
            ("KR", "124-81-00998", true, nil),   // Samsung Electronics
            ("KR", "124-81-00997", false, IdentifierProblem(.koreanBusinessNumber, .checkDigit)),
            ("US", "94-2404110", true, nil),   // Apple Inc.'s EIN, on its filings
            ("US", "94-240411", false, IdentifierProblem(.employerNumber, .shape)),
            ("FR", "552 120 222", true, nil),   // a SIREN: the general shape
            ("FR", "552<120", false, IdentifierProblem(.registrationNumber, .shape)),
        ]
        for item in cases {
            var application = Self.pirelli
            application.country = item.country
            application.registrationNumber = item.number
            application.vatNumber = nil
            let reason = reasons(application)["registrationNumber"]
            #expect(reason == item.expected.map { .identifier($0) }, "\(item.country) \(item.number)")
        }
    }

    @Test("each identifier names its own field when it fails")
    func identifiers() {
        var wrong = Self.pirelli
        wrong.dunsNumber = "15-048-378"
        wrong.lei = "506700GE1G29325QX364"
        wrong.payout?.iban = "IT60X0542811101000000123457"
        wrong.payout?.bic = "BPMO IT M"
        let found = reasons(wrong)
        #expect(found["dunsNumber"] == .identifier(IdentifierProblem(.dunsNumber, .shape)))
        #expect(found["lei"] == .identifier(IdentifierProblem(.lei, .checkDigit)))
        #expect(found["payout.iban"] == .iban(.checkDigits))
        #expect(found["payout.bic"] == .identifier(IdentifierProblem(.bic, .shape)))
        var american = Self.pirelli
        american.payout = .init(holderName: "Apple Inc.", currency: "USD", routingNumber: "121000249", accountNumber: "000123456789")
        #expect(reasons(american)["payout.routingNumber"] == .identifier(IdentifierProblem(.routingNumber, .checkDigit)))
        american.payout?.routingNumber = "121000248"
        american.payout?.accountNumber = "12"
        #expect(reasons(american) == ["payout.accountNumber": .accountNumber])
    }

    @Test("a VAT number follows the business's country: EL for Greece, XI allowed for a UK business in Northern Ireland")
    func vatCountry() {
        func vat(_ number: String, country: String) -> ApplicationProblem.Reason? {
            var application = Self.pirelli
            application.country = country
            application.registrationNumber = nil
            application.vatNumber = number
            return reasons(application)["vatNumber"]
        }
        #expect(vat("DE123456789", country: "IT") == .vatCountry(expected: "IT"))
        #expect(vat("EL123456789", country: "GR") == nil)
        #expect(vat("GR123456789", country: "GR") == .identifier(IdentifierProblem(.euVATNumber, .unknownPrefix)))
        #expect(vat("XI123456789", country: "GB") == nil)
        #expect(vat("00743110157", country: "IT") == .identifier(IdentifierProblem(.euVATNumber, .unknownPrefix)),
                "an EU number is written with its country's prefix")
        #expect(vat("CHE-123.456.788", country: "CH") == nil, "outside the EU: the general shape")
    }

    @Test("owners hold 25 % to 100 %, four at most, and together no more than the whole")
    func owners() {
        var application = Self.pirelli
        application.owners = [.init(name: "A B", sharePercent: 20)]
        #expect(reasons(application)["owners[0].sharePercent"] == .ownerShare)
        application.owners = [.init(name: "A B", sharePercent: 60), .init(name: "C D", sharePercent: 50)]
        #expect(reasons(application)["owners"] == .sharesOverWhole(total: 110))
        application.owners = Array(repeating: .init(name: "A B", sharePercent: 25), count: 5)
        #expect(reasons(application)["owners"] == .tooMany(limit: 4))
        application.owners = [.init(name: "R2 D2", sharePercent: 25, nationality: "XX")]
        #expect(reasons(application)["owners[0].name"] == .characters)
        #expect(reasons(application)["owners[0].nationality"] == .unknownCountry)
        application.owners = [.init(name: "A B")]
        #expect(reasons(application, submitting: true)["owners[0].sharePercent"] == .required)
    }

    @Test("the country is an assigned ISO 3166 code, and not the mainland")
    func country() {
        var application = Self.pirelli
        application.country = "ZZ"
        #expect(reasons(application)["country"] == .unknownCountry)
        application.country = "CN"
        #expect(reasons(application)["country"] == .mainlandBusiness)
        #expect(CountryCodes.assigned.count == 249)
    }

    @Test("brands and categories are short, distinct and not too many")
    func lists() {
        var application = Self.pirelli
        application.brands = ["Pirelli", " pirelli ", ""]
        let found = reasons(application)
        #expect(found["brands[1]"] == .duplicate)
        #expect(found["brands[2]"] == .required)
        application.brands = (0...ApplicationRules.brandLimit).map { "Brand \($0)" }
        #expect(reasons(application)["brands"] == .tooMany(limit: ApplicationRules.brandLimit))
        application.brands = [String(repeating: "x", count: ApplicationRules.textLimit + 1)]
        #expect(reasons(application)["brands[0]"] == .tooLong(limit: ApplicationRules.textLimit))
    }
}
