import Commerce
import Foundation
import Money
import Storage

/// Ops' one search box: whatever an officer or a buyer quotes — an order or its group, a
/// payment, a tracking number, an air waybill, a risk case, a buyer's e-mail or identity number —
/// found by exact match and shown with where to act on it. A buyer is shown masked; the identity
/// number is looked up by its fingerprint, never stored or compared in the clear.
public struct OpsSearch: Sendable {
    let store: any Store
    let cipher: FieldCipher

    public init(store: any Store, cipher: FieldCipher) {
        self.store = store
        self.cipher = cipher
    }

    public struct Hit: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable { case order, payment, parcel, airWaybill = "air-waybill", riskCase = "risk-case", buyer }
        public let kind: Kind
        /// What was found, as ops read it (masked where it is a person).
        public let label: String
        public let detail: String
        /// The page where it is acted on.
        public let link: String
        public let at: Date?
    }

    /// Hits for `query` (trimmed; at most 100 characters are looked at), orders newest first.
    public func find(_ query: String) async throws -> [Hit] {
        let q = String(query.trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
        guard !q.isEmpty else { return [] }
        var hits: [Hit] = []
        hits += try await orders(SQL("SELECT * FROM orders WHERE id = ? OR group_id = ? ORDER BY created_at DESC LIMIT 20", bind: q, q))
        for payment in try await store.read(SQL("SELECT id, group_id, status, amount_cny, created_at FROM payments WHERE id = ?", bind: q)) {
            let amount = Money(minorUnits: try payment.integer("amount_cny"), currency: .CNY)
            hits.append(Hit(kind: .payment, label: try payment.text("id"), detail: "\(try payment.text("status")) · \(amount)",
                            link: "/ops/find?q=\(try payment.text("group_id"))", at: Date(millisecondsSince1970: try payment.integer("created_at"))))
        }
        for parcel in try await store.read(SQL("SELECT tracking_number, order_id, stage, created_at FROM shipments WHERE tracking_number = ?", bind: q)) {
            hits.append(Hit(kind: .parcel, label: try parcel.text("tracking_number"), detail: "\(try parcel.text("stage")) · \(try parcel.text("order_id"))",
                            link: "/ops/orders/\(try parcel.text("order_id"))", at: Date(millisecondsSince1970: try parcel.integer("created_at"))))
        }
        for waybill in try await store.read(SQL("SELECT number, hub, flight, status, updated_at FROM air_waybills WHERE number = ?", bind: q)) {
            hits.append(Hit(kind: .airWaybill, label: try waybill.text("number"),
                            detail: "\(try waybill.text("hub")) · \(try waybill.text("flight")) · \(try waybill.text("status"))",
                            link: "/hub", at: Date(millisecondsSince1970: try waybill.integer("updated_at"))))
        }
        for found in try await store.read(SQL("SELECT id, status, reason, updated_at FROM risk_cases WHERE id = ?", bind: q)) {
            hits.append(Hit(kind: .riskCase, label: try found.text("id"), detail: "\(try found.text("status")) · \(try found.text("reason"))",
                            link: "/ops/risk/cases/\(try found.text("id"))", at: Date(millisecondsSince1970: try found.integer("updated_at"))))
        }
        hits += try await buyers(q)
        return hits
    }

    /// A buyer by e-mail or identity number, with their latest orders.
    private func buyers(_ q: String) async throws -> [Hit] {
        let email = AccountRules.normalizedEmail(q)
        var consumers = try await store.read(SQL("SELECT id, email FROM consumers WHERE email = ? OR id = ?", bind: email, q))
            .map { (try $0.text("id"), try $0.text("email")) }
        // safe: a text that is no identity number is not looked up as one
        if let number = try? ResidentIDNumber(parsing: q, today: Day(beijing: Date())) {
            let fingerprint = cipher.fingerprint(number.value)
            consumers += try await store.read(SQL(
                "SELECT c.id, c.email FROM consumers c JOIN buyer_identities b ON b.consumer_id = c.id WHERE b.id_fingerprint = ?", bind: fingerprint))
                .map { (try $0.text("id"), try $0.text("email")) }
        }
        var hits: [Hit] = []
        for (id, address) in consumers {
            let identity = try await store.read(SQL("SELECT name_masked, id_masked, status FROM buyer_identities WHERE consumer_id = ?", bind: id)).first
            let who = try identity.map { "\(try $0.text("name_masked")) \(try $0.text("id_masked")) · \(try $0.text("status"))" } ?? "—"
            hits.append(Hit(kind: .buyer, label: Self.masked(email: address), detail: who, link: "/ops/find?q=\(id)", at: nil))
            hits += try await orders(SQL("SELECT * FROM orders WHERE consumer_id = ? ORDER BY created_at DESC LIMIT 20", bind: id))
        }
        return hits
    }

    private func orders(_ sql: SQL) async throws -> [Hit] {
        let rows = try await store.read(sql)
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.text("id") }
        let held = try await RiskRecords.openHolds(of: ids, in: store)
        return try rows.map { row in
            let id = try row.text("id")
            let total = Money(minorUnits: try row.integer("total_cny"), currency: .CNY)
            return Hit(kind: .order, label: id, detail: "\(try row.text("status")) · \(total) · \(try row.text("merchant_id"))\(held[id] == nil ? "" : " · held by risk review")",
                       link: "/ops/orders/\(id)", at: Date(millisecondsSince1970: try row.integer("created_at")))
        }
    }

    /// b***@example.cn: enough for ops to recognise whom a buyer says they are, not to copy.
    static func masked(email: String) -> String {
        guard let at = email.firstIndex(of: "@") else { return "***" }
        return String(email.prefix(1)) + "***" + email[at...]
    }
}
