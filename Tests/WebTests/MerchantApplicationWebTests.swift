import Commerce
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Services
import Storage
import TestSupport
import Testing
@testable import Web

/// An overseas business applying, by API and on the public page: drafts saved and resumed,
/// each refusal naming its field in the reader's language, nothing half-written, nobody's
/// name or account kept in clear.
@Suite("Merchant applications over HTTP")
struct MerchantApplicationWebTests {
    let shop = ShoppingWebTests()

    /// A draft with what a business knows first: its name, country and registration number.
    static let start = #"{"legalName":"Bottega Verdi S.r.l.","country":"IT","registrationNumber":"00743110157","representative":{"name":"Giulia Verdi","email":"giulia@example.it"}}"#

    /// The rest of it: the representative, an owner, the payout account (the IBAN registry's
    /// example for Italy), brands and categories.
    static func complete(revision: Int64?) -> String {
        let revision = revision.map { "\"revision\":\($0)," } ?? ""
        return #"{\#(revision)"application":{"legalName":"Bottega Verdi S.r.l.","country":"IT","registrationNumber":"00743110157","vatNumber":"IT00743110157","address":{"line1":"Via Roma 1","city":"Firenze","postalCode":"50123"},"representative":{"name":"Giulia Verdi","role":"Owner","email":"giulia@example.it"},"owners":[{"name":"Giulia Verdi","sharePercent":100,"nationality":"IT"}],"payout":{"holderName":"Bottega Verdi S.r.l.","currency":"EUR","iban":"IT60X0542811101000000123456"},"brands":["Bottega Verdi"],"categories":["food"]}}"#
    }

