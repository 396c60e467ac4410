import Commerce
import Foundation
import Storage

/// The rows a notice is: written in the same unit as the move it tells of, so that a buyer is
/// told of every move that happened and of none that did not.
enum NoticeRecords {
    /// A notice of `kind` about `orderID` for the order's buyer, once per order and kind.
    static func queued(_ kind: NoticeKind, orderID: String, detail: String, at now: Date) -> Change {
        let at = now.millisecondsSince1970
        return .write(SQL(
            """
            INSERT INTO notices (id, consumer_id, kind, order_id, detail, shown, created_at, mail_after)
            SELECT ?, consumer_id, ?, id, ?, ?, ?, ? FROM orders WHERE id = ?
            ON CONFLICT (id) DO NOTHING
            """,
            bind: NoticeKind.id(orderID: orderID, kind: kind), kind.rawValue, String(detail.prefix(500)), kind.shownOnSite ? 1 : 0, at, at,
            orderID))
    }

    /// A notice carrying a secret (a reset link) for one consumer: by e-mail only, the secret
    /// sealed until it is sent and dropped once it has been.
    static func secret(_ kind: NoticeKind, id: String, consumerID: String, sealed: String, at now: Date) -> Change {
        let at = now.millisecondsSince1970
        return .write(SQL(
            """
            INSERT INTO notices (id, consumer_id, kind, secret_sealed, shown, created_at, mail_after)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            bind: id, consumerID, kind.rawValue, sealed, kind.shownOnSite ? 1 : 0, at, at))
    }

    /// A stored notice's kind.
    static func kind(_ row: Row) throws -> NoticeKind {
        guard let kind = NoticeKind(rawValue: try row.text("kind")) else { throw StoreError.decoding(column: "kind", expected: "a notice kind") }
        return kind
    }
}
