import Commerce
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Storage
import Testing

@Suite("Ops' words for search, as a browser uses them")
struct SearchSynonymWebTests {
    static func products(_ client: any TestClientProtocol, _ q: String) async throws -> [String] {
        let answer = try await client.get("/api/v1/products?q=\(q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? q)").json()
        return (answer["products"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test("ops add a group and the shop's search finds by it at once; a word another group has is refused beside its field; a group removed no longer finds")
    func edit() async throws {
        try await withTestApp(.sqlite) { client, _ in
            #expect(try await client.get("/ops/search").status == .seeOther, "ops only")
            let (cookie, _) = try await client.signInToConsole("/ops/signin", key: opsToken)
            let page = try await client.get("/ops/search?try=%E5%9D%9A%E6%9E%9C&lang=zh-CN", headers: [.cookie: cookie])
            #expect(page.status == .ok)
            #expect(page.text.components(separatedBy: "class=\"stacked synonym-group\"").count - 1 == DemoSynonyms.groups.count + 1)
            #expect(page.text.contains("<ol class=\"clauses\">") && page.text.contains("<code>nuts</code>"), "the try box shows what 坚果 looks for")
            let csrf = try #require(csrfField(page.text))
            func post(_ uri: String, _ fields: String) async throws -> TestResponse {
                try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                                         body: ByteBuffer(string: "csrf=\(csrf)&\(fields)"))
            }
            #expect(try await Self.products(client, "craisins").isEmpty)
            let saved = try await post("/ops/search/groups", "id=cranberry&terms=cranberry%2C+craisins%0A%E8%94%93%E8%B6%8A%E8%8E%93&includes=")
            #expect(saved.status == .seeOther)
            #expect(try await Self.products(client, "craisins") == ["pp-cranberries"])
            let clash = try await post("/ops/search/groups", "id=berries&terms=craisins&includes=")
            #expect(clash.status == .unprocessableContent)
            #expect(clash.text.contains("data-field=\"terms\"") && clash.text.contains("value=\"berries\""), "the refusal beside the form, as typed")
            #expect(try await post("/ops/search/groups/cranberry/delete", "").status == .seeOther)
            #expect(try await Self.products(client, "craisins").isEmpty)
            let forged = try await client.execute(uri: "/ops/search/groups", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                  body: ByteBuffer(string: "id=x&terms=y"))
            #expect(forged.status == .forbidden)
        }
    }
}
