import Commerce
import Foundation
import Testing

/// A partner bank's batch of clients: all or nothing, every client a complete application,
/// one business introduced by one bank, and the bank's word standing only for the checks its
/// agreement lists and only while it is fresh.
@Suite("Partner banks onboarding their clients")
struct ClientOnboardingTests {
    static let today = Day(2026, 12, 3)
    static let bank = PartnerBank(id: "bank-a", name: "Banca A", country: "IT", bic: "BANAITMM", attests: [.registry, .bankAccount], flagship: nil)

    /// A complete Italian client: its partita IVA and IBAN carry valid check digits (the IBAN
    /// is the ECBS register's Italian example).
    static func client(_ name: String = "Bottega Verdi S.r.l.", registration: String = "04812260489", reference: String? = "c-1",
                       attests: [String] = ["registry"], checkedOn: String = "2026-11-20") -> IntroducedClient {
        IntroducedClient(reference: reference, application: MerchantApplication(
            legalName: name, country: "IT", registrationNumber: registration,
            address: .init(line1: "Via dei Servi 12", city: "Firenze"),
            representative: .init(name: "Giulia Verdi", email: "giulia@verdi.example"), ownersComplete: true,
            payout: .init(holderName: name, currency: "EUR", iban: "IT60X0542811101000000123456"),
            brands: ["Verdi"], categories: ["bags"]),
            attestation: Attestation(checks: attests, checkedOn: checkedOn, reference: "KYC-1"))
    }

    func problems(_ clients: [IntroducedClient], introduced: [String: String] = [:]) -> [String: String] {
        Dictionary(ClientOnboarding.problems(clients, bank: Self.bank, introduced: introduced, today: Self.today).map { ($0.field, $0.reason.code) },
                   uniquingKeysWith: { first, _ in first })
    }

    @Test("a batch of complete clients has nothing wrong; the attested checks are the bank's word")
    func complete() {
        let batch = [Self.client(), Self.client("Ceramiche Oltrarno S.n.c.", registration: "05987650487", reference: "c-2", attests: ["registry", "bank-account"])]
        #expect(problems(batch).isEmpty)
        #expect(ClientOnboarding.attested(batch[1]) == [.registry, .bankAccount])
    }

    @Test("every problem of every client is named with the client it belongs to")
    func named() {
        var second = Self.client("Ceramiche Oltrarno S.n.c.", registration: "05987650487", reference: "c-2")
        second.application.payout?.iban = "IT61X0542811101000000123456"  // one check digit off
        second.application.representative?.email = nil
        let found = problems([Self.client(), second])
        #expect(found["clients[1].application.payout.iban"] == "iban")
        #expect(found["clients[1].application.representative.email"] == "required")
        #expect(!found.keys.contains { $0.hasPrefix("clients[0]") }, "the good client has nothing wrong")
        #expect(problems([]) == ["clients": "required"])
        #expect(problems(Array(repeating: Self.client(), count: ClientOnboarding.batchLimit + 1)) == ["clients": "too-many"])
    }

    @Test("a business is one key however its number is written: twice in a batch, or introduced before, is refused")
    func oneBankPerBusiness() throws {
        let spaced = Self.client(registration: "048 1226 0489", reference: "c-2")
        #expect(ClientOnboarding.clientKey(spaced.application) == ClientOnboarding.clientKey(Self.client().application))
        #expect(problems([Self.client(), spaced])["clients[1].application.registrationNumber"] == "duplicate")
        #expect(problems([Self.client(), Self.client("Other S.r.l.", registration: "05987650487", reference: "c-1")])["clients[1].reference"] == "duplicate")
        let key = try #require(ClientOnboarding.clientKey(Self.client().application))
        #expect(problems([Self.client()], introduced: [key: "bank-b"])["clients[0].application.registrationNumber"] == "introduced-by-another-bank")
        #expect(problems([Self.client()], introduced: [key: "bank-a"])["clients[0].application.registrationNumber"] == "introduced-already")
        // A number of separators alone keys no business: refused, never left out of the batch.
        var separators = Self.client(registration: "-/-")
        separators.application.country = "SG"
        #expect(ClientOnboarding.clientKey(separators.application) == nil)
        #expect(problems([separators])["clients[0].application.registrationNumber"] != nil)
    }

