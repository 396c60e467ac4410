import Commerce
import Foundation
import Storage

/// A counterfeit case as ops' list shows it.
public struct CounterfeitCase: Sendable, Equatable {
    public let id: String
    public let productID: String
    public let productName: LocalizedText
    public let brand: String
    public let merchantID: String
    public let merchantName: String
    public let status: CounterfeitCaseStatus
    public let reports: Int
    public let openedAt: Date
    public let updatedAt: Date
}

/// One report on a case, opened for ops: a brand owner's name and address are sealed at rest.
public struct CounterfeitReportRecord: Sendable, Equatable {
    public let id: String
    public let reporterKind: String
    public let consumerID: String?
    public let reporterName: String?
    public let email: String?
    public let reason: String
    public let reportedAt: Date
}

public struct CounterfeitActionRecord: Sendable, Equatable {
    public let action: CounterfeitAction
    public let actor: String
    public let note: String?
    public let at: Date
}

/// An order that bought the reported product: ops see whom a takedown concerns.
public struct AffectedOrder: Sendable, Equatable {
    public let orderID: String
    public let status: OrderStatus
    public let quantity: Int64
    public let goodsCNY: Int64
    public let placedAt: Date
}

/// Everything about one case on one page.
public struct CounterfeitCaseFile: Sendable {
    public let summary: CounterfeitCase
    public let reports: [CounterfeitReportRecord]
    public let actions: [CounterfeitActionRecord]
    public let affectedOrders: [AffectedOrder]
}

public enum CounterfeitFailure: Error, Equatable, CustomStringConvertible {
    case productNotFound
    case caseNotFound
    case notPossible(CounterfeitAction, CounterfeitCaseStatus)

    public var description: String {
        switch self {
        case .productNotFound: "no such product"
        case .caseNotFound: "no such case"
        case .notPossible(let action, let status): "a case that is \(status.rawValue) cannot be given \(action.rawValue)"
        }
    }
}

/// Counterfeit reports and the cases they open: a report on a product with a case not yet
/// cleared joins it, any other opens one; ops take the product down or clear it.
public struct CounterfeitService: Sendable {
    let store: any Store
    let cipher: FieldCipher
    /// How many affected orders a case file lists (the newest).
    public static let affectedLimit = 500

    public init(store: any Store, cipher: FieldCipher) {
        self.store = store
        self.cipher = cipher
    }

    /// The changes that record a report, and the case it is on. `buyer` is the signed-in
    /// buyer's id, nil for a brand owner.
    public func reporting(_ draft: CounterfeitReportDraft, buyer: String?, at now: Date) async throws -> (changes: [Change], caseID: String) {
        let report = try CounterfeitRules.report(draft, buyer: buyer)
        let rows = try await store.read(SQL(
            "SELECT p.id, s.merchant_id FROM products p JOIN stores s ON s.id = p.store_id WHERE p.id = ?", bind: report.productID))
        guard let product = rows.first else { throw CounterfeitFailure.productNotFound }
        let open = try await store.read(SQL("SELECT id FROM counterfeit_cases WHERE product_id = ? AND status <> 'cleared'", bind: report.productID))
        let caseID = try open.first?.text("id") ?? "cf-" + Secrets.token().prefix(16).lowercased()
        var consumer: String?, sealed: String?
        switch report.reporter {
        case .buyer(let id): consumer = id
        case .brandOwner(let name, let email): sealed = try cipher.seal(name + "\n" + email)
        }
        let stamp = now.millisecondsSince1970
        return ([
            .write(SQL(
                """
                INSERT INTO counterfeit_cases (id, product_id, merchant_id, status, opened_at, updated_at) VALUES (?, ?, ?, 'open', ?, ?)
                ON CONFLICT (product_id) WHERE status <> 'cleared' DO UPDATE SET updated_at = excluded.updated_at
                """, bind: caseID, report.productID, try product.text("merchant_id"), stamp, stamp)),
            .write(SQL(
                """
                INSERT INTO counterfeit_reports (id, case_id, reporter_kind, consumer_id, sealed_reporter, reason, reported_at)
                SELECT ?, id, ?, ?, ?, ?, ? FROM counterfeit_cases WHERE product_id = ? AND status <> 'cleared'
                """, bind: "cr-" + Secrets.token().prefix(16).lowercased(), report.reporter.kind, consumer, sealed, report.reason, stamp,
                report.productID)),
        ], caseID)
    }

    /// Cases in `status` (every case when nil), most recently touched first.
    public func cases(status: CounterfeitCaseStatus?) async throws -> [CounterfeitCase] {
        if let status { return try await summaries(where: "c.status = ?", [.text(status.rawValue)]) }
        return try await summaries(where: "1 = 1", [])
    }

