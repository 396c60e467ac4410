import Commerce
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import Services
import Storage
import TestSupport
import Testing
@testable import Web

@Suite("Partner banks over HTTP")
struct PartnerBankWebTests {
    let ops: HTTPFields = [.authorization: "Bearer \(opsToken)"]

    func keyed(_ base: HTTPFields, _ key: String, contentType: String? = nil) -> HTTPFields {
        var all = base
        all[.idempotencyKey] = key
        if let contentType { all[.contentType] = contentType }
        return all
    }

    /// Two Florentine clients as a bank's CSV file; `iban` is the second one's.
    func csv(secondIBAN iban: String = "IT60X0542811101000000123456") -> String {
        let header = "reference,legal_name,country,registration_number,address_line1,address_city,representative_name,representative_email,owners_complete,payout_holder,payout_currency,payout_iban,brands,categories,attested_checks,attested_on,attestation_reference"
        let checked = Day(beijing: Date()).adding(days: -5).description
        return header + "\r\n"
            + "c-1,Ceramiche Oltrarno S.n.c.,IT,05987650487,Via Maggio 31,Firenze,Chiara Conti,chiara@oltrarno.example,yes,Ceramiche Oltrarno S.n.c.,EUR,IT60X0542811101000000123456,Oltrarno,home,registry;bank-account,\(checked),KYC-1\r\n"
            + "c-2,Pelletteria Santa Croce S.r.l.,IT,06312340489,Borgo Santa Croce 8,Firenze,Lorenzo Bardi,lorenzo@santacroce.example,yes,Pelletteria Santa Croce S.r.l.,EUR,\(iban),Santa Croce,bags,registry,\(checked),KYC-2\r\n"
    }

    func partner(_ client: any TestClientProtocol, _ store: any Store, id: String) async throws -> HTTPFields {
        let made = try await client.post("/api/v1/ops/partner-banks", json: #"{"id":"\#(id)","name":"Banca \#(id)","country":"IT","bic":"BANCITMM","attests":["registry","bank-account"]}"#,
                                         headers: keyed(ops, "pb-\(id)"))
        #expect(made.status == .created, "\(made.text)")
        return [.authorization: "Bearer \(try await PartnerBankService(store: store).issueKey(bankID: id, label: "test", at: Date()))"]
    }