    @Test("the bank vouches only for what its agreement lists, dated, referenced and no older than the limit")
    func attestation() {
        #expect(problems([Self.client(attests: ["sanctions"])])["clients[0].attestation.checks[0]"] == "not-in-agreement")
        #expect(problems([Self.client(attests: ["credit"])])["clients[0].attestation.checks[0]"] == "unknown-check")
        #expect(problems([Self.client(attests: ["registry", "registry"])])["clients[0].attestation.checks[1]"] == "duplicate")
        #expect(problems([Self.client(checkedOn: "2026-12-04")])["clients[0].attestation.checkedOn"] == "attestation-in-future")
        #expect(problems([Self.client(checkedOn: "2026-02-30")])["clients[0].attestation.checkedOn"] == "day")
        let limit = ClientOnboarding.attestationMaxAgeDays
        #expect(problems([Self.client(checkedOn: Self.today.adding(days: -limit).description)]).isEmpty, "on the limit it still stands")
        #expect(problems([Self.client(checkedOn: Self.today.adding(days: -limit - 1).description)])["clients[0].attestation.checkedOn"] == "attestation-stale")
        var unreferenced = Self.client()
        unreferenced.attestation?.reference = " "
        #expect(problems([unreferenced])["clients[0].attestation.reference"] == "required")
        // Vouching for nothing asks nothing of the attestation: every check is the platform's.
        #expect(problems([Self.client(attests: [], checkedOn: "")]).isEmpty)
    }

    @Test("a CSV file fills each column's field; owners, lists and yes/no are read, and what cannot be read is named")
    func csv() throws {
        let header = ["reference", "legal_name", "country", "registration_number", "owner1_name", "owner1_share", "owner2_name", "owner2_share",
                      "brands", "attested_checks", "owners_complete"]
        #expect(Set(header).isSubset(of: Set(ClientCSV.header)))
        let text = header.joined(separator: ",") + "\r\n"
            + "c-1,\"Verdi, Bianchi & C. S.n.c.\",IT,04812260489,Giulia Verdi,60,Paolo Bianchi,40,Verdi; Bianchi,registry;bank-account,no\r\n"
            + "c-2,Oltrarno S.n.c.,IT,05987650487,,,,,Oltrarno,,\r\n"
        let (clients, lines) = try ClientCSV.clients(text)
        #expect(lines == [2, 3])
        #expect(clients[0].application.legalName == "Verdi, Bianchi & C. S.n.c.")
        #expect(clients[0].application.owners?.map(\.sharePercent) == [60, 40])
        #expect(clients[0].application.owners?.map(\.name) == ["Giulia Verdi", "Paolo Bianchi"])
        #expect(clients[0].application.brands == ["Verdi", "Bianchi"])
        #expect(clients[0].attestation?.checks == ["registry", "bank-account"])
        #expect(clients[0].application.ownersComplete == false)
        #expect(clients[1].application.owners == nil && clients[1].attestation == nil, "empty columns fill nothing")

        func refusal(_ text: String) -> [String: String] {
            do { _ = try ClientCSV.clients(text); return [:] } catch {
                return Dictionary(error.problems.map { ($0.field, $0.reason.code) }, uniquingKeysWith: { a, _ in a })
            }
        }
        #expect(refusal("legal_name,colour\r\nA,red\r\n") == ["header.colour": "unknown-column"])
        #expect(refusal("legal_name,legal_name\r\nA,B\r\n") == ["header.legal_name": "duplicate"])
        #expect(refusal("legal_name,owner1_share,owners_complete\r\nA,sixty,maybe\r\n")
                == ["clients[0].application.owners[0].sharePercent": "whole-number", "clients[0].application.ownersComplete": "yes-or-no"])
        #expect(refusal("legal_name,country\r\nA\r\n") == ["body": "csv"])
    }

    @Test("ops' filing of a partner and a bank's flagship store are each checked field by field")
    func partnerAndFlagship() throws {
        let bank = try PartnerBankRules.partner(PartnerBankDraft(id: "bank-lungarno", name: "Banca del Lungarno", country: "it", bic: "LUNG IT FF",
                                                                attests: ["registry"]))
        #expect(bank.country == "IT" && bank.bic == "LUNGITFF" && bank.attests == [.registry])
        func fields(_ draft: PartnerBankDraft) -> [String: String] {
            do { _ = try PartnerBankRules.partner(draft); return [:] } catch {
                return Dictionary(error.problems.map { ($0.field, $0.reason.code) }, uniquingKeysWith: { a, _ in a })
            }
        }
        #expect(fields(PartnerBankDraft(id: "Bank A", name: nil, country: "XX", bic: "BANK", attests: ["registry", "kyc"]))
                == ["id": "slug", "name": "required", "country": "unknown-country", "bic": "bic.shape", "attests[1]": "unknown-check"])
        for slug in ["ab", "-lungarno", "lungarno-", "lung_arno", String(repeating: "a", count: 41)] {
            #expect(PartnerBankRules.slugProblem(slug) == .slug, "\(slug)")
        }
        #expect(PartnerBankRules.slugProblem("lungarno-2026") == nil)
        let flagship = try PartnerBankRules.flagship(FlagshipDraft(slug: "lungarno", nameEn: " Lungarno Selection ", nameZh: "伦加诺精选"))
        #expect(flagship.name.en == "Lungarno Selection" && flagship.tagline.en.isEmpty)
        #expect(throws: ApplicationRefusal.self) { try PartnerBankRules.flagship(FlagshipDraft(slug: "lungarno", nameEn: "Lungarno")) }
    }
}
