import Commerce
import Foundation
import Ledger
import Money
import Storage

/// Tourist VAT refunds: the store issues a tax-free form for an eligible till payment, the
/// traveller takes the refund into the wallet at once (the operator owes it until the export is
/// validated) or when the validation arrives; a refused validation, or none by the deadline,
/// claws an instant refund back, in full, once. Every move is decided by the pure rules
/// (`TaxFree`, `TaxFreeRefund`) and booked in one transaction with the form's new state.
public struct TaxFreeService: Sendable {
    let store: any Store
    let rates: RateService
    let gateway: any ExportValidationGateway

    public init(store: any Store, rates: RateService, gateway: any ExportValidationGateway) {
        self.store = store
        self.rates = rates
        self.gateway = gateway
    }

    public static func formID(covering paymentIDs: [String]) -> String {
        "tf-" + Secrets.digest(Array(paymentIDs.sorted().joined(separator: " ").utf8)).prefix(20)
    }

    /// The traveller's proven country of residence: an ePass identity that the check verified is
    /// a resident identity card of mainland China.
    static func residence(of consumerID: String, in store: any Store) async throws -> String? {
        let rows = try await store.read(SQL("SELECT status FROM buyer_identities WHERE consumer_id = ?", bind: consumerID))
        return try rows.first.map { try $0.text("status") } == BuyerIdentity.Status.verified.rawValue ? "CN" : nil
    }

    // MARK: the store issues the form

    public func issueForm(for paymentID: String, merchantID: String, at now: Date) async throws -> (changes: [Change], form: TaxFreeFormView) {
        guard let payment = try await TravelRecords.payments("id = ? AND merchant_id = ?", [paymentID.sqlValue, merchantID.sqlValue], in: store).first
        else { throw TravelError.unknownPayment(paymentID) }
        guard let shop = try await TravelRecords.shops("s.id = ?", [payment.shopID.sqlValue], in: store).first else {
            throw TravelError.unknownShop(payment.shopID)
        }
        guard let country = TaxFreeRules.country(shop.country) else { throw TaxFreeRefusal.countryNotInScheme(shop.country) }
        let others = try await TravelRecords.payments("consumer_id = ? AND shop_id = ? AND id <> ?",
                                                      [payment.consumerID.sqlValue, shop.id.sqlValue, paymentID.sqlValue], in: store)
        let draft = try TaxFree.issue(for: payment.sale, sameStore: others.map(\.sale),
                                      residence: try await Self.residence(of: payment.consumerID, in: store), in: country)
        let quote = try TaxFreeRefund.quote(vat: draft.vat, gross: draft.gross, country: country.code, day: draft.purchaseDay)
        let id = Self.formID(covering: draft.paymentIDs)
        let changes: [Change] = [
            .guarded(SQL(
                """
                INSERT INTO tax_free_forms (id, consumer_id, shop_id, merchant_id, country, currency, purchase_day, gross_minor, vat_rate, vat_minor,
                    fee_minor, refund_minor, refund_status, status, deadline_day, deadline_at, validation, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'issued', ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING id
                """, bind: id, payment.consumerID, shop.id, merchantID, country.code, country.currency.code, draft.purchaseDay.description,
                draft.gross.minorUnits, draft.vatRate.description, draft.vat.minorUnits, quote.fee.minorUnits, quote.refund.minorUnits,
                TaxFreeRefundStatus.awaitingValidation.rawValue, draft.deadlineDay.description, draft.deadline.millisecondsSince1970,
                draft.validation, now.millisecondsSince1970), conflict: "form \(id) exists"),
            .guarded(SQL(
                "UPDATE till_payments SET form_id = ? WHERE id IN (\(SQL.placeholders(draft.paymentIDs.count))) AND form_id IS NULL RETURNING id",
                [id.sqlValue] + draft.paymentIDs.map { $0.sqlValue }),
                rows: draft.paymentIDs.count, conflict: "a payment of the form was put on another form meanwhile"),
        ]
        let form = TaxFreeFormView(
            id: id, consumerID: payment.consumerID, shopID: shop.id, merchantID: merchantID, country: country.code,
            purchaseDay: draft.purchaseDay.description, gross: draft.gross, vatRate: draft.vatRate.description, vat: draft.vat, fee: quote.fee,
            refund: quote.refund, refundCNY: nil, refundRate: nil, refundStatus: .awaitingValidation, status: .issued,
            deadlineDay: draft.deadlineDay.description, deadline: draft.deadline, validation: draft.validation, createdAt: now, closedAt: nil,
            closeReason: nil, paymentIDs: draft.paymentIDs)
        return (changes, form)
    }

