import Commerce
import Foundation
import Testing

/// Brand authorisations held to their sources: the Nice Classification's class headings for
/// what a registration covers, the ten-year term of a registration, and the filing's own shape.
@Suite("Brand authorisations and counterfeit reports")
struct BrandRulesTests {
    static let today = Day(2026, 12, 2)

    static func authorisation(_ brand: String = "Bottega Arno", classes: Set<Int> = [18], from: Day = Day(2024, 1, 1),
                              until: Day = Day(2033, 12, 31), status: BrandAuthorisation.Status = .accepted, id: String = "ba-1") -> BrandAuthorisation {
        BrandAuthorisation(id: id, merchantID: "m-arno", brand: brand, kind: .trademark, owner: "Bottega Arno S.r.l.", office: "EUIPO",
                           registrationNumber: "018123456", classes: classes, validFrom: from, validUntil: until, status: status)
    }

    /// NCL 12-2025 class headings: 3 cosmetics, 14 horological instruments and jewellery, 18
    /// leather goods and handbags, 25 clothing and footwear, 29 dried fruit and prepared nuts,
    /// 30 coffee and confectionery, 33 alcoholic beverages.
    @Test("goods fall in the Nice class their heading names", arguments: [
        ("330499", 3), ("910229", 14), ("711319", 14), ("420221", 18), ("620520", 25), ("640399", 25), ("081340", 29),
        ("200819", 29), ("090121", 30), ("170220", 30), ("220421", 33),
    ])
    func niceClass(hsCode: String, niceClass: Int) {
        #expect(NiceClasses.classes(forHSCode: hsCode).contains(niceClass))
        #expect(NiceClasses.classes(forHSCode: hsCode).allSatisfy { NiceClasses.all.contains($0) })
    }

    @Test("a product is for sale only while an accepted authorisation holds for its brand and class")
    func coverage() {
        let held = [Self.authorisation()]
        #expect(BrandRules.coverage(brand: "Bottega Arno", hsCode: "420221", by: held, on: Self.today) == .covered(by: "ba-1"))
        // The brand as compared: case, accents and the legal form do not matter.
        #expect(BrandRules.coverage(brand: "BOTTEGA ARNO S.r.l.", hsCode: "420221", by: held, on: Self.today).allowsSale)
        #expect(BrandRules.coverage(brand: "Bottega Arnoo", hsCode: "420221", by: held, on: Self.today) == .missing)
        #expect(BrandRules.coverage(brand: "Bottega Arno", hsCode: "620520", by: held, on: Self.today) == .otherClasses(needed: [25]))
        #expect(BrandRules.coverage(brand: "无品牌", hsCode: "620520", by: [], on: Self.today) == .unbranded)
        #expect(BrandRules.coverage(brand: "Unbranded", hsCode: "620520", by: [], on: Self.today).allowsSale)
        let pending = [Self.authorisation(status: .pending)]
        #expect(BrandRules.coverage(brand: "Bottega Arno", hsCode: "420221", by: pending, on: Self.today) == .missing)
        let rejected = [Self.authorisation(status: .rejected)]
        #expect(!BrandRules.coverage(brand: "Bottega Arno", hsCode: "420221", by: rejected, on: Self.today).allowsSale)
    }

    @Test("an authorisation holds through its last day and not a day after; a later one takes over")
    func lapse() {
        let last = Day(2026, 12, 31)
        let letter = [Self.authorisation(until: last)]
        #expect(BrandRules.coverage(brand: "Bottega Arno", hsCode: "420221", by: letter, on: last).allowsSale)
        let after = last.adding(days: 1)
        #expect(after == Day(2027, 1, 1))
        #expect(BrandRules.coverage(brand: "Bottega Arno", hsCode: "420221", by: letter, on: after) == .lapsed(lastUntil: last))
        let renewed = letter + [Self.authorisation(from: after, until: Day(2030, 12, 31), id: "ba-2")]
        #expect(BrandRules.coverage(brand: "Bottega Arno", hsCode: "420221", by: renewed, on: after) == .covered(by: "ba-2"))
        let notYet = [Self.authorisation(from: Day(2027, 1, 1))]
        #expect(!BrandRules.coverage(brand: "Bottega Arno", hsCode: "420221", by: notYet, on: Self.today).allowsSale)
    }

    static let registration = BrandAuthorisationDraft(
        brand: "Bottega Arno", kind: "trademark", owner: "Bottega Arno S.r.l.", office: "euipo", registrationNumber: "018123456",
        classes: [18, 25], validFrom: "2024-01-01", validUntil: "2033-12-31")