    public func file(_ id: String) async throws -> CounterfeitCaseFile {
        guard let summary = try await summaries(where: "c.id = ?", [.text(id)]).first else { throw CounterfeitFailure.caseNotFound }
        let reports = try await store.read(SQL("SELECT * FROM counterfeit_reports WHERE case_id = ? ORDER BY reported_at, id", bind: id))
            .map { row in
                let opened = try row.optionalText("sealed_reporter").map { try cipher.open($0) }
                let parts = opened?.split(separator: "\n", maxSplits: 1).map(String.init) ?? []
                return CounterfeitReportRecord(
                    id: try row.text("id"), reporterKind: try row.text("reporter_kind"), consumerID: try row.optionalText("consumer_id"),
                    reporterName: parts.first, email: parts.count > 1 ? parts[1] : nil, reason: try row.text("reason"),
                    reportedAt: Date(millisecondsSince1970: try row.integer("reported_at")))
            }
        let actions = try await store.read(SQL("SELECT * FROM counterfeit_actions WHERE case_id = ? ORDER BY acted_at, id", bind: id))
            .compactMap { row -> CounterfeitActionRecord? in
                guard let action = CounterfeitAction(rawValue: try row.text("action")) else { return nil }
                return CounterfeitActionRecord(action: action, actor: try row.text("actor"), note: try row.optionalText("note"),
                                               at: Date(millisecondsSince1970: try row.integer("acted_at")))
            }
        let orders = try await store.read(SQL(
            """
            SELECT o.id, o.status, o.created_at, CAST(SUM(l.quantity) AS BIGINT) AS quantity, CAST(SUM(l.goods_cny) AS BIGINT) AS goods_cny
            FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.product_id = ?
            GROUP BY o.id, o.status, o.created_at ORDER BY o.created_at DESC, o.id LIMIT ?
            """, bind: summary.productID, Self.affectedLimit)).map { row in
            AffectedOrder(orderID: try row.text("id"), status: OrderStatus(rawValue: try row.text("status")) ?? .created,
                          quantity: try row.integer("quantity"), goodsCNY: try row.integer("goods_cny"),
                          placedAt: Date(millisecondsSince1970: try row.integer("created_at")))
        }
        return CounterfeitCaseFile(summary: summary, reports: reports, actions: actions, affectedOrders: orders)
    }

    /// The changes ops' `action` makes: the case's new status, the action recorded, and the
    /// product withdrawn (take-down) or put back (clear).
    public func acting(_ action: CounterfeitAction, on id: String, signed: ReviewerNote, at now: Date) async throws
        -> (changes: [Change], status: CounterfeitCaseStatus) {
        guard let current = try await summaries(where: "c.id = ?", [.text(id)]).first else { throw CounterfeitFailure.caseNotFound }
        guard let next = action.after(current.status) else { throw CounterfeitFailure.notPossible(action, current.status) }
        let stamp = now.millisecondsSince1970
        var changes: [Change] = [
            .guarded(SQL("UPDATE counterfeit_cases SET status = ?, updated_at = ? WHERE id = ? AND status = ? RETURNING id",
                         bind: next.rawValue, stamp, id, current.status.rawValue),
                     rows: 1, conflict: "case \(id) was acted on meanwhile"),
            .write(SQL("INSERT INTO counterfeit_actions (id, case_id, action, actor, note, acted_at) VALUES (?, ?, ?, ?, ?, ?)",
                       bind: "ca-" + Secrets.token().prefix(16).lowercased(), id, action.rawValue, signed.reviewer, signed.note, stamp)),
        ]
        switch action {
        case .takeDown: changes += ProductWithdrawal.withdrawing([current.productID], .counterfeit, at: now)
        case .clear: changes += ProductWithdrawal.restoring([current.productID], .counterfeit)
        }
        return (changes, next)
    }

    private func summaries(where condition: String, _ bindings: [SQLValue]) async throws -> [CounterfeitCase] {
        try await store.read(SQL(
            """
            SELECT c.*, p.name_en, p.name_zh, p.brand, m.name_en AS merchant_name,
                   (SELECT CAST(COUNT(*) AS BIGINT) FROM counterfeit_reports r WHERE r.case_id = c.id) AS reports
            FROM counterfeit_cases c JOIN products p ON p.id = c.product_id JOIN merchants m ON m.id = c.merchant_id
            WHERE \(condition) ORDER BY c.updated_at DESC, c.id
            """, bindings)).map { row in
            guard let status = CounterfeitCaseStatus(rawValue: try row.text("status")) else {
                throw StoreError.decoding(column: "status", expected: "open, taken-down or cleared")
            }
            return CounterfeitCase(
                id: try row.text("id"), productID: try row.text("product_id"),
                productName: LocalizedText(en: try row.text("name_en"), zh: try row.text("name_zh")), brand: try row.text("brand"),
                merchantID: try row.text("merchant_id"), merchantName: try row.text("merchant_name"), status: status,
                reports: Int(try row.integer("reports")), openedAt: Date(millisecondsSince1970: try row.integer("opened_at")),
                updatedAt: Date(millisecondsSince1970: try row.integer("updated_at")))
        }
    }
}
