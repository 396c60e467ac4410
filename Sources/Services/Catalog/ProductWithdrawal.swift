import Foundation
import Storage

/// A product taken off sale without being deleted: its open orders, pages for those orders and
/// the merchant's own view still find it; the storefront, search and buy now do not. Every one
/// of its SKUs' revisions moves, so that a copy remembered for buy now is read again and refused.
public enum ProductWithdrawal {
    public enum Reason: String, Sendable, CaseIterable {
        /// No authorisation on file holds for its brand any more.
        case brandLapsed = "brand-lapsed"
        /// Ops took it down on a counterfeit report.
        case counterfeit
    }

    /// Withdraws `productIDs` for `reason`. A counterfeit takedown overrides a lapsed brand, so
    /// that a new authorisation alone does not put it back on sale.
    static func withdrawing(_ productIDs: [String], _ reason: Reason, at now: Date) -> [Change] {
        guard !productIDs.isEmpty else { return [] }
        let ids = productIDs.map(\.sqlValue)
        let open = reason == .counterfeit ? "(withdrawn_at IS NULL OR withdrawn_reason <> 'counterfeit')" : "withdrawn_at IS NULL"
        return [
            .write(SQL("UPDATE products SET withdrawn_at = ?, withdrawn_reason = ? WHERE id IN (\(SQL.placeholders(ids.count))) AND \(open)",
                       [.integer(now.millisecondsSince1970), .text(reason.rawValue)] + ids)),
            revisionsMoved(ids),
        ]
    }

    /// Puts back on sale those of `productIDs` withdrawn for `reason`, and only those.
    static func restoring(_ productIDs: [String], _ reason: Reason) -> [Change] {
        guard !productIDs.isEmpty else { return [] }
        let ids = productIDs.map(\.sqlValue)
        return [
            .write(SQL("UPDATE products SET withdrawn_at = NULL, withdrawn_reason = NULL WHERE id IN (\(SQL.placeholders(ids.count))) AND withdrawn_reason = ?",
                       ids + [.text(reason.rawValue)])),
            revisionsMoved(ids),
        ]
    }

    private static func revisionsMoved(_ ids: [SQLValue]) -> Change {
        .write(SQL("UPDATE skus SET revision = revision + 1 WHERE product_id IN (\(SQL.placeholders(ids.count)))", ids))
    }
}