    func started(_ client: any TestClientProtocol) async throws -> (id: String, key: String) {
        let response = try await shop.json(client, .post, "/api/v1/merchant-applications", Self.start, key: "start-1")
        #expect(response.status == .created, "\(response.text)")
        let body = try response.json()
        return (try #require(body["id"] as? String), try #require(body["resumeKey"] as? String))
    }

    func revision(_ client: any TestClientProtocol, _ id: String, key: String) async throws -> Int64? {
        let response = try await shop.json(client, .get, "/api/v1/merchant-applications/\(id)", nil, token: key)
        return (try response.json()["revision"] as? NSNumber)?.int64Value
    }

    @Test("start a draft, resume it with its key, save it whole, submit it; a replay answers the same key", arguments: StoreKind.allCases)
    func journey(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, _ in
            let (id, key) = try await started(client)
            let replay = try await shop.json(client, .post, "/api/v1/merchant-applications", Self.start, key: "start-1")
            #expect(replay.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try replay.json()["resumeKey"] as? String == key)
            #expect(try replay.json()["id"] as? String == id)

            let read = try await shop.json(client, .get, "/api/v1/merchant-applications/\(id)", nil, token: key)
            #expect(read.status == .ok)
            let document = try read.json()
            #expect((document["application"] as? [String: Any])?["legalName"] as? String == "Bottega Verdi S.r.l.")
            let due = document["currentlyDue"] as? [String] ?? []
            #expect(due.contains("payout.iban") && due.contains("brands") && !due.contains("legalName"), "\(due)")

            let early = try await shop.json(client, .post, "/api/v1/merchant-applications/\(id)/submit", nil, token: key, key: "submit-early")
            #expect(early.status == .unprocessableContent)
            let fields = (try early.json()["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(fields.contains("payout.iban") && fields.contains("address.line1"), "\(fields)")

            let saved = try await shop.json(client, .put, "/api/v1/merchant-applications/\(id)", Self.complete(revision: 1), token: key, key: "save-1")
            #expect(saved.status == .ok, "\(saved.text)")
            #expect(try saved.json()["currentlyDue"] as? [String] == [])
            #expect(try saved.json()["resumeKey"] == nil, "only the start answers with the key")

            let stale = try await shop.json(client, .put, "/api/v1/merchant-applications/\(id)", Self.complete(revision: 1), token: key, key: "save-2")
            #expect(stale.status == .conflict)
            #expect(try stale.json()["field"] as? String == "revision")

            let submitted = try await shop.json(client, .post, "/api/v1/merchant-applications/\(id)/submit", #"{"revision":2}"#, token: key, key: "submit-1")
            #expect(submitted.status == .ok, "\(submitted.text)")
            #expect(try submitted.json()["status"] as? String == "submitted")
            let after = try await shop.json(client, .put, "/api/v1/merchant-applications/\(id)", Self.complete(revision: nil), token: key, key: "save-3")
            #expect(after.status == .conflict, "a submitted application is not edited by the applicant")
        }
    }

    @Test("a wrong identifier is refused naming its field, in the reader's language, and nothing is saved", arguments: StoreKind.allCases)
    func refusals(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, _ in
            let (id, key) = try await started(client)
            let typo = Self.complete(revision: nil).replacingOccurrences(of: "IT60X0542811101000000123456", with: "IT60X0542811101000000123457")
                .replacingOccurrences(of: "\"sharePercent\":100", with: "\"sharePercent\":20")
            var headers: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(key)", .idempotencyKey: "bad-1",
                                       .acceptLanguage: "zh-CN"]
            let refused = try await client.execute(uri: "/api/v1/merchant-applications/\(id)", method: .put, headers: headers,
                                                   body: ByteBuffer(string: typo))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.headers[.contentType] == "application/problem+json")
            let errors = try refused.json()["errors"] as? [[String: Any]] ?? []
            let byField = Dictionary(errors.map { ($0["field"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
            #expect(byField["payout.iban"]?["code"] as? String == "iban")
            #expect(byField["owners[0].sharePercent"]?["code"] as? String == "owner-share")
            #expect((byField["payout.iban"]?["detail"] as? String)?.contains("校验码") == true, "said in Chinese")
            #expect(try await revision(client, id, key: key) == 1, "nothing was saved")

            headers[.acceptLanguage] = "en"
            headers[.idempotencyKey] = "bad-2"
            let lei = #"{"application":{"lei":"506700GE1G29325QX364","dunsNumber":"12345678"}}"#
            let second = try await client.execute(uri: "/api/v1/merchant-applications/\(id)", method: .put, headers: headers,
                                                  body: ByteBuffer(string: lei))
            let codes = (try second.json()["errors"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(codes == ["duns-number.shape", "lei.check-digit"])

            let mainland = try await shop.json(client, .post, "/api/v1/merchant-applications", #"{"country":"CN"}"#, key: "cn-1")
            #expect(mainland.status == .unprocessableContent)
            #expect(try mainland.json()["field"] as? String == "country")
        }
    }

    @Test("only the key opens an application; the database holds no name, address or account in clear", arguments: StoreKind.allCases)
    func keysAndSealing(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, store in
            let (id, key) = try await started(client)
            _ = try await shop.json(client, .put, "/api/v1/merchant-applications/\(id)", Self.complete(revision: nil), token: key, key: "save-1")
            let (otherID, otherKey) = try await {
                let response = try await shop.json(client, .post, "/api/v1/merchant-applications", #"{"legalName":"Other Ltd"}"#, key: "start-2")
                let body = try response.json()
                return (try #require(body["id"] as? String), try #require(body["resumeKey"] as? String))
            }()
            #expect(try await shop.json(client, .get, "/api/v1/merchant-applications/\(id)", nil, token: otherKey).status == .notFound)
            #expect(try await shop.json(client, .get, "/api/v1/merchant-applications/\(otherID)", nil, token: key).status == .notFound)
            #expect(try await shop.json(client, .get, "/api/v1/merchant-applications/\(id)", nil).status == .unauthorized)

            for table in ["merchant_applications", "idempotency_keys"] {
                for row in try await store.read(SQL("SELECT * FROM \(table)")) {
                    let text = row.values.map { value -> String in
                        switch value {
                        case .text(let text): return text
                        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
                        default: return ""
                        }
                    }.joined(separator: " ")
                    for secret in ["Giulia Verdi", "IT60X0542811101000000123456", "Via Roma", "giulia@example.it", key] {
                        #expect(!text.contains(secret), "\(table) holds \(secret) in clear")
                    }
                }
            }
        }
    }

    @Test("the public page keeps what was typed, marks each field in Chinese, saves, resumes from the cookie and submits", arguments: [StoreKind.sqlite])
    func page(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, _ in
            let form = try await client.get("/merchants/apply?lang=zh-CN")
            #expect(form.status == .ok)
            #expect(form.text.contains(ApplicationWords.title.zh))
            let csrfCookie = "csrf=" + (cookieValue(form.headers[.setCookie], "csrf") ?? "")
            let csrf = try #require(csrfField(form.text))
            func post(_ fields: [(String, String)], cookie: String) async throws -> TestResponse {
                let body = ([("csrf", csrf)] + fields).map { "\($0.0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
                return try await client.execute(uri: "/merchants/apply", method: .post,
                                                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie + "; lang=zh-CN"],
                                                body: ByteBuffer(string: body))
            }
            let wrong = try await post([("legalName", "Bottega <Verdi>"), ("country", "it"), ("registrationNumber", "00743110158"), ("action", "save")],
                                       cookie: csrfCookie)
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains(ApplicationWords.identifier(IdentifierProblem(.partitaIVA, .checkDigit)).zh))
            #expect(wrong.text.contains("value=\"Bottega &lt;Verdi&gt;\""), "what was typed is kept, escaped")
            #expect(wrong.text.contains("aria-invalid=\"true\" aria-describedby=\"f-registrationNumber-error\""))

            let saved = try await post([("legalName", "Bottega Verdi"), ("country", "it"), ("registrationNumber", "00743110157"), ("action", "save")],
                                       cookie: csrfCookie)
            #expect(saved.status == .ok)
            #expect(saved.text.contains(ApplicationWords.saved.zh))
            let application = try #require(cookieValue(saved.headers[.setCookie], ApplicationRoutes<BasicRequestContext>.cookieName))
            let cookie = csrfCookie + "; application=\(application)"
            let resumed = try await client.execute(uri: "/merchants/apply", method: .get, headers: [.cookie: cookie])
            #expect(resumed.text.contains("value=\"Bottega Verdi\""))
            #expect(resumed.text.contains("value=\"IT\""), "the country as the rule keeps it")

            let all: [(String, String)] = [
                ("revision", "1"), ("legalName", "Bottega Verdi"), ("country", "IT"), ("registrationNumber", "00743110157"),
                ("address.line1", "Via Roma 1"), ("address.city", "Firenze"), ("representative.name", "Giulia Verdi"),
                ("representative.email", "giulia@example.it"), ("ownersComplete", "on"), ("payout.holderName", "Bottega Verdi"),
                ("payout.currency", "eur"), ("payout.iban", "IT60 X054 2811 1010 0000 0123 456"), ("brands", "Bottega Verdi\nVerdi"),
                ("categories", "food"), ("action", "submit"),
            ]
            let submitted = try await post(all, cookie: cookie)
            #expect(submitted.status == .ok, "\(submitted.text)")
            #expect(submitted.text.contains("data-status=\"submitted\""))
            #expect(submitted.text.contains(ApplicationWords.submittedNotice.zh))
        }
    }

    @Test("submitted, checked, reviewed by ops on its file, approved: the applicant sees its capabilities and the new store is open", arguments: StoreKind.allCases)
    func review(kind: StoreKind) async throws {
        let configuration = testConfiguration()
        try await withTestApp(kind, configuration: configuration) { client, store in
            let (id, key) = try await started(client)
            _ = try await shop.json(client, .put, "/api/v1/merchant-applications/\(id)", Self.complete(revision: nil), token: key, key: "save-1")
            let submitted = try await shop.json(client, .post, "/api/v1/merchant-applications/\(id)/submit", nil, token: key, key: "submit-1")
            #expect(submitted.status == .ok, "\(submitted.text)")

            let waiting = try await shop.json(client, .get, "/api/v1/merchant-applications/\(id)", nil, token: key).json()
            let codes = (waiting["requirements"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(codes == ["business.registry", "payout.bank-account", "screening.sanctions", "review.ops"], "\(codes)")
            #expect((waiting["capabilities"] as? [String: Bool]) == ["sell": false, "payouts": false])

            let early = try await shop.json(client, .post, "/api/v1/ops/merchant-applications/\(id)/decisions",
                                            #"{"decision":"approve","reviewer":"Li Na"}"#, token: opsToken, key: "d-0")
            #expect(early.status == .conflict, "the checks have not answered")

            let applications = MerchantApplicationService(store: store, cipher: configuration.cipher)
            let verification = VerificationService(store: store, applications: applications, registry: SandboxRegistry(delay: .zero),
                                                   bank: SandboxBankAccounts(delay: .zero), sanctions: try SanctionsList(sdnCSV: SanctionsSample.sdnCSV))
            #expect(try await verification.run(at: Date()) == 3)

            let queue = try await shop.json(client, .get, "/api/v1/ops/merchant-applications?status=submitted", nil, token: opsToken)
            #expect(((try queue.json()["applications"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String } == [id])
            #expect(try await shop.json(client, .get, "/api/v1/ops/merchant-applications?status=lost", nil, token: opsToken).status == .unprocessableContent)
            #expect(try await shop.json(client, .get, "/api/v1/ops/merchant-applications", nil, token: key).status == .unauthorized)

            let page = try await client.get("/ops/applications/\(id)?lang=zh-CN", headers: [.authorization: "Bearer \(opsToken)"])
            #expect(page.status == .ok)
            #expect(page.text.contains("data-check=\"registry\"") && page.text.contains("Bottega Verdi S.r.l."))
            #expect(page.text.contains(ApplicationReviewPages.registerSays.zh))

            let approved = try await shop.json(client, .post, "/api/v1/ops/merchant-applications/\(id)/decisions",
                                               #"{"decision":"approve","reviewer":"Li Na"}"#, token: opsToken, key: "d-1")
            #expect(approved.status == .ok, "\(approved.text)")
            let after = try await shop.json(client, .get, "/api/v1/merchant-applications/\(id)", nil, token: key).json()
            #expect(after["status"] as? String == "approved")
            #expect((after["capabilities"] as? [String: Bool]) == ["sell": true, "payouts": true])
            let merchant = try #require(after["merchantId"] as? String)
            let slug = String(merchant.dropFirst(2))
            #expect(try await client.get("/stores/\(slug)").status == .ok, "the new store is open")
            let decisions = (try approved.json()["decisions"] as? [[String: Any]] ?? []).compactMap { $0["reviewer"] as? String }
            #expect(decisions == ["Li Na"])

            // The approved applicant, on its page, is issued a merchant key that opens the portal's API.
            let applicantPage = try await client.get("/merchants/apply")
            let csrfCookie = "csrf=" + (cookieValue(applicantPage.headers[.setCookie], "csrf") ?? "")
            let csrf = try #require(csrfField(applicantPage.text))
            let cookie = "\(csrfCookie); application=\(id).\(key)"
            let issued = try await client.execute(uri: "/merchants/apply/key", method: .post,
                                                  headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                                                  body: ByteBuffer(string: "csrf=\(csrf.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"))
            #expect(issued.status == .ok)
            let merchantKey = try #require(issued.text.firstMatch(of: /class="merchant-key">(mk_[A-Za-z0-9_-]+)</).map { String($0.output.1) })
            let keysList = try await shop.json(client, .get, "/api/v1/merchant/keys", nil, token: merchantKey)
            #expect(keysList.status == .ok, "the key opens the merchant's own API")
            let refused = try await client.execute(uri: "/merchants/apply/key", method: .post,
                                                   headers: [.contentType: "application/x-www-form-urlencoded", .cookie: csrfCookie],
                                                   body: ByteBuffer(string: "csrf=\(csrf.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"))
            #expect(refused.status == .notFound, "no approved application, no key")
        }
    }

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
                               0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89]
        + Array("a proof of address for Bottega Verdi".utf8) + [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]

    @Test("documents: uploaded as their bytes, refused when not what they claim, sealed at rest, opened and reviewed by ops", arguments: StoreKind.allCases)
    func documents(kind: StoreKind) async throws {
        try await withTestApp(kind) { client, store in
            let (id, key) = try await started(client)
            func upload(_ bytes: [UInt8], as type: String, kind: String = "proof-of-address", idempotency: String) async throws -> TestResponse {
                try await client.execute(uri: "/api/v1/merchant-applications/\(id)/documents?kind=\(kind)", method: .post,
                                         headers: [.contentType: type, .authorization: "Bearer \(key)", .idempotencyKey: idempotency],
                                         body: ByteBuffer(bytes: bytes))
            }
            let uploaded = try await upload(Self.png, as: "image/png", idempotency: "doc-1")
            #expect(uploaded.status == .created, "\(uploaded.text)")
            let document = try #require(try uploaded.json()["id"] as? String)
            #expect(try uploaded.json()["sha256"] as? String == Secrets.digest(Self.png))
            #expect(try await upload(Self.png, as: "image/png", idempotency: "doc-1").headers[HTTPField.Name("Idempotent-Replayed")!] == "true")

            let lying = try await upload(Self.png, as: "application/pdf", idempotency: "doc-2")
            #expect(lying.status == .unprocessableContent)
            #expect(try lying.json()["field"] as? String == "Content-Type")
            #expect(try await upload(Self.png, as: "image/png", kind: "selfie", idempotency: "doc-3").status == .unprocessableContent)
            let large = try await upload(Array("%PDF-".utf8) + [UInt8](repeating: 0x20, count: DocumentRules.maxBytes), as: "application/pdf",
                                         idempotency: "doc-4")
            #expect(large.status == .contentTooLarge)
            let listed = try await shop.json(client, .get, "/api/v1/merchant-applications/\(id)/documents", nil, token: key)
            #expect((try listed.json()["documents"] as? [[String: Any]])?.count == 1, "nothing half-written by the refusals")

            for row in try await store.read(SQL("SELECT sealed FROM application_documents")) {
                guard case .blob(let sealed) = row["sealed"] else { Issue.record("no sealed bytes"); continue }
                #expect(!String(decoding: sealed, as: UTF8.self).contains("proof of address for Bottega"), "sealed at rest")
            }

            let opened = try await client.execute(uri: "/api/v1/ops/merchant-applications/\(id)/documents/\(document)", method: .get,
                                                  headers: [.authorization: "Bearer \(opsToken)"])
            #expect(opened.status == .ok && opened.headers[.contentType] == "image/png")
            #expect(Array(buffer: opened.body) == Self.png)
            #expect(opened.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            #expect(try await client.execute(uri: "/api/v1/ops/merchant-applications/\(id)/documents/\(document)", method: .get,
                                             headers: [.authorization: "Bearer \(key)"]).status == .unauthorized)

            let bare = try await shop.json(client, .post, "/api/v1/ops/merchant-applications/\(id)/documents/\(document)/review",
                                           #"{"review":"rejected","reviewer":"Li Na"}"#, token: opsToken, key: "r-1")
            #expect(bare.status == .unprocessableContent)
            #expect(try bare.json()["field"] as? String == "note")
            let rejected = try await shop.json(client, .post, "/api/v1/ops/merchant-applications/\(id)/documents/\(document)/review",
                                               #"{"review":"rejected","reviewer":"Li Na","note":"Older than three months"}"#, token: opsToken, key: "r-2")
            #expect(rejected.status == .ok, "\(rejected.text)")
            let seen = try await shop.json(client, .get, "/api/v1/merchant-applications/\(id)/documents", nil, token: key).json()
            let first = (seen["documents"] as? [[String: Any]])?.first
            #expect(first?["review"] as? String == "rejected" && first?["note"] as? String == "Older than three months")
        }
    }

    @Test("every identifier and field the rules name has words in both languages")
    func words() {
        for identifier in IdentifierProblem.Identifier.allCases {
            #expect(ApplicationWords.identifierNames[identifier].map { !$0.en.isEmpty && !$0.zh.isEmpty } == true, "\(identifier)")
            #expect(ApplicationWords.expectations[identifier].map { !$0.en.isEmpty && !$0.zh.isEmpty } == true, "\(identifier)")
        }
        let everything = MerchantApplication(owners: [.init(), .init()], payout: .init(holderName: "x"))
        for problem in ApplicationRules.submissionProblems(everything) {
            #expect(ApplicationWords.fields[problem.field.replacing(/\[\d+\]/, with: "")] != nil, "\(problem.field) has no label")
        }
        for field in ApplicationWords.fields.keys where field != "owners" {
            let name = field.hasPrefix("owners.") ? field.replacingOccurrences(of: "owners.", with: "owners[0].") : field
            #expect(ApplicationForm.values(of: ApplicationForm.application(from: [name: "1"])).keys.contains(name) || field == "ownersComplete",
                    "the form carries \(name)")
        }
    }
}
