import Commerce
import Foundation
@testable import Services
import Storage
import TestSupport
import Testing

@Suite("Notices: on the site and by e-mail through a real SMTP server")
struct NoticeTests {
    static let site = "https://shop.example"

    /// A mailer sending from an address of this test's own, through `port`.
    static func mailer(_ store: any Store, port: Int, from: String) throws -> NoticeMailer {
        try NoticeMailer(store: store, cipher: CheckoutTests.cipher, transport: SMTPRelay(host: "127.0.0.1", port: port, timeout: 10),
                         from: from, publicURL: { site + "/" })
    }

    static func sender() -> String { "notices-\(UUID().uuidString.lowercased().prefix(8))@shop.example" }

    @Test("an order paid and declared: its buyer is told of each move on the site and by one e-mail each, never twice",
          arguments: StoreKind.allCases)
    func orderMoves(kind: StoreKind) async throws {
        guard let smtp = try ThrowawaySMTP.available() else { return }
        try await withTestStore(kind) { store in
            let shop = try await PaymentTests.Fixture(store)
            _ = try await shop.pay()
            let order = shop.orderIDs[0]
            try await OrderService(store: store).transition(order, to: .declared, by: .system, at: Date())
            let notices = NoticeService(store: store)
            #expect(try await notices.notices(of: shop.consumer).map(\.kind) .sorted { $0.rawValue < $1.rawValue } == [.declared, .paid])
            #expect(try await notices.unread(of: shop.consumer) == 2)

            let from = Self.sender()
            #expect(try await Self.mailer(store, port: smtp.port, from: from).round(at: Date()) == 2)
            let mails = try smtp.messages(from: from)
            #expect(mails.count == 2)
            for kind in [NoticeKind.paid, .declared] {
                let headline = NoticeWords.headline(kind, order: order)
                let mail = try #require(mails.first { $0.subject.contains(headline.en) }, "the \(kind) mail")
                #expect(mail.subject == "\(headline.zh) / \(headline.en)")
                #expect(mail.envelopeRecipients == [shop.consumer.email] && mail.headers["to"] == "<\(shop.consumer.email)>")
                #expect(mail.messageID == "<\(NoticeKind.id(orderID: order, kind: kind))@shop.example>")
                #expect(mail.body.contains("\(Self.site)/orders/\(order)"))
                #expect(mail.body.contains(NoticeWords.explanation(kind, detail: "").zh))
            }
            #expect(try await Self.mailer(store, port: smtp.port, from: from).round(at: Date()) == 0)
            #expect(try await Self.mailer(store, port: smtp.port, from: from).round(at: Date() + 60) == 0, "nor after a restart")
            #expect(try smtp.messages(from: from).count == 2, "sent once")
            #expect(try await notices.notices(of: shop.consumer).allSatisfy(\.mailed))

            try await notices.markRead(try await notices.notices(of: shop.consumer).map(\.id), of: shop.consumer, at: Date())
            #expect(try await notices.unread(of: shop.consumer) == 0)
        }
    }

    @Test("a relay that does not answer: the notice waits in the outbox, its next try later, and goes once the relay is back",
          arguments: StoreKind.allCases)
    func relayDown(kind: StoreKind) async throws {
        guard let smtp = try ThrowawaySMTP.available() else { return }
        try await withTestStore(kind) { store in
            let shop = try await PaymentTests.Fixture(store)
            _ = try await shop.pay()
            let from = Self.sender()
            let now = Date()
            let down = try Self.mailer(store, port: try ThrowawayPostgres.freePort(), from: from)
            #expect(try await down.round(at: now) == 0)
            let row = try #require(try await store.read(SQL("SELECT * FROM notices WHERE order_id = ?", bind: shop.orderIDs[0])).first)
            #expect(try row.integer("mail_attempts") == 1 && row.optionalInteger("mailed_at") == nil)
            #expect(try row.integer("mail_after") > now.millisecondsSince1970, "the next try waits")
            #expect(try row.optionalText("mail_error")?.contains("temporary") == true)
            #expect(try await WorkFailures(store: store).known(NoticeMailer.work)[try row.text("id")] == false, "failing, not parked, shown to ops")

            _ = try await PaymentTests.Fixture(store, buyer: 2).pay()
            #expect(try await down.round(at: now + 3600) == 0)
            let tried = try await store.read(SQL("SELECT CAST(SUM(mail_attempts) AS BIGINT) AS n FROM notices")).first?.integer("n")
            #expect(tried == 2, "a relay that failed gets one message a round until it takes one, not the whole batch")

            let up = try Self.mailer(store, port: smtp.port, from: from)
            #expect(try await up.round(at: now) == 0, "not due yet")
            #expect(try await up.round(at: now + NoticeMailer.longestRetry * 3) == 2)
            #expect(try smtp.messages(from: from).count == 2)
            #expect(try await WorkFailures(store: store).known(NoticeMailer.work).isEmpty, "its failure is forgotten once it went")
        }
    }

