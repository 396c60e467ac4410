import Commerce
import Foundation
import HTTPTypes
import Hummingbird
import Money
import HummingbirdTesting
import NIOCore
import Services
import Storage
import TestSupport
import Testing
import Web

@Suite("The messages page and a forgotten password, as a browser uses them")
struct NoticeWebTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Signs up through the API; returns the consumer's id and a browser session cookie.
    static func buyer(_ client: any TestClientProtocol, email: String) async throws -> (id: String, cookie: String) {
        let body = #"{"email":"\#(email)","password":"a long passphrase"}"#
        _ = try await client.execute(uri: "/api/v1/consumers", method: .post,
                                     headers: [.contentType: "application/json", .idempotencyKey: "u-\(email)"], body: ByteBuffer(string: body))
        let session = try await client.post("/api/v1/sessions", json: body, headers: [:]).json()
        let token = try #require(session["token"] as? String)
        let id = try #require((session["consumer"] as? [String: Any])?["id"] as? String)
        return (id, "session=\(token)")
    }

    /// A form post as the page's browser makes it: the CSRF cookie and field of `page`.
    static func post(_ client: any TestClientProtocol, _ uri: String, from page: String, cookie: String = "", fields: String) async throws
        -> TestResponse {
        let shown = try await client.get(page, headers: cookie.isEmpty ? [:] : [.cookie: cookie])
        let csrf = try #require(cookieValue(shown.headers[.setCookie], "csrf"))
        let token = try #require(csrfField(shown.text))
        var headers = form
        headers[.cookie] = ([cookie, "csrf=\(csrf)"].filter { !$0.isEmpty }).joined(separator: "; ")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(token)&\(fields)"))
    }

    @Test("an order's notice shows on the messages page in either language, counted in the header until it is read",
          arguments: [Language.zhCN, .en])
    func messages(language: Language) async throws {
        try await withTestApp(.sqlite) { client, store in
            let buyer = try await Self.buyer(client, email: "notice-\(language.rawValue)@example.cn")
            let order = "o-test-\(language.rawValue)"
            try await store.apply([.write(SQL(
                """
                INSERT INTO notices (id, consumer_id, kind, order_id, detail, shown, created_at, mail_after)
                VALUES (?, ?, 'held-at-hub', ?, 'declared 900 g, weighed 1500 g', 1, ?, ?)
                """, bind: NoticeKind.id(orderID: order, kind: .heldAtHub), buyer.id, order, Date().millisecondsSince1970, Date().millisecondsSince1970))])
            let home = try await client.get("/?lang=\(language.rawValue)", headers: [.cookie: buyer.cookie])
            #expect(home.text.contains("id=\"nav-messages\""))
            #expect(home.text.contains("class=\"cart-count unread-count\" data-count=\"1\""))
            let bearer = "Bearer " + buyer.cookie.dropFirst("session=".count)
            let listed = try await client.get("/api/v1/me/notices?lang=\(language.rawValue)", headers: [.authorization: bearer]).json()
            let first = try #require((listed["notices"] as? [[String: Any]])?.first)
            #expect(first["headline"] as? String == NoticeWords.headline(.heldAtHub, order: order)(language) && first["read"] as? Bool == false)
            #expect(listed["unread"] as? Int == 1, "the API reads, it marks nothing read")
            let page = try await client.get("/account/messages?lang=\(language.rawValue)", headers: [.cookie: buyer.cookie])
            #expect(page.status == .ok)
            #expect(page.text.contains(escapeHTML(NoticeWords.headline(.heldAtHub, order: order)(language))))
            #expect(page.text.contains("declared 900 g, weighed 1500 g"))
            #expect(page.text.contains("href=\"/orders/\(order)\""))
            let after = try await client.get("/?lang=\(language.rawValue)", headers: [.cookie: buyer.cookie])
            #expect(after.text.contains("id=\"nav-messages\"") && !after.text.contains("unread-count"), "read once shown")
            #expect(try await client.get("/api/v1/me/notices", headers: [.authorization: bearer]).json()["unread"] as? Int == 0)
            #expect(try await client.get("/api/v1/me/notices").status == .unauthorized)
            let stranger = try await Self.buyer(client, email: "stranger-\(language.rawValue)@example.cn")
            let secondID = NoticeKind.id(orderID: order, kind: .refunded)
            try await store.apply([.write(SQL(
                """
                INSERT INTO notices (id, consumer_id, kind, order_id, detail, shown, created_at, mail_after)
                VALUES (?, ?, 'refunded', ?, '', 1, ?, ?)
                """, bind: secondID, buyer.id, order, Date().millisecondsSince1970, Date().millisecondsSince1970))])
            func markRead(_ authorization: String, key: String) async throws -> TestResponse {
                try await client.execute(uri: "/api/v1/me/notices/read", method: .post,
                                         headers: [.authorization: authorization, .contentType: "application/json", .idempotencyKey: key],
                                         body: ByteBuffer(string: #"{"ids":["\#(secondID)"]}"#))
            }
            let strangers = try await markRead("Bearer " + stranger.cookie.dropFirst("session=".count), key: "m0")
            let strangersUnread = try strangers.json()["unread"] as? Int
            #expect(strangers.status == .ok && strangersUnread == 0)
            #expect(try await client.get("/api/v1/me/notices", headers: [.authorization: bearer]).json()["unread"] as? Int == 1,
                    "another buyer cannot mark them read")
            #expect(try await markRead(bearer, key: "m1").json()["unread"] as? Int == 0, "the app marks what it showed")
            let theirs = try await client.get("/account/messages", headers: [.cookie: stranger.cookie])
            #expect(!theirs.text.contains(order), "a buyer sees only their own messages")
            #expect(try await client.get("/account/messages").status == .seeOther, "signed out: sent to sign in")
        }
    }

    @Test("a forgotten password from the sign-in page: the same answer for any address, a link that works once and signs the buyer in")
    func passwordReset() async throws {
        let configuration = testConfiguration()
        try await withTestApp(.sqlite, configuration: configuration) { client, store in
            let buyer = try await Self.buyer(client, email: "forgot@example.cn")
            #expect(try await client.get("/account/signin").text.contains("href=\"/account/reset\""))
            let known = try await Self.post(client, "/account/reset", from: "/account/reset", fields: "email=forgot%40example.cn")
            let unknown = try await Self.post(client, "/account/reset", from: "/account/reset", fields: "email=nobody%40example.cn")
            #expect(known.status == .ok && unknown.status == .ok)
            #expect(known.text.contains("id=\"reset-sent\"") && unknown.text.contains("id=\"reset-sent\""), "nothing tells who has an account")
            let bad = try await Self.post(client, "/account/reset", from: "/account/reset", fields: "email=not+an+address")
            #expect(bad.status == .badRequest && bad.text.contains("form-error"))

            let sealed = try #require(try await store.read(SQL("SELECT secret_sealed FROM notices WHERE consumer_id = ?", bind: buyer.id))
                .first?.text("secret_sealed"))
            let token = try configuration.cipher.open(sealed)
            let shown = try await client.get("/account/reset/\(token)")
            #expect(shown.status == .ok && shown.text.contains("name=\"newPassword\""))
            let short = try await Self.post(client, "/account/reset/\(token)", from: "/account/reset/\(token)", fields: "newPassword=short")
            #expect(short.status == .badRequest)
            let done = try await Self.post(client, "/account/reset/\(token)", from: "/account/reset/\(token)", fields: "newPassword=a+new+passphrase")
            #expect(done.status == .seeOther && done.headers[.location] == "/account")
            #expect(cookieValue(done.headers[.setCookie], "session")?.hasPrefix("s_") == true, "signed in with the new password")
            #expect(try await client.get("/account", headers: [.cookie: buyer.cookie]).status == .seeOther, "the old session ended")
            let again = try await client.get("/account/reset/\(token)")
            #expect(again.status == .gone && again.text.contains("id=\"reset-closed\""))
            #expect(try await client.get("/account/reset/r_made-up").status == .gone)
        }
    }

}