    // MARK: the traveller takes the refund now

    public func instantRefund(_ formID: String, for consumer: Consumer, at now: Date) async throws -> (changes: [Change], form: TaxFreeFormView) {
        guard let form = try await form(formID), form.consumerID == consumer.id else { throw TravelError.unknownForm(formID) }
        guard form.status == .issued, form.refundStatus == .awaitingValidation else {
            throw TaxFreeRefundError.notRefundable(status: form.status, refund: form.refundStatus)
        }
        guard form.refund.minorUnits > 0 else { throw TaxFreeRefundError.notRefundable(status: form.status, refund: .none) }
        if let country = TaxFreeRules.country(form.country), let caps = country.caps(on: try Self.day(form.purchaseDay)) {
            // A trip: the purchases refunded at once whose goods have not yet left.
            let trip = try await store.read(SQL(
                """
                SELECT CAST(COALESCE(SUM(gross_minor), 0) AS BIGINT) AS trip FROM tax_free_forms
                WHERE consumer_id = ? AND country = ? AND status = 'issued' AND refund_status = 'instant'
                """, bind: consumer.id, form.country)).first.map { try $0.integer("trip") } ?? 0
            try TaxFreeRefund.checkInstant(gross: form.gross, trip: Money(minorUnits: trip, currency: form.gross.currency), caps: caps)
        }
        let (cny, rate) = try await refundInCNY(form, at: now)
        try await LedgerService(store: store).open(WalletBooking.accounts(consumerID: consumer.id, channel: nil, currency: form.refund.currency,
                                                                          merchantID: nil), at: now)
        var changes = try await LedgerService.booking(WalletBooking.instantRefund(formID: formID, consumerID: consumer.id, refund: form.refund, cny: cny),
                                                    in: store, at: now)
        changes.append(.guarded(SQL(
            """
            UPDATE tax_free_forms SET refund_status = 'instant', refund_cny = ?, refund_rate = ?
            WHERE id = ? AND status = 'issued' AND refund_status = 'awaiting-validation' RETURNING id
            """, bind: cny.minorUnits, rate, formID), conflict: "form \(formID) moved meanwhile"))
        return (changes, form.with(refundStatus: .instant, cny: cny, rate: rate))
    }

    /// The form's refund in CNY at the rate of the moment, and that rate.
    func refundInCNY(_ form: TaxFreeFormView, at now: Date) async throws -> (cny: Money, rate: String) {
        let rate = try await rates.book().rate(from: form.refund.currency, to: .CNY, at: now)
        return (try rate.convert(form.refund).converted, rate.rate.description)
    }

    /// The same service reading and deciding inside a transaction.
    func on(_ reader: any Store) -> TaxFreeService {
        TaxFreeService(store: reader, rates: rates, gateway: gateway)
    }

    // MARK: validations and the deadline