    @Test("a forgotten password: a link by e-mail that works once, within 30 minutes, and ends every session; the token is never kept in the clear",
          arguments: StoreKind.allCases)
    func passwordReset(kind: StoreKind) async throws {
        guard let smtp = try ThrowawaySMTP.available() else { return }
        try await withTestStore(kind) { store in
            var accounts = AccountService(store: store, cipher: CheckoutTests.cipher, bcryptCost: 4)
            accounts.sessions = SessionCache()
            let consumer = try await accounts.signUp(email: "forgetful@example.cn", password: "the old password", displayName: "", at: Date())
            let (_, session) = try await accounts.signIn(email: consumer.email, password: "the old password", at: Date())
            #expect(try await accounts.consumer(forSession: session, at: Date()) != nil)

            let now = Date()
            try await accounts.requestPasswordReset(email: "nobody@example.cn", at: now)
            try await accounts.requestPasswordReset(email: " Forgetful@Example.cn ", at: now)
            await #expect(throws: AccountError.self) { try await accounts.requestPasswordReset(email: "not an address", at: now) }
            #expect(try await NoticeService(store: store).notices(of: consumer).isEmpty, "a reset link is never on the site")

            let from = Self.sender()
            #expect(try await Self.mailer(store, port: smtp.port, from: from).round(at: now) == 1)
            let mail = try #require(try smtp.messages(from: from).first)
            #expect(mail.envelopeRecipients == ["forgetful@example.cn"])
            let link = try #require(mail.body.firstMatch(of: /https:\/\/shop\.example\/account\/reset\/(r_[A-Za-z0-9_-]+)/))
            let token = String(link.1)
            let kept = try await store.read(SQL("SELECT token_hash FROM password_resets")).map { try $0.text("token_hash") }
            #expect(kept == [MerchantKeyService.hash(token)], "only the token's digest is kept")
            let outbox = try await store.read(SQL("SELECT secret_sealed FROM notices WHERE consumer_id = ?", bind: consumer.id))
            #expect(try outbox.map { try $0.optionalText("secret_sealed") } == [nil], "the sealed copy goes once the mail has")

            #expect(try await accounts.resetIsOpen(token: token, at: now))
            #expect(try await accounts.resetIsOpen(token: token, at: now + AccountService.resetLifetime + 1) == false, "30 minutes, then closed")
            await #expect(throws: AccountError.self) { try await accounts.resetPassword(token: token, new: "short", at: now) }
            let reset = try await accounts.resetPassword(token: token, new: "a brand new password", at: now + 60)
            #expect(try await accounts.consumer(forSession: session, at: Date()) == nil, "every other session ended")
            #expect(try await accounts.consumer(forSession: reset.session, at: Date())?.id == consumer.id, "the link opened a session")
            await #expect(throws: AccountFailure.resetLinkClosed) { try await accounts.resetPassword(token: token, new: "another new password", at: now + 61) }
            #expect(try await AccountService.purgeResetLinks(in: store, at: now + 60) == 0, "a link is kept an hour past its end, for the hourly count")
            #expect(try await AccountService.purgeResetLinks(in: store, at: now + AccountService.resetLifetime + 3601) >= 1)
            await #expect(throws: AccountFailure.wrongCredentials) { try await accounts.signIn(email: consumer.email, password: "the old password", at: Date()) }
            _ = try await accounts.signIn(email: consumer.email, password: "a brand new password", at: Date())
        }
    }

    @Test("at most three links an hour for one account", arguments: StoreKind.allCases)
    func resetLimit(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let accounts = AccountService(store: store, cipher: CheckoutTests.cipher, bcryptCost: 4)
            let consumer = try await accounts.signUp(email: "eager@example.cn", password: "the old password", displayName: "", at: Date())
            let now = Date()
            for minute in 0..<5 { try await accounts.requestPasswordReset(email: consumer.email, at: now + Double(minute * 60)) }
            try await accounts.requestPasswordReset(email: consumer.email, at: now + 3601)
            let made = try await store.read(SQL("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM password_resets")).first?.integer("n")
            #expect(made == AccountService.resetsPerHour + 1)
        }
    }

    @Test("a line of the message that starts with a dot gets another, so none ends the data early (RFC 5321 §4.5.2)")
    func dotStuffing() {
        #expect(SMTPRelay.dotStuffed("a\r\n.\r\n..b\r\nc\r\n") == "a\r\n..\r\n...b\r\nc\r\n")
    }
}
