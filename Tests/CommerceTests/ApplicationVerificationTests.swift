import Commerce
import Foundation
import Testing

/// The rules that turn providers' answers into checks and checks into requirements: name
/// matching, sanctions screening and what each capability still needs.
@Suite("Verifying a merchant's application")
struct ApplicationVerificationTests {
    @Test("Jaro-Winkler gives the figures of Winkler's own examples")
    func jaroWinkler() {
        // Winkler (1990), "String Comparator Metrics and Enhanced Decision Rules in the
        // Fellegi-Sunter Model of Record Linkage", and the measure's standard worked examples.
        let cases: [(String, String, Double)] = [("MARTHA", "MARHTA", 0.961), ("DWAYNE", "DUANE", 0.840), ("DIXON", "DICKSONX", 0.813)]
        for (a, b, expected) in cases {
            #expect(abs(NameMatching.similarityOfWords(a, b) - expected) < 0.001, "\(a) \(b)")
        }
    }

    @Test("a legal name matches however registers write the legal form, case and accents; one typo is close; another word is not")
    func legalNames() {
        #expect(NameMatching.compare("Pirelli & C. S.p.A.", "PIRELLI AND C SPA") == .match)
        #expect(NameMatching.compare("Horlogerie Vallée SA", "Horlogerie Vallee") == .match)
        #expect(NameMatching.compare("Seoul Dew Cosmetics Co., Ltd.", "주식회사 Seoul Dew Cosmetics") == .match)
        #expect(NameMatching.compare("Bottega Verdi S.r.l.", "Botega Verdi S.r.l.") == .closeMatch)
        #expect(NameMatching.compare("Bottega Verdi S.r.l.", "Bottega Rossi S.r.l.") == .noMatch)
        #expect(NameMatching.compare("Bottega Verdi", "Northwind Holdings") == .noMatch)
        #expect(NameMatching.compare("S.p.A.", "Ltd") == .noMatch, "a legal form alone names nobody")
    }

    static let list: SanctionsList = {
        try! SanctionsList(sdnCSV: SanctionsSample.sdnCSV)  // safe: the test below checks the sample parses
    }()

    @Test("the sample list reads as OFAC's sdn.csv: entities, individuals written SURNAME, Given, vessels")
    func sdnLayout() throws {
        let list = try SanctionsList(sdnCSV: SanctionsSample.sdnCSV)
        #expect(list.entries.count == 6)
        let kovac = try #require(list.entries.first { $0.number == "9000003" })
        #expect(kovac.kind == .individual && kovac.readingName.trimmingCharacters(in: .whitespaces) == "Darko Ivan KOVAC")
        #expect(list.entries.first { $0.number == "9000001" }?.kind == .entity)
        #expect(list.entries.first { $0.number == "9000005" }?.kind == .vessel)
        #expect(list.entries.allSatisfy { $0.programmes == ["SAMPLE"] })
        // OFAC's file ends with an end-of-file mark on a line of its own.
        #expect(try SanctionsList(sdnCSV: SanctionsSample.sdnCSV + "\n\u{1A}\n").entries.count == 6)
        #expect(throws: SanctionsList.Problem.self) { try SanctionsList(sdnCSV: #"1,"SHORT ROW""#) }
        #expect(throws: SanctionsList.Problem.self) {
            try SanctionsList(sdnCSV: #"1,"X","spaceship",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- "#)
        }
    }

    @Test("screening finds a listed name written another way, and leaves ordinary names alone")
    func screening() {
        let list = Self.list
        #expect(list.screen("Greyline Bulk Trading Limited", person: false).map(\.entry.number) == ["9000001"])
        #expect(list.screen("Grayline Bulk Trading Ltd", person: false).map(\.entry.number) == ["9000001"], "one letter transliterated")
        #expect(list.screen("Darko Kovač", person: true).map(\.entry.number) == ["9000003"], "a middle name left out, an accent added")
        #expect(list.screen("Darko Ivan Kovač", person: true).map(\.entry.number) == ["9000003"])
        #expect(list.screen("KOVAC Darko Ivan", person: true).map(\.entry.number) == ["9000003"], "surname first")
        #expect(list.screen("Petra Halvorsen", person: true).map(\.entry.number) == ["9000004"])
        #expect(list.screen("Petra Marie Halvorsen", person: true).map(\.entry.number) == ["9000004"], "a middle name added")
        #expect(list.screen("Greyline Bulk Trading Ltd", person: true).isEmpty, "people are screened against individuals")
        #expect(list.screen("Sea Wren", person: false).isEmpty, "vessels are not businesses")
        for ordinary in ["Giulia Verdi", "Marco Rossi", "Kim Min-jun"] {
            #expect(list.screen(ordinary, person: true).isEmpty, "\(ordinary)")
        }
        for ordinary in ["Bottega Verdi S.r.l.", "Pirelli & C. S.p.A.", "Northern Lights Bakery Ltd"] {
            #expect(list.screen(ordinary, person: false).isEmpty, "\(ordinary)")
        }
    }

