import Commerce
import Foundation
import Logging
import Storage
import Synchronization

/// Sends the outbox: every notice by e-mail to its buyer, at least once. A round takes the
/// notices due, claims them (`WorkFailures.round`, so two processes never send the same one in
/// the same minute), sends each through the relay and records it sent in its own commit. A
/// relay that does not answer or says "try later" moves the notice's next try back (doubling,
/// up to an hour) and, after `WorkFailures.parkAfter` tries, parks it for ops; a relay that
/// refuses it for good (5xx) ends its mailing, and it stays on the messages page. The only
/// duplicate possible is a crash between the relay's acceptance and the record of it, and the
/// stable Message-ID lets mail programs fold that one away.
public struct NoticeMailer: Sendable {
    public static let work = "mail"
    static let batch = 50
    static let firstRetry: TimeInterval = 30
    static let longestRetry: TimeInterval = 3600

    let store: any Store
    let cipher: FieldCipher
    let transport: any MailTransport
    let from: String
    /// Where the links in a message point: the site as its buyers reach it. Asked each time, as
    /// `serve` on port 0 learns its own only once it listens.
    let publicURL: @Sendable () -> String
    let logger: Logger
    /// Whether the relay failed to take the last message tried: then a round tries one message
    /// only, so that a relay that does not answer costs one timeout a round, not fifty.
    let relayFailing = RelayFailing()

    public init(store: any Store, cipher: FieldCipher, transport: any MailTransport, from: String,
                publicURL: @escaping @Sendable () -> String, logger: Logger = Logger(label: "crossborder.mail")) throws {
        guard MailMessage.isPlainAddress(from) else { throw MailMessage.Refused(field: "from", description: "\(from) is not a plain e-mail address") }
        self.store = store
        self.cipher = cipher
        self.transport = transport
        self.from = from
        self.publicURL = publicURL
        self.logger = logger
    }

    /// One round: returns how many messages went.
    @discardableResult
    public func round(at now: Date) async throws -> Int {
        let due = try await store.read(SQL(
            """
            SELECT n.*, c.email, c.display_name FROM notices n JOIN consumers c ON c.id = n.consumer_id
            WHERE n.mailed_at IS NULL AND n.mail_failed_at IS NULL AND n.mail_after <= ?
              AND NOT EXISTS (SELECT 1 FROM work_failures w WHERE w.work = ? AND w.item = n.id AND w.parked = 1)
            ORDER BY n.mail_after, n.id LIMIT ?
            """, bind: now.millisecondsSince1970, Self.work, relayFailing.now ? 1 : Self.batch))
        return try await WorkFailures(store: store, logger: logger).round(Self.work, due, named: { try $0.text("id") }, at: now) { row in
            try await send(row, at: now)
        }
    }

    /// Sends one notice; true when it went, false when it will not go at all.
    func send(_ row: Row, at now: Date) async throws -> Bool {
        let id = try row.text("id")
        let asked = publicURL()
        let site = asked.hasSuffix("/") ? String(asked.dropLast()) : asked
        let kind = try NoticeRecords.kind(row)
        let link: String
        if kind == .passwordReset {
            guard now < Date(millisecondsSince1970: try row.integer("created_at")) + AccountService.resetLifetime,
                  let sealed = try row.optionalText("secret_sealed") else {
                try await giveUp(id, why: "the reset link ran out before it could be sent", at: now)
                return false
            }
            link = "\(site)/account/reset/\(try cipher.open(sealed))"
        } else {
            link = "\(site)/orders/\(try row.optionalText("order_id") ?? "")"
        }
        let words = NoticeMail.compose(kind, order: try row.optionalText("order_id"), detail: try row.text("detail"), link: link,
                                       name: try row.text("display_name"))
        do {
            let domain = from.split(separator: "@").last.map(String.init) ?? "crossborder"
            let message = try MailMessage(fromAddress: from, fromName: NoticeWords.signature.zh + " CrossBorder", to: try row.text("email"),
                                          subject: words.subject, body: words.body, messageID: "\(id)@\(domain)", date: now)
            try await transport.send(message)
            relayFailing.set(false)
        } catch let refused as MailMessage.Refused {
            try await giveUp(id, why: refused.description, at: now)
            return false
        } catch MailFailure.permanent(let why) {
            try await giveUp(id, why: why, at: now)
            return false
        } catch {
            relayFailing.set(true)
            let attempts = try row.integer("mail_attempts") + 1
            let wait = min(Self.longestRetry, Self.firstRetry * pow(2, Double(min(attempts - 1, 20))))
            try await store.apply([.write(SQL(
                "UPDATE notices SET mail_attempts = ?, mail_after = ?, mail_error = ? WHERE id = ? AND mailed_at IS NULL",
                bind: attempts, (now + wait).millisecondsSince1970, String("\(error)".prefix(500)), id))])
            throw error
        }
        try await store.apply([.write(SQL(
            "UPDATE notices SET mailed_at = ?, mail_attempts = mail_attempts + 1, mail_error = NULL, secret_sealed = NULL WHERE id = ?",
            bind: now.millisecondsSince1970, id))])
        return true
    }

    /// Ends a notice's mailing for good; the reset secret, if any, goes with it.
    func giveUp(_ id: String, why: String, at now: Date) async throws {
        logger.warning("notice \(id) will not be mailed: \(why)")
        try await store.apply([.write(SQL(
            "UPDATE notices SET mail_failed_at = ?, mail_error = ?, secret_sealed = NULL WHERE id = ?",
            bind: now.millisecondsSince1970, String(why.prefix(500)), id))])
    }
}

/// The relay's state as the last attempt found it, shared by a mailer's rounds.
final class RelayFailing: Sendable {
    private let failing = Mutex(false)

    var now: Bool { failing.withLock { $0 } }

    func set(_ value: Bool) { failing.withLock { $0 = value } }
}
