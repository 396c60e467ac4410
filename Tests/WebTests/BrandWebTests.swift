import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Services
import Storage
import TestSupport
import Testing

@Suite("Brand protection over HTTP")
struct BrandWebTests {
    let ops: HTTPFields = [.authorization: "Bearer \(opsToken)"]

    func merchant(_ store: any Store, _ id: String) async throws -> String {
        try await MerchantKeyService(store: store).issue(merchantID: id, label: "test", at: Date())
    }

    func headers(_ base: HTTPFields, key: String) -> HTTPFields {
        var all = base
        all[.idempotencyKey] = key
        return all
    }

    let letter = #"{"brand":"Maple Grove","kind":"owner-letter","owner":"Maple Grove Farms Ltd","classes":[30],"validFrom":"2026-01-01","validUntil":"2027-12-31"}"#
    let syrup = #"{"id":"pp-syrup","nameEn":"Maple syrup","nameZh":"枫糖浆","descriptionEn":"Grade A","descriptionZh":"A级","category":"food","brand":"Maple Grove","hsCode":"170220","originCountry":"CA","shipsToChina":true,"skus":[{"id":"pp-syrup-1","variantEn":"1 l","variantZh":"1升","price":"12.50","weightGrams":1400,"stock":8}]}"#

    @Test("a merchant files an authorisation, ops accept it, and the branded product can then be published")
    func filing() async throws {
        try await withTestApp(.sqlite) { client, store in
            let key = try await merchant(store, "m-pacific-pantry")
            let auth: HTTPFields = [.authorization: "Bearer \(key)"]
            let refused = try await client.post("/api/v1/merchant/products", json: syrup, headers: headers(auth, key: "p1"))
            #expect(refused.status == .unprocessableContent)
            #expect(try refused.json()["field"] as? String == "brand")
            var zh = headers(auth, key: "b0")
            zh[.acceptLanguage] = "zh-CN"
            let bad = try await client.post("/api/v1/merchant/brand-authorisations",
                                            json: #"{"brand":"Maple Grove","kind":"trademark","classes":[0],"validFrom":"2026-13-01"}"#, headers: zh)
            #expect(bad.status == .unprocessableContent)
            let errors = try bad.json()["errors"] as? [[String: Any]] ?? []
            let codes = Dictionary(errors.compactMap { e in (e["field"] as? String).map { ($0, e["code"] as? String ?? "") } }, uniquingKeysWith: { a, _ in a })
            #expect(codes["owner"] == "required" && codes["office"] == "required" && codes["classes[0]"] == "nice-class" && codes["validFrom"] == "day")
            #expect(errors.contains { ($0["detail"] as? String ?? "").contains("尼斯分类") })
            let filed = try await client.post("/api/v1/merchant/brand-authorisations", json: letter, headers: headers(auth, key: "b1"))
            #expect(filed.status == .created, "\(filed.text)")
            let id = try #require(try filed.json()["id"] as? String)
            #expect(try filed.json()["status"] as? String == "pending")
            // Another merchant sees nothing of it; ops see it in the queue.
            let other = try await merchant(store, "m-seoul-dew")
            let theirs = try await client.get("/api/v1/merchant/brand-authorisations", headers: [.authorization: "Bearer \(other)"]).json()
            #expect(!((theirs["authorisations"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == id })
            let queue = try await client.get("/api/v1/ops/brand-authorisations?status=pending", headers: ops).json()
            #expect(((queue["authorisations"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == id })
            #expect(try await client.get("/api/v1/ops/brand-authorisations").status == .unauthorized)
            let noName = try await client.post("/api/v1/ops/brand-authorisations/\(id)/review", json: #"{"review":"accepted","reviewer":" "}"#,
                                               headers: headers(ops, key: "r0"))
            #expect(noName.status == .unprocessableContent)
            #expect(try noName.json()["field"] as? String == "reviewer")
            let accepted = try await client.post("/api/v1/ops/brand-authorisations/\(id)/review",
                                                 json: #"{"review":"accepted","reviewer":"Li Na"}"#, headers: headers(ops, key: "r1"))
            #expect(accepted.status == .ok)
            let again = try await client.post("/api/v1/ops/brand-authorisations/\(id)/review",
                                              json: #"{"review":"rejected","reviewer":"Li Na","note":"no"}"#, headers: headers(ops, key: "r2"))
            #expect(again.status == .conflict)
            let published = try await client.post("/api/v1/merchant/products", json: syrup, headers: headers(auth, key: "p2"))
            #expect(published.status == .created, "\(published.text)")
        }
    }

    @Test("a brand owner reports a counterfeit; ops take it down and it leaves the shop, clear it and it is back")
    func counterfeit() async throws {
        try await withTestApp(.sqlite) { client, store in
            let incomplete = try await client.post("/api/v1/counterfeit-reports", json: #"{"productId":"hv-runner","reason":"fake sole"}"#,
                                                   headers: [.idempotencyKey: "c0"])
            #expect(incomplete.status == .unprocessableContent)
            let fields = Set(((try incomplete.json()["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["reporterName", "email"])
            let missing = try await client.post("/api/v1/counterfeit-reports",
                                                json: #"{"productId":"nope","reason":"x","reporterName":"Fulton Athletic Inc.","email":"bp@fulton.example"}"#,
                                                headers: [.idempotencyKey: "c1"])
            #expect(missing.status == .notFound)
            let report = #"{"productId":"hv-runner","reason":"The lot number is not ours","reporterName":"Fulton Athletic Inc.","email":"bp@fulton.example"}"#
            let made = try await client.post("/api/v1/counterfeit-reports", json: report, headers: [.idempotencyKey: "c2"])
            #expect(made.status == .created)
            let caseID = try #require(try made.json()["caseId"] as? String)
            let replay = try await client.post("/api/v1/counterfeit-reports", json: report, headers: [.idempotencyKey: "c2"])
            #expect(try replay.json()["caseId"] as? String == caseID)
            let file = try await client.get("/api/v1/ops/counterfeit-cases/\(caseID)", headers: ops).json()
            #expect((file["reports"] as? [[String: Any]])?.count == 1)
            #expect(((file["case"] as? [String: Any])?["status"] as? String) == "open")
            let down = try await client.post("/api/v1/ops/counterfeit-cases/\(caseID)/actions",
                                             json: #"{"action":"take-down","reviewer":"Li Na","note":"lot number checked"}"#, headers: headers(ops, key: "a1"))
            #expect(down.status == .ok)
            #expect(try await client.get("/api/v1/products/hv-runner").status == .notFound)
            #expect(try await client.get("/products/hv-runner").status == .notFound)
            // The merchant still sees its product, and why it is off sale.
            let seller: HTTPFields = [.authorization: "Bearer \(try await merchant(store, "m-hudson-vine"))"]
            #expect(try await client.get("/api/v1/merchant/products/hv-runner", headers: seller).json()["withdrawn"] as? String == "counterfeit")
            #expect(try await client.get("/api/v1/merchant/products/hv-oxford", headers: seller).json()["withdrawn"] == nil)
            let twice = try await client.post("/api/v1/ops/counterfeit-cases/\(caseID)/actions",
                                              json: #"{"action":"take-down","reviewer":"Li Na"}"#, headers: headers(ops, key: "a2"))
            #expect(twice.status == .conflict)
            #expect(try twice.json()["field"] as? String == "action")
            let unknown = try await client.post("/api/v1/ops/counterfeit-cases/\(caseID)/actions",
                                                json: #"{"action":"burn","reviewer":"Li Na"}"#, headers: headers(ops, key: "a3"))
            #expect(unknown.status == .unprocessableContent)
            let cleared = try await client.post("/api/v1/ops/counterfeit-cases/\(caseID)/actions",
                                                json: #"{"action":"clear","reviewer":"Li Na"}"#, headers: headers(ops, key: "a4"))
            #expect(cleared.status == .ok)
            #expect(try await client.get("/api/v1/products/hv-runner").status == .ok)
            let list = try await client.get("/api/v1/ops/counterfeit-cases?status=cleared", headers: ops).json()
            #expect(((list["cases"] as? [[String: Any]]) ?? []).map { $0["id"] as? String } == [caseID])
        }
    }

    @Test("the report page keeps what was typed and names the field at fault, in the page's language; ops see the case")
    func pages() async throws {
        try await withTestApp(.sqlite) { client, _ in
            let form = try await client.get("/products/hv-runner/report", headers: [.acceptLanguage: "zh-CN"])
            #expect(form.status == .ok && form.text.contains("举报假冒商品"))
            let csrf = csrfField(form.text) ?? ""
            let cookie = "csrf=" + (cookieValue(form.headers[.setCookie], "csrf") ?? "")
            let posted: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: cookie, .acceptLanguage: "zh-CN"]
            let refused = try await client.execute(uri: "/products/hv-runner/report", method: .post, headers: posted,
                                                   body: ByteBuffer(string: "csrf=\(csrf)&reason=Sole%20has%20no%20logo&reporterName=&email=bp%40fulton.example"))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Sole has no logo") && refused.text.contains("reporterName-error") && refused.text.contains("必须填写"))
            let sent = try await client.execute(uri: "/products/hv-runner/report", method: .post, headers: posted,
                                                body: ByteBuffer(string: "csrf=\(csrf)&reason=Sole%20has%20no%20logo&reporterName=Fulton&email=bp%40fulton.example"))
            #expect(sent.status == .ok && sent.text.contains("role=\"status\""))
            let (opsCookie, _) = try await client.signInToConsole("/ops/signin", key: opsToken)
            let cases = try await client.get("/ops/counterfeits?status=open", headers: [.cookie: opsCookie])
            #expect(cases.status == .ok && cases.text.contains("data-case-id"))
            let caseID = try #require(cases.text.firstMatch(of: /data-case-id="([^"]+)"/).map { String($0.output.1) })
            let file = try await client.get("/ops/counterfeits/\(caseID)", headers: [.cookie: opsCookie])
            #expect(file.text.contains("Sole has no logo") && file.text.contains("value=\"take-down\""))
            // The brand owner's address shows to ops on the case, nowhere public.
            #expect(file.text.contains("bp@fulton.example"))
            #expect(!(try await client.get("/products/hv-runner").text.contains("fulton.example")))
            let brands = try await client.get("/ops/brands?status=pending", headers: [.cookie: opsCookie])
            #expect(brands.status == .ok && brands.text.contains("Seoul Dew") && brands.text.contains("value=\"accepted\""))
        }
    }

    @Test("a merchant files from its portal: a refused filing keeps what was typed and names each field in the page's language")
    func portal() async throws {
        try await withTestApp(.sqlite) { client, store in
            let key = try await merchant(store, "m-pacific-pantry")
            let (cookie, _) = try await client.signInToConsole("/merchant/signin", key: key)
            let page = try await client.get("/merchant/brands", headers: [.cookie: cookie, .acceptLanguage: "zh-CN"])
            let csrf = csrfField(page.text) ?? ""
            #expect(page.status == .ok && page.text.contains("Pacific Pantry") && page.text.contains("我的品牌授权"))
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: cookie, .acceptLanguage: "zh-CN"]
            let bad = "csrf=\(csrf)&brand=Maple%20Grove&kind=trademark&owner=Maple%20Grove%20Farms&office=&registrationNumber=&classes=30%2C%20x&validFrom=2026-01-01&validUntil=2027-12-31"
            let refused = try await client.execute(uri: "/merchant/brands", method: .post, headers: form, body: ByteBuffer(string: bad))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("value=\"Maple Grove Farms\"") && refused.text.contains("office-error") && refused.text.contains("classes-error"))
            #expect(refused.text.contains("尼斯分类类别为 1 至 45 的数字"))
            let good = bad.replacingOccurrences(of: "office=&registrationNumber=", with: "office=CA&registrationNumber=TMA123456")
                .replacingOccurrences(of: "classes=30%2C%20x", with: "classes=30")
            let filed = try await client.execute(uri: "/merchant/brands", method: .post, headers: form, body: ByteBuffer(string: good))
            #expect(filed.status == .seeOther)
            let listed = try await client.get("/merchant/brands", headers: [.cookie: cookie])
            #expect(listed.text.contains("Maple Grove") && listed.text.contains("data-status=\"pending\""))
            // Another merchant's filings are not on the page.
            #expect(!listed.text.contains("Fulton Athletic"))
        }
    }
}