    /// A validation result, from the sandbox systems or relayed by ops: kept once by its event id;
    /// returns whether it moved the form. An unknown form is refused and nothing is kept.
    @discardableResult
    public func receive(_ result: ExportValidationResult, at now: Date) async throws -> Bool {
        try await store.transact { reader in
            let service = on(reader)
            guard let form = try await service.form(result.formID) else {
                throw TravelError.unknownForm(result.formID)
            }
            let known = try await reader.read(SQL("SELECT 1 AS seen FROM export_validations WHERE event_id = ?", bind: result.eventID))
            guard known.isEmpty else { return ([], false) }
            let move = TaxFreeRefund.receive(validated: result.validated, exportedAt: result.exportedAt, status: form.status,
                                             refund: form.refundStatus, deadline: form.deadline)
            var changes = [Change.write(SQL(
                "INSERT INTO export_validations (event_id, form_id, validated, exported_at, received_at, effect) VALUES (?, ?, ?, ?, ?, ?)",
                bind: result.eventID, result.formID, result.validated, result.exportedAt.millisecondsSince1970, now.millisecondsSince1970,
                move.summary))]
            changes += try await service.applying(move, to: form, at: now)
            return (changes, move.moves)
        }
    }

    /// Expires every form still issued whose deadline has passed; returns how many.
    @discardableResult
    public func expireDue(at now: Date) async throws -> Int {
        let due = try await TravelRecords.forms("status = 'issued' AND deadline_at <= ?", [now.millisecondsSince1970.sqlValue], in: store)
        return try await WorkFailures(store: store).round("tax-free-expiry", due, named: \.id, at: now) { form in
            try await store.transact { reader in
                let service = on(reader)
                guard let current = try await service.form(form.id) else { return ([], false) }
                let move = TaxFreeRefund.expire(status: current.status, refund: current.refundStatus, deadline: current.deadline, now: now)
                return (try await service.applying(move, to: current, at: now), move.moves)
            }
        }
    }

    /// The changes `move` makes to `form`: its status (guarded by the one read), and the money.
    func applying(_ move: TaxFreeMove, to form: TaxFreeFormView, at now: Date) async throws -> [Change] {
        let guardClause = "WHERE id = ? AND status = 'issued' AND refund_status = ? RETURNING id"
        let conflict = "form \(form.id) moved meanwhile"
        switch move {
        case .nothing:
            return []
        case .validated(let payNow):
            let paid = payNow ? try await refundInCNY(form, at: now) : nil
            try await LedgerService(store: store).open(WalletBooking.accounts(consumerID: form.consumerID, channel: nil,
                                                                              currency: form.refund.currency, merchantID: nil), at: now)
            var changes: [Change] = []
            if form.refund.minorUnits > 0 {
                changes += try await LedgerService.booking(
                    WalletBooking.validated(formID: form.id, consumerID: form.consumerID, refund: form.refund, payNow: paid?.cny), in: store, at: now)
            }
            changes.append(.guarded(SQL(
                "UPDATE tax_free_forms SET status = 'validated', refund_status = ?, refund_cny = COALESCE(?, refund_cny), refund_rate = COALESCE(?, refund_rate), closed_at = ? \(guardClause)",
                bind: TaxFreeRefund.refundStatus(after: move, was: form.refundStatus).rawValue, paid?.cny.minorUnits, paid?.rate,
                now.millisecondsSince1970, form.id, form.refundStatus.rawValue),
                conflict: conflict))
            return changes
        case .closed(let status, let clawBack, let reason):
            var changes: [Change] = []
            if clawBack, let cny = form.refundCNY {
                let available = try await WalletService.wallet(of: form.consumerID, in: store).balance
                changes += try await LedgerService.booking(
                    try WalletBooking.clawBack(formID: form.id, consumerID: form.consumerID, refund: form.refund, cny: cny, available: available),
                    in: store, at: now)
            }
            changes.append(.guarded(SQL(
                "UPDATE tax_free_forms SET status = ?, refund_status = ?, closed_at = ?, close_reason = ? \(guardClause)",
                bind: status.rawValue, TaxFreeRefund.refundStatus(after: move, was: form.refundStatus).rawValue, now.millisecondsSince1970, reason,
                form.id, form.refundStatus.rawValue), conflict: conflict))
            return changes
        }
    }