    static let applied = MerchantApplication(legalName: "Bottega Verdi S.r.l.", country: "IT", representative: .init(name: "Giulia Verdi"),
                                             owners: [.init(name: "Darko Ivan Kovac", sharePercent: 40)])

    @Test("the register's answer decides its check")
    func registry() {
        func record(_ name: String, _ standing: RegistryRecord.Standing = .active, band: Int = 2) -> RegistryRecord {
            RegistryRecord(registeredName: name, address: "Firenze", country: "IT", standing: standing, riskBand: band)
        }
        #expect(VerificationRules.registry(nil, applied: Self.applied) == .failed(.registryNotFound))
        #expect(VerificationRules.registry(record("BOTTEGA VERDI SRL"), applied: Self.applied) == .passed)
        #expect(VerificationRules.registry(record("Bottega Verdi", .dissolved), applied: Self.applied) == .failed(.companyNotActive(standing: "dissolved")))
        #expect(VerificationRules.registry(record("Botega Verdi"), applied: Self.applied) == .review(.nameClose(registered: "Botega Verdi")))
        #expect(VerificationRules.registry(record("Northwind Holdings"), applied: Self.applied) == .failed(.nameDiffers(registered: "Northwind Holdings")))
        #expect(VerificationRules.registry(record("Bottega Verdi", band: 4), applied: Self.applied) == .review(.highRisk(band: 4)))
    }

    @Test("the bank's holder must be the business itself")
    func bank() {
        #expect(VerificationRules.bankAccount(BankAccountAnswer(accountExists: false, holderName: nil), applied: Self.applied) == .failed(.accountNotFound))
        #expect(VerificationRules.bankAccount(BankAccountAnswer(accountExists: true, holderName: "BOTTEGA VERDI SRL"), applied: Self.applied) == .passed)
        #expect(VerificationRules.bankAccount(BankAccountAnswer(accountExists: true, holderName: "Giulia Verdi"), applied: Self.applied)
            == .failed(.holderDiffers(holder: "Giulia Verdi")))
    }

    @Test("an owner on the list puts the application under review, naming the listed entry for ops")
    func sanctionsCheck() {
        #expect(VerificationRules.sanctions(Self.applied, list: Self.list) == .review(.possibleSanctionsHit(listed: ["KOVAC, Darko Ivan"])))
        var clean = Self.applied
        clean.owners = []
        #expect(VerificationRules.sanctions(clean, list: Self.list) == .passed)
    }

    @Test("requirements: checks pending, an error with its date that turns past due, reviews, one or two approvals")
    func requirements() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let answered = now.addingTimeInterval(-86_400)
        func outcome(_ check: VerificationCheck, _ state: CheckState) -> CheckOutcome { CheckOutcome(check: check, state: state, answeredAt: answered) }
        let fresh = Requirements.evaluate([], approvals: 0, now: now)
        #expect(fresh.map(\.code) == [.registry, .bankAccount, .sanctions, .opsReview])
        #expect(fresh.allSatisfy { $0.status == .pendingVerification })

        let failedBank = [outcome(.registry, .passed), outcome(.bankAccount, .failed(.accountNotFound)), outcome(.sanctions, .passed)]
        let left = Requirements.evaluate(failedBank, approvals: 1, now: now)
        #expect(left.map(\.code) == [.bankAccount])
        #expect(left.first?.status == .error)
        #expect(left.first?.dueBy == answered.addingTimeInterval(TimeInterval(Requirements.remedyDays * 86_400)))
        #expect(Requirements.enabled(.sell, left) && !Requirements.enabled(.payouts, left), "sells, and its earnings are held")
        let late = now.addingTimeInterval(TimeInterval(Requirements.remedyDays * 86_400))
        #expect(Requirements.evaluate(failedBank, approvals: 1, now: late).first?.status == .pastDue)
        #expect(!Requirements.approvable(failedBank))

        let risky = [outcome(.registry, .review(.highRisk(band: 5))), outcome(.bankAccount, .passed), outcome(.sanctions, .passed)]
        #expect(Requirements.approvable(risky))
        #expect(Requirements.evaluate(risky, approvals: 1, now: now).map(\.code) == [.registry, .secondReview])
        #expect(!Requirements.evaluate(risky, approvals: 2, now: now).contains { $0.code == .secondReview })
    }
}
