import Commerce
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Storage
import Testing

@Suite("Ops' risk console, as a browser uses it")
struct RiskWebTests {
    @Test("rules that do not parse are refused with the line at fault and the text kept; a dry run shows what a draft would do; a save puts it in force; every ops page has the menu")
    func rules() async throws {
        try await withTestApp(.sqlite) { client, _ in
            #expect(try await client.get("/ops/risk").status == .seeOther, "ops only")
            let (cookie, _) = try await client.signInToConsole("/ops/signin", key: opsToken)
            let page = try await client.get("/ops/risk?lang=zh-CN", headers: [.cookie: cookie])
            #expect(page.status == .ok)
            #expect(page.text.contains("data-version=\"0\""), "the shipped defaults are in force")
            for signal in RiskSignal.allCases { #expect(page.text.contains("<code>\(signal.name)</code>")) }
            let csrf = try #require(csrfField(page.text))
            func post(_ fields: [String: String]) async throws -> TestResponse {
                let body = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
                return try await client.execute(uri: "/ops/risk/rules", method: .post,
                                                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                                                body: ByteBuffer(string: "csrf=\(csrf)&\(body)"))
            }
            let broken = "# two rules\nrule a: review when cluster.identities >= 3\nrule b: review when address.owners >= 2"
            let refused = try await post(["rules": broken, "intent": "save"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("data-line=\"3\"") && refused.text.contains("address.owners"), "the line at fault, named")
            #expect(refused.text.contains("rule a: review when cluster.identities &gt;= 3\nrule b: review when address.owners &gt;= 2"), "the text as typed")
            let dry = try await post(["rules": "rule a: review when identity.orders_24h >= 1", "intent": "dry-run", "days": "7"])
            #expect(dry.status == .ok)
            #expect(dry.text.contains("class=\"dry-run\" data-orders=\"0\""))
            #expect(try await post(["rules": "rule a: review when cluster.identities >= 30", "intent": "save", "note": "test"]).status == .seeOther)
            let after = try await client.get("/ops/risk", headers: [.cookie: cookie])
            #expect(after.text.contains("data-version=\"1\""))
            for path in ["/ops/risk", "/ops/risk/cases", "/ops/declarations", "/ops/ledger"] {
                let shown = try await client.get(path, headers: [.cookie: cookie])
                #expect(shown.text.contains("<nav class=\"ops-menu\""), "\(path) has the console's menu")
                #expect(shown.text.contains("href=\"/ops/risk/cases\""))
            }
            #expect(try await client.get("/ops/risk/cases/rc-none", headers: [.cookie: cookie]).status == .notFound)
        }
    }
}
