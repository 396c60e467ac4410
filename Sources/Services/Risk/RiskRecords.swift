import Commerce
import Foundation
import Storage

/// The risk aggregate's SQL: observations, rule sets, cases and their events, holds and blocks.
enum RiskRecords {
    static func observing(_ order: RiskObservation) -> Change {
        .write(SQL(
            """
            INSERT INTO risk_observations (order_id, observed_at, identity, address, phone, device, payer, merchant_id, lines, value_fen,
                allowance_used_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING
            """,
            bind: order.orderID, order.at, order.identity, order.address, order.phone, order.device, order.payer, order.merchantID,
            order.linesText, order.value, order.allowanceUsed))
    }

    static func observations(since: Int64, in store: any Store) async throws -> [RiskObservation] {
        try await store.read(SQL("SELECT * FROM risk_observations WHERE observed_at >= ? ORDER BY observed_at, order_id", bind: since))
            .map(observation)
    }

    static func observations(ofIdentities identities: [String], in store: any Store) async throws -> [RiskObservation] {
        guard !identities.isEmpty else { return [] }
        return try await store.read(SQL("SELECT * FROM risk_observations WHERE identity IN (\(SQL.placeholders(identities.count))) ORDER BY observed_at, order_id",
                                        identities.map { $0.sqlValue })).map(observation)
    }

    private static func observation(_ row: Row) throws -> RiskObservation {
        RiskObservation(orderID: try row.text("order_id"), at: try row.integer("observed_at"), identity: try row.text("identity"),
                        address: try row.text("address"), phone: try row.text("phone"), device: try row.optionalText("device"),
                        payer: try row.text("payer"), merchantID: try row.text("merchant_id"), lines: RiskObservation.lines(try row.text("lines")),
                        value: try row.integer("value_fen"), allowanceUsed: try row.integer("allowance_used_fen"))
    }

    /// What ops decided: the latest rule set, blocks, the cases still in hand (open or acted on), and the identities of cleared cases.
    struct Settings: Sendable {
        let rules: (RiskRuleSet, Int64)?
        let blocked: Set<String>
        let openCases: [String: String]
        let clearedIdentities: [String]
    }

    static func settings(in store: any Store) async throws -> Settings {
        let latest = try await store.read(SQL("SELECT version, body FROM risk_rule_sets ORDER BY version DESC LIMIT 1")).first
        let rules = try latest.map { (try RiskRuleSet(parsing: try $0.text("body")), try $0.integer("version")) }
        let blocked = Set(try await store.read(SQL("SELECT kind, key FROM risk_blocks")).map { "\(try $0.text("kind")):\(try $0.text("key"))" })
        var open: [String: String] = [:]
        var cleared: [String] = []
        // A case ops acted on stays the one its cluster's next holds and refusals go to; a cleared one does not.
        for row in try await store.read(SQL("SELECT id, identity, status FROM risk_cases WHERE status IN ('open', 'actioned', 'cleared')")) {
            if try row.text("status") == "cleared" { cleared.append(try row.text("identity")) } else { open[try row.text("identity")] = try row.text("id") }
        }
        return Settings(rules: rules, blocked: blocked, openCases: open, clearedIdentities: cleared)
    }

    static func opening(_ caseID: String, identity: String, reason: String, at now: Int64) -> [Change] {
        [.write(SQL("INSERT INTO risk_cases (id, identity, status, reason, opened_at, updated_at) VALUES (?, ?, 'open', ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    bind: caseID, identity, reason, now, now)),
         event(caseID, actor: "risk rules", action: "opened", note: reason, at: now)]
    }

    static func holding(_ orderID: String, caseID: String, reason: String, at now: Int64) -> Change {
        .write(SQL("INSERT INTO risk_holds (order_id, case_id, reason, held_at) VALUES (?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING",
                   bind: orderID, caseID, reason, now))
    }

    /// The open holds among `orderIDs`: each held order's case and why.
    static func openHolds(of orderIDs: [String], in store: any Store) async throws -> [String: (caseID: String, reason: String)] {
        guard !orderIDs.isEmpty else { return [:] }
        var holds: [String: (caseID: String, reason: String)] = [:]
        for row in try await store.read(SQL(
            "SELECT order_id, case_id, reason FROM risk_holds WHERE released_at IS NULL AND order_id IN (\(SQL.placeholders(orderIDs.count)))",
            orderIDs.map { $0.sqlValue })) {
            holds[try row.text("order_id")] = (try row.text("case_id"), try row.text("reason"))
        }
        return holds
    }

    /// One line of a case's timeline; its number follows the case's last.
    static func event(_ caseID: String, actor: String, action: String, note: String, at now: Int64) -> Change {
        .write(SQL(
            """
            INSERT INTO risk_case_events (case_id, seq, at, actor, action, note)
            SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ? FROM risk_case_events WHERE case_id = ?
            """,
            bind: caseID, now, actor, action, note, caseID))
    }
}
