import Commerce
import Foundation
import Ledger
import Money
import Storage

/// A payout as the merchant and ops see it.
public struct PayoutView: Sendable, Equatable {
    public let id: String
    public let batchID: String
    public let merchantID: String
    public let amount: Money
    public let status: String
    public let reason: String
    public let createdAt: Date
}

/// The daily settlement: for each currency, one payout batch paying every merchant whose
/// available balance reaches the minimum, held in the ledger (merchant → payouts, pending)
/// and written as a pain.001 file for the bank; the bank's report then posts each paid
/// payout and voids each rejected one, which gives the money back to the merchant's balance.
public struct PayoutService: Sendable {
    let store: any Store
    let bank: any PayoutBank
    let debtor: PayoutDebtor

    public init(store: any Store, bank: any PayoutBank, debtor: PayoutDebtor) {
        self.store = store
        self.bank = bank
        self.debtor = debtor
    }

    /// Makes and submits the day's batches; a batch already made that day is not made again.
    @discardableResult
    public func run(on day: Day, at now: Date) async throws -> [PayoutBatch] {
        let balances = try await store.read(SQL(
            """
            SELECT id, currency, credits_posted - debits_posted - debits_pending AS available
            FROM ledger_accounts WHERE id LIKE 'merchant:%'
            """))
        let available: [(merchantID: String, amount: Money)] = try balances.compactMap { row in
            let parts = try row.text("id").split(separator: ":")
            guard parts.count == 3 else { return nil }
            return (String(parts[1]), Money(minorUnits: try row.integer("available"), currency: try Currency(code: try row.text("currency"))))
        }
        let batches = Settlement.batches(on: day, available: available, accounts: try await accounts())
        var made: [PayoutBatch] = []
        for batch in batches {
            let exists = try await store.read(SQL("SELECT id FROM payout_batches WHERE id = ?", bind: batch.id))
            guard exists.isEmpty else { continue }
            let file = try PayoutFile.pain001(batch, debtor: debtor, createdAt: now)
            let requests: [TransferRequest] = batch.payouts.map { payout in
                .pending(id: "payout:\(payout.id)", debit: Books.merchant(payout.account.merchantID, batch.currency).id,
                         credit: Books.payouts(batch.currency).id, amount: payout.amount, code: "payout")
            }
            try await LedgerService(store: store).open([Books.payouts(batch.currency)], at: now)
            do {
                try await store.transact { reader in
                    var changes = try await LedgerService.booking(requests, in: reader, at: now)
                    changes.append(.guarded(SQL(
                        """
                        INSERT INTO payout_batches (id, currency, execution_date, control_sum_minor, file, status, created_at)
                        VALUES (?, ?, ?, ?, ?, 'submitted', ?) ON CONFLICT (id) DO NOTHING RETURNING id
                        """,
                        bind: batch.id, batch.currency.code, batch.executionDate.description, try batch.controlSum.minorUnits, file,
                        now.millisecondsSince1970), conflict: "batch \(batch.id) was made meanwhile"))
                    changes += batch.payouts.map { payout in
                        .write(SQL(
                            """
                            INSERT INTO payouts (id, batch_id, merchant_id, currency, amount_minor, status, created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, 'submitted', ?, ?)
                            """,
                            bind: payout.id, batch.id, payout.account.merchantID, batch.currency.code, payout.amount.minorUnits,
                            now.millisecondsSince1970, now.millisecondsSince1970))
                    }
                    return (changes, ())
                }
            } catch StoreError.conflict {
                continue  // another process made today's batch
            }
            try await bank.submit(batchID: batch.id, file: file, at: now)
            made.append(batch)
        }
        return made
    }