    /// One background round: forms registered with their country's system, the results that
    /// arrived applied, and forms past their deadline expired.
    public func round(at now: Date) async throws {
        let unsent = try await TravelRecords.forms("status = 'issued' AND submitted_at IS NULL", [], in: store)
        _ = try await WorkFailures(store: store).round("tax-free-registration", unsent, named: \.id, at: now) { form in
            try await gateway.register(formID: form.id, country: form.country, system: form.validation, gross: form.gross,
                                       deadline: form.deadline, at: now)
            try await store.apply([.write(SQL("UPDATE tax_free_forms SET submitted_at = ? WHERE id = ?", bind: now.millisecondsSince1970, form.id))])
            return true
        }
        let arrived = try await gateway.arrived(at: now)
        for result in arrived {
            do {
                try await receive(result, at: now)
            } catch TravelError.unknownForm {
                continue  // a system's result for a form it never had from us: nothing to move
            }
        }
        try await gateway.taken(arrived, at: now)
        try await expireDue(at: now)
    }

    // MARK: reading

    public func form(_ id: String) async throws -> TaxFreeFormView? {
        try await TravelRecords.forms("id = ?", [id.sqlValue], in: store).first
    }

    public func forms(ofConsumer consumerID: String) async throws -> [TaxFreeFormView] {
        try await TravelRecords.forms("consumer_id = ?", [consumerID.sqlValue], in: store)
    }

    public func forms(ofMerchant merchantID: String) async throws -> [TaxFreeFormView] {
        try await TravelRecords.forms("merchant_id = ?", [merchantID.sqlValue], in: store)
    }

    /// Forms for ops, by country and status when given.
    public func forms(country: String?, status: TaxFreeFormStatus?) async throws -> [TaxFreeFormView] {
        var clauses = ["1 = 1"]
        var bindings: [SQLValue] = []
        if let country { clauses.append("country = ?"); bindings.append(country.sqlValue) }
        if let status { clauses.append("status = ?"); bindings.append(status.rawValue.sqlValue) }
        return try await TravelRecords.forms(clauses.joined(separator: " AND "), bindings, in: store)
    }

    /// What the refund operator owes, per currency: the receivables' balances in the ledger.
    public func receivables() async throws -> [Money] {
        let currencies = Set(TaxFreeRules.countries.map(\.currency)).sorted { $0.code < $1.code }
        let balances = try await LedgerService(store: store).balances(of: currencies.map { Books.refundReceivable($0).id })
        return currencies.map { currency in
            Money(minorUnits: balances[Books.refundReceivable(currency).id].map { $0.debitsPosted - $0.creditsPosted } ?? 0, currency: currency)
        }
    }

    static func day(_ text: String) throws -> Day {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { throw StoreError.decoding(column: "purchase_day", expected: "a day") }
        return Day(parts[0], parts[1], parts[2])
    }
}

extension TaxFreeMove {
    var moves: Bool { if case .nothing = self { false } else { true } }

    var summary: String {
        switch self {
        case .nothing(let reason): return "nothing: \(reason)"
        case .validated(let payNow): return payNow ? "validated: refund paid" : "validated: operator's receivable settled"
        case .closed(let status, let clawBack, let reason): return "\(status.rawValue)\(clawBack ? ", refund clawed back" : ""): \(reason)"
        }
    }
}

extension TaxFreeFormView {
    func with(refundStatus: TaxFreeRefundStatus, cny: Money?, rate: String?) -> TaxFreeFormView {
        TaxFreeFormView(
            id: id, consumerID: consumerID, shopID: shopID, merchantID: merchantID, country: country, purchaseDay: purchaseDay, gross: gross,
            vatRate: vatRate, vat: vat, fee: fee, refund: refund, refundCNY: cny, refundRate: rate, refundStatus: refundStatus, status: status,
            deadlineDay: deadlineDay, deadline: deadline, validation: validation, createdAt: createdAt, closedAt: closedAt,
            closeReason: closeReason, paymentIDs: paymentIDs)
    }
}
