import Commerce
import Foundation
import Money
import Storage

/// What a partner bank sees of its clients: their applications and where each stands, and the
/// merchants they became with their sales and payouts — and nothing of anyone else's.
public struct PartnerBankClients: Sendable {
    let store: any Store
    let review: ApplicationReview

    public init(store: any Store, review: ApplicationReview) {
        self.store = store
        self.review = review
    }

    public struct ApplicationLine: Sendable, Equatable {
        public let id: String
        public let reference: String?
        public let legalName: String
        public let country: String
        public let status: StoredApplication.Status
        public let merchantID: String?
        public let updatedAt: Date
    }

    public struct MerchantLine: Sendable {
        public let merchant: Merchant
        public let storeSlug: String?
        public let suspended: Bool
        /// Orders paid and not refunded or cancelled.
        public let orders: Int
        /// What those orders came to, in CNY, tax and freight included.
        public let salesCNY: Money
        public let payouts: [PayoutView]
    }

    public func applications(of bankID: String) async throws -> [ApplicationLine] {
        try await store.read(SQL(
            """
            SELECT id, client_reference, legal_name, country, status, merchant_id, updated_at FROM merchant_applications
            WHERE partner_bank_id = ? ORDER BY created_at, id
            """, bind: bankID)).map { row in
            guard let status = StoredApplication.Status(rawValue: try row.text("status")) else {
                throw StoreError.decoding(column: "status", expected: "an application status")
            }
            return ApplicationLine(id: try row.text("id"), reference: try row.optionalText("client_reference"), legalName: try row.text("legal_name"),
                                   country: try row.text("country"), status: status, merchantID: try row.optionalText("merchant_id"),
                                   updatedAt: Date(millisecondsSince1970: try row.integer("updated_at")))
        }
    }

    /// The whole file of one of the bank's clients' applications; another's is not found.
    public func file(_ id: String, of bankID: String, at now: Date) async throws -> ApplicationFile {
        let file = try await review.file(id, at: now)
        guard file.application.partnerBankID == bankID else { throw ApplicationFailure.notFound }
        return file
    }

    /// Statuses whose orders count as sales.
    static let sold: [OrderStatus] = [.paid, .declared, .shipped, .cleared, .delivered, .completed]

    public func merchants(of bankID: String) async throws -> [MerchantLine] {
        // The bank's merchants' sales in one pass over their orders.
        let rows = try await store.read(SQL(
            """
            SELECT m.*, (SELECT s.slug FROM stores s WHERE s.merchant_id = m.id ORDER BY s.id LIMIT 1) AS store_slug,
                CAST(COALESCE(o.sold, 0) AS BIGINT) AS sold, CAST(COALESCE(o.sales, 0) AS BIGINT) AS sales
            FROM merchants m LEFT JOIN (
                SELECT o.merchant_id, COUNT(*) AS sold, SUM(o.total_cny) AS sales FROM orders o JOIN merchants b ON b.id = o.merchant_id
                WHERE b.partner_bank_id = ? AND o.status IN (\(SQL.placeholders(Self.sold.count))) GROUP BY o.merchant_id
            ) o ON o.merchant_id = m.id
            WHERE m.partner_bank_id = ? ORDER BY m.id
            """, [bankID.sqlValue] + Self.sold.map { $0.rawValue.sqlValue } + [bankID.sqlValue]))
        let merchants = try rows.map(CatalogRecords.merchant)
        let payouts = try await PayoutService.payouts(of: merchants.map(\.id), in: store)
        return try zip(rows, merchants).map { row, merchant in
            MerchantLine(merchant: merchant, storeSlug: try row.optionalText("store_slug"), suspended: try row.optionalInteger("suspended_at") != nil,
                         orders: Int(try row.integer("sold")), salesCNY: Money(minorUnits: try row.integer("sales"), currency: .CNY),
                         payouts: payouts[merchant.id] ?? [])
        }
    }
}
