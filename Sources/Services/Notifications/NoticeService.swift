import Commerce
import Foundation
import Storage

/// A notice as its buyer's messages page shows it.
public struct Notice: Sendable, Hashable {
    public let id: String
    public let kind: NoticeKind
    public let orderID: String?
    public let detail: String
    public let createdAt: Date
    public let read: Bool
    /// Sent by e-mail too (false while it waits in the outbox, or when no mail is configured).
    public let mailed: Bool
}

/// A buyer's messages: listed newest first, counted while unread, marked read when seen.
public struct NoticeService: Sendable {
    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    public func notices(of consumer: Consumer, limit: Int = 100) async throws -> [Notice] {
        try await store.read(SQL(
            "SELECT * FROM notices WHERE consumer_id = ? AND shown = 1 ORDER BY created_at DESC, id LIMIT ?", bind: consumer.id, limit))
            .map { row in
                Notice(id: try row.text("id"), kind: try NoticeRecords.kind(row), orderID: try row.optionalText("order_id"), detail: try row.text("detail"),
                       createdAt: Date(millisecondsSince1970: try row.integer("created_at")),
                       read: try row.optionalInteger("read_at") != nil, mailed: try row.optionalInteger("mailed_at") != nil)
            }
    }

    public func unread(of consumer: Consumer) async throws -> Int64 {
        try await store.read(SQL(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM notices WHERE consumer_id = ? AND shown = 1 AND read_at IS NULL", bind: consumer.id))
            .first?.integer("n") ?? 0
    }

    /// Marks the buyer's notices `ids` read (those the page has just shown); writes nothing for none.
    public func markRead(_ ids: [String], of consumer: Consumer, at now: Date) async throws {
        guard !ids.isEmpty else { return }
        try await store.apply([.write(SQL(
            "UPDATE notices SET read_at = ? WHERE consumer_id = ? AND read_at IS NULL AND id IN (\(SQL.placeholders(ids.count)))",
            [now.millisecondsSince1970.sqlValue, consumer.id.sqlValue] + ids.map { $0.sqlValue }))])
    }
}