    @Test("a bank onboards a CSV file all or nothing; its clients resume with their keys; another bank sees none of it and cannot introduce them again")
    func onboarding() async throws {
        try await withTestApp(.sqlite) { client, store in
            let refusedFiling = try await client.post("/api/v1/ops/partner-banks", json: #"{"id":"B","country":"XX","attests":["kyc"]}"#, headers: keyed(ops, "pb-bad"))
            #expect(refusedFiling.status == .unprocessableContent)
            let filingFields = Set(((try refusedFiling.json()["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(filingFields == ["id", "name", "country", "bic", "attests[0]"])
            let a = try await partner(client, store, id: "bank-a")
            let b = try await partner(client, store, id: "bank-b")

            // One mistyped IBAN refuses the file, naming the client and its line; nothing is written.
            var english = keyed(a, "batch-0", contentType: "text/csv")
            english[.acceptLanguage] = "en"
            let bad = try await client.execute(uri: "/api/v1/bank/clients", method: .post, headers: english,
                                               body: ByteBuffer(string: csv(secondIBAN: "IT61X0542811101000000123456")))
            #expect(bad.status == .unprocessableContent)
            let errors = (try bad.json()["errors"] as? [[String: Any]]) ?? []
            #expect(errors.map { $0["field"] as? String } == ["clients[1].application.payout.iban"])
            let detail = errors.first?["detail"] as? String ?? ""
            #expect(detail.contains("line 3"))
            #expect(((try await client.get("/api/v1/bank/applications", headers: a).json()["applications"] as? [Any]) ?? [1]).isEmpty)

            let good = try await client.execute(uri: "/api/v1/bank/clients", method: .post, headers: keyed(a, "batch-1", contentType: "text/csv"),
                                                body: ByteBuffer(string: csv()))
            #expect(good.status == .created, "\(good.text)")
            let onboarded = (try good.json()["clients"] as? [[String: Any]]) ?? []
            #expect(onboarded.map { $0["reference"] as? String } == ["c-1", "c-2"])
            #expect(onboarded.map { $0["attested"] as? [String] ?? [] } == [["registry", "bank-account"], ["registry"]])
            let replay = try await client.execute(uri: "/api/v1/bank/clients", method: .post, headers: keyed(a, "batch-1", contentType: "text/csv"),
                                                  body: ByteBuffer(string: csv()))
            #expect(replay.status == .created && replay.text == good.text, "a retried batch answers the same, keys included, and onboards nothing more")
            let id = try #require(onboarded.first?["id"] as? String), resume = try #require(onboarded.first?["resumeKey"] as? String)
            let own = try await client.get("/api/v1/merchant-applications/\(id)", headers: [.authorization: "Bearer \(resume)"])
            let ownStatus = try own.json()["status"] as? String
            #expect(own.status == .ok && ownStatus == "submitted")

            // The other bank: its list is empty, A's client is not found, and introducing it again is refused by the rule.
            #expect(((try await client.get("/api/v1/bank/applications", headers: b).json()["applications"] as? [Any]) ?? [1]).isEmpty)
            #expect(try await client.get("/api/v1/bank/applications/\(id)", headers: b).status == .notFound)
            #expect(try await client.get("/api/v1/bank/applications/\(id)", headers: a).status == .ok)
            let again = try await client.execute(uri: "/api/v1/bank/clients", method: .post, headers: keyed(b, "batch-b", contentType: "text/csv"),
                                                 body: ByteBuffer(string: csv()))
            #expect(again.status == .unprocessableContent)
            #expect(Set(((try again.json()["errors"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }) == ["introduced-by-another-bank"])

            // A merchant's key is no bank's, and a bank's key is no merchant's.
            let merchantKey = try await MerchantKeyService(store: store).issue(merchantID: "m-pacific-pantry", label: "t", at: Date())
            #expect(try await client.get("/api/v1/bank", headers: [.authorization: "Bearer \(merchantKey)"]).status == .unauthorized)
            #expect(try await client.get("/api/v1/merchant/orders", headers: a).status == .unauthorized)
            #expect(try await client.get("/api/v1/ops/partner-banks", headers: a).status == .unauthorized)
        }
    }

    @Test("approved, a client is the bank's merchant: its store says who introduced it, the flagship gathers its products, the bank sees its sales")
    func merchantsAndFlagship() async throws {
        let configuration = testConfiguration()
        try await withTestApp(.sqlite, configuration: configuration) { client, store in
            let a = try await partner(client, store, id: "bank-a")
            let onboarded = try await client.execute(uri: "/api/v1/bank/clients", method: .post, headers: keyed(a, "batch", contentType: "text/csv"),
                                                     body: ByteBuffer(string: csv()))
            let id = try #require(((try onboarded.json()["clients"] as? [[String: Any]]) ?? []).first?["id"] as? String)
            let applications = MerchantApplicationService(store: store, cipher: configuration.cipher)
            _ = try await VerificationService(store: store, applications: applications, registry: SandboxRegistry(delay: .zero),
                                              bank: SandboxBankAccounts(delay: .zero), sanctions: try SanctionsList(sdnCSV: SanctionsSample.sdnCSV)).run(at: Date())
            let approved = try await client.post("/api/v1/ops/merchant-applications/\(id)/decisions", json: #"{"decision":"approve","reviewer":"Chen Jing"}"#,
                                                 headers: keyed(ops, "approve"))
            #expect(approved.status == .ok, "\(approved.text)")
            let merchants = (try await client.get("/api/v1/bank/merchants", headers: a).json()["merchants"] as? [[String: Any]]) ?? []
            #expect(merchants.count == 1 && merchants.first?["orders"] as? Int == 0)
            let storePath = try #require(merchants.first?["store"] as? String)
            #expect(try await client.get(storePath + "?lang=en").text.contains("Introduced by: Banca bank-a"))

            let taken = try await client.execute(uri: "/api/v1/bank/flagship", method: .put, headers: keyed(a, "f0", contentType: "application/json"),
                                                 body: ByteBuffer(string: #"{"slug":"-x","nameEn":"Florence"}"#))
            #expect(taken.status == .unprocessableContent)
            #expect(Set(((try taken.json()["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }) == ["slug", "nameZh"])
            let opened = try await client.execute(uri: "/api/v1/bank/flagship", method: .put, headers: keyed(a, "f1", contentType: "application/json"),
                                                  body: ByteBuffer(string: #"{"slug":"florence","nameEn":"Florence Selection","nameZh":"佛罗伦萨精选"}"#))
            #expect(opened.status == .ok, "\(opened.text)")
            // The demo workshop becomes the bank's client too: the flagship shows its products and nobody else's.
            try await store.apply([.write(SQL("UPDATE merchants SET partner_bank_id = 'bank-a' WHERE id = 'm-bottega-arno'"))])
            let page = try await client.get("/api/v1/flagships/florence").json()
            let products = ((page["products"] as? [String: Any])?["products"] as? [[String: Any]]) ?? []
            let workshop = try await CatalogService(store: store).storefronts().first { $0.merchant.id == "m-bottega-arno" }
            #expect(!products.isEmpty && products.count == workshop?.productCount)
            #expect(try await client.get("/flagships/florence", headers: [.acceptLanguage: "zh-CN"]).text.contains("佛罗伦萨精选"))
            #expect(try await client.get("/api/v1/flagships/nowhere").status == .notFound)
        }
    }

    @Test("the bank's console: signed in with its key, it lists its clients; a bad file is kept in the form with every problem named")
    func console() async throws {
        try await withTestApp(.sqlite) { client, store in
            let a = try await partner(client, store, id: "bank-a")
            let key = try #require(a[.authorization]?.dropFirst("Bearer ".count)).description
            #expect(try await client.get("/bank").headers[.location] == "/bank/signin")
            let (cookie, csrf) = try await client.signInToConsole("/bank/signin", key: key)
            let form = { (text: String) in
                "csrf=\(csrf)&key=\(Secrets.token())&csv=\(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }
            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            let refused = try await client.execute(uri: "/bank/clients", method: .post, headers: headers,
                                                   body: ByteBuffer(string: form(csv(secondIBAN: "IT61X0542811101000000123456"))))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("data-field=\"clients[1].application.payout.iban\""))
            #expect(refused.text.contains("Pelletteria Santa Croce"), "the file stays in the form")
            let done = try await client.execute(uri: "/bank/clients", method: .post, headers: headers, body: ByteBuffer(string: form(csv())))
            #expect(done.status == .ok && done.text.contains("id=\"onboarded\""))
            let page = try await client.get("/bank", headers: [.cookie: cookie]).text
            #expect(page.components(separatedBy: "data-status=\"submitted\"").count - 1 == 2)
        }
    }
}