    @Test("a registration as filed: office upper-cased, classes kept, pending review")
    func filed() throws {
        let filed = try BrandRules.filed(Self.registration, id: "ba-x", merchantID: "m-arno", on: Self.today)
        #expect(filed.office == "EUIPO" && filed.classes == [18, 25] && filed.status == .pending)
        #expect(filed.validFrom == Day(2024, 1, 1) && filed.validUntil == Day(2033, 12, 31))
        // A letter needs no registration of its own.
        let letter = BrandAuthorisationDraft(brand: "Fulton Athletic", kind: "owner-letter", owner: "Fulton Athletic Inc.", classes: [25],
                                             validFrom: "2026-01-01", validUntil: "2027-12-31")
        #expect(try BrandRules.filed(letter, id: "ba-y", merchantID: "m-hv", on: Self.today).registrationNumber == nil)
    }

    static func reasons(_ draft: BrandAuthorisationDraft) -> [String: BrandProblem.Reason] {
        do {
            _ = try BrandRules.filed(draft, id: "ba-x", merchantID: "m", on: today)
            return [:]
        } catch {
            return Dictionary(error.problems.map { ($0.field, $0.reason) }, uniquingKeysWith: { first, _ in first })
        }
    }

    @Test("every field at fault is named at once")
    func refused() {
        #expect(Self.reasons(BrandAuthorisationDraft()) == ["brand": .required, "kind": .required, "owner": .required, "classes": .required,
                                                           "validFrom": .required, "validUntil": .required])
        var draft = Self.registration
        draft.kind = "licence"
        draft.office = "XX"
        draft.registrationNumber = "01//23"
        draft.classes = [0, 18, 18, 46]
        draft.validFrom = "2024-02-30"
        let found = Self.reasons(draft)
        #expect(found["kind"] == .unknownKind && found["office"] == .unknownOffice && found["registrationNumber"] == .registrationNumber)
        #expect(found["classes[0]"] == .niceClass && found["classes[2]"] == .duplicate && found["classes[3]"] == .niceClass)
        #expect(found["validFrom"] == .day)
        draft = Self.registration
        draft.office = nil
        draft.registrationNumber = nil
        #expect(Self.reasons(draft) == ["office": .required, "registrationNumber": .required])
        draft = Self.registration
        draft.brand = "无品牌"
        #expect(Self.reasons(draft) == ["brand": .unbranded])
    }

    @Test("the days make sense: in order, not over, at most the ten years a registration runs")
    func days() {
        var draft = Self.registration
        draft.validUntil = "2023-12-31"
        #expect(Self.reasons(draft) == ["validUntil": .endsBeforeStart])
        draft.validFrom = "2020-01-01"
        draft.validUntil = "2026-12-01"
        #expect(Self.reasons(draft) == ["validUntil": .expired])
        draft.validUntil = Self.today.description
        #expect(Self.reasons(draft).isEmpty)
        draft.validFrom = "2024-01-01"
        draft.validUntil = "2035-01-01"
        #expect(Self.reasons(draft) == ["validUntil": .tooLong(limit: BrandRules.longestYears)])
        #expect(Day(text: "2024-02-29") != nil && Day(text: "2023-02-29") == nil && Day(text: "2024-1-01") == nil)
    }

    @Test("a counterfeit report names its product and reason; a brand owner also a name and an address to answer")
    func report() throws {
        let buyer = try CounterfeitRules.report(CounterfeitReportDraft(productId: "hv-runner", reason: "No logo on the sole"), buyer: "c-1")
        #expect(buyer.reporter == .buyer(consumerID: "c-1"))
        do {
            _ = try CounterfeitRules.report(CounterfeitReportDraft(productId: " ", reason: "x", email: "not-mail"), buyer: nil)
            Issue.record("refused report accepted")
        } catch {
            #expect(Set(error.problems.map(\.field)) == ["productId", "reporterName", "email"])
        }
        let long = CounterfeitReportDraft(productId: "p", reason: String(repeating: "x", count: CounterfeitRules.reasonLimit + 1))
        #expect(throws: BrandRefusal([BrandProblem("reason", .tooLong(limit: CounterfeitRules.reasonLimit))])) {
            try CounterfeitRules.report(long, buyer: "c-1")
        }
    }

    @Test("ops take a case down or clear it, each once, in order")
    func caseActions() {
        #expect(CounterfeitAction.takeDown.after(.open) == .takenDown)
        #expect(CounterfeitAction.clear.after(.takenDown) == .cleared)
        #expect(CounterfeitAction.clear.after(.open) == .cleared)
        #expect(CounterfeitAction.takeDown.after(.takenDown) == nil)
        #expect(CounterfeitAction.takeDown.after(.cleared) == nil && CounterfeitAction.clear.after(.cleared) == nil)
    }

    @Test("every demo brand filing passes the rules")
    func demo() throws {
        for (index, filing) in DemoBrands.filings(from: Self.today).enumerated() {
            _ = try BrandRules.filed(filing.draft, id: "ba-\(index)", merchantID: filing.merchantID, on: Self.today)
        }
    }
}