    /// Applies the bank's reports on every submitted batch; submits again a batch the bank
    /// does not know. Returns how many payouts were settled.
    @discardableResult
    public func collectReports(at now: Date) async throws -> Int {
        var settled = 0
        for batch in try await store.read(SQL("SELECT id, file FROM payout_batches WHERE status = 'submitted' ORDER BY id")) {
            let batchID = try batch.text("id")
            guard let report = try await bank.report(batchID: batchID, at: now) else {
                try await bank.submit(batchID: batchID, file: try batch.text("file"), at: now)
                continue
            }
            let payouts = try await store.read(SQL("SELECT * FROM payouts WHERE batch_id = ? AND status = 'submitted'", bind: batchID))
                .map(PayoutService.view)
            var requests: [TransferRequest] = []
            var changes: [Change] = []
            for payout in payouts {
                guard let result = report[payout.id] else { continue }
                let (status, reason) = switch result {
                case .paid: ("paid", "")
                case .rejected(let reason): ("rejected", reason)
                }
                requests.append(result == .paid
                    ? .post(id: "payout:\(payout.id):paid", pending: "payout:\(payout.id)", amount: payout.amount, code: "payout-paid")
                    : .void(id: "payout:\(payout.id):rejected", pending: "payout:\(payout.id)", code: "payout-rejected"))
                changes.append(.guarded(SQL(
                    "UPDATE payouts SET status = ?, reason = ?, updated_at = ? WHERE id = ? AND status = 'submitted' RETURNING id",
                    bind: status, reason, now.millisecondsSince1970, payout.id), conflict: "payout \(payout.id) was settled meanwhile"))
            }
            let unsettled = payouts.count - changes.count
            if unsettled == 0 {
                changes.append(.write(SQL("UPDATE payout_batches SET status = 'settled' WHERE id = ?", bind: batchID)))
            }
            do {
                try await store.transact { reader in
                    return (try await LedgerService.booking(requests, in: reader, at: now) + changes, ())
                }
                settled += requests.count
            } catch StoreError.conflict {
                continue
            }
        }
        return settled
    }

    public func accounts() async throws -> [String: PayoutAccount] {
        let rows = try await store.read(SQL("SELECT * FROM merchant_payout_accounts"))
        return Dictionary(uniqueKeysWithValues: try rows.map { row in
            let id = try row.text("merchant_id")
            return (id, PayoutAccount(merchantID: id, holder: try row.text("holder"), iban: try row.optionalText("iban").map { try IBAN($0) },
                                      accountNumber: try row.optionalText("account_number"), bic: try row.text("bic"),
                                      commissionBasisPoints: try row.integer("commission_bps")))
        })
    }

    public func payouts(of merchantID: String) async throws -> [PayoutView] {
        try await Self.payouts(of: [merchantID], in: store)[merchantID] ?? []
    }

    /// Each merchant's payouts, newest first, in one query; needs no bank, so a partner bank's
    /// view of all its merchants reads them too.
    static func payouts(of merchantIDs: [String], in store: any Store) async throws -> [String: [PayoutView]] {
        guard !merchantIDs.isEmpty else { return [:] }
        let rows = try await store.read(SQL(
            "SELECT * FROM payouts WHERE merchant_id IN (\(SQL.placeholders(merchantIDs.count))) ORDER BY created_at DESC, id",
            merchantIDs.map { $0.sqlValue }))
        return Dictionary(grouping: try rows.map(PayoutService.view), by: \.merchantID)
    }

    public func batches() async throws -> [(id: String, currency: String, date: String, controlSum: Money, status: String)] {
        try await store.read(SQL("SELECT * FROM payout_batches ORDER BY created_at DESC, id")).map { row in
            let currency = try Currency(code: try row.text("currency"))
            return (try row.text("id"), currency.code, try row.text("execution_date"),
                    Money(minorUnits: try row.integer("control_sum_minor"), currency: currency), try row.text("status"))
        }
    }

    public func file(ofBatch id: String) async throws -> String? {
        try await store.read(SQL("SELECT file FROM payout_batches WHERE id = ?", bind: id)).first?.text("file")
    }

    static func view(_ row: Row) throws -> PayoutView {
        PayoutView(id: try row.text("id"), batchID: try row.text("batch_id"), merchantID: try row.text("merchant_id"),
                   amount: Money(minorUnits: try row.integer("amount_minor"), currency: try Currency(code: try row.text("currency"))),
                   status: try row.text("status"), reason: try row.text("reason"),
                   createdAt: Date(millisecondsSince1970: try row.integer("created_at")))
    }
}
