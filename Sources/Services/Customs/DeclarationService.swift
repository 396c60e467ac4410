import Commerce
import Foundation
import Money
import Storage

/// A parcel's declaration as ops and the buyer see it: personal data masked.
public struct DeclarationView: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case submitted, inspection, released, rejected
    }

    public let orderID: String
    public let status: Status
    public let reason: String
    /// The three records with names, identity numbers and phone numbers masked.
    public let records: Declaration
    /// What customs' matching finds, with personal values masked.
    public let mismatches: [DeclarationMismatch]
    public let submittedAt: Date
    public let updatedAt: Date
}

/// Declaring parcels to customs: the platform's order record, the payment company's payment
/// record and the logistics company's waybill, built from what the order, the buyer's identity
/// and the payment say, stored sealed, and sent through the customs gateway. Paid orders of
/// pre-approved (verified) buyers are declared by the background round as soon as they are
/// paid; others once the buyer's identity is verified. Customs' results are applied once each
/// and only forward; a rejected parcel is refunded in full, tax included.
public struct DeclarationService: Sendable {
    let store: any Store
    let cipher: FieldCipher
    let gateway: any CustomsGateway
    let refunds: RefundService

    /// The platform's, and the sandbox payment and logistics companies', customs registrations.
    public static let platformCode = "4403960CBX"
    public static let logisticsCode = "4403980CBL"

    public init(store: any Store, cipher: FieldCipher, gateway: any CustomsGateway, refunds: RefundService) {
        self.store = store
        self.cipher = cipher
        self.gateway = gateway
        self.refunds = refunds
    }

    /// Declares every paid order of a verified buyer not yet declared and sends the new
    /// declarations straight on, then sends again any the gateway has not taken (a crash, a
    /// refusal); returns how many went out. An order or a declaration that fails is recorded
    /// (`WorkFailures`) and tried again next round, until it is parked for ops; the others go on.
    @discardableResult
    public func declareDue(at now: Date) async throws -> Int {
        let failures = WorkFailures(store: store)
        let knownDeclaring = try await failures.known(Self.declaring)
        let due = try await store.read(SQL(
            """
            SELECT o.id FROM orders o JOIN buyer_identities b ON b.consumer_id = o.consumer_id
            WHERE o.status = 'paid' AND b.status = 'verified' AND NOT EXISTS (SELECT 1 FROM declarations d WHERE d.order_id = o.id)
                AND NOT EXISTS (SELECT 1 FROM risk_holds h WHERE h.order_id = o.id AND h.released_at IS NULL)
            ORDER BY o.created_at LIMIT ?
            """, bind: ConcurrentRound.limit)).map { try $0.text("id") }.filter { knownDeclaring[$0] != true }
        let leases = WorkLeases(store: store)
        let mine = try await leases.claim(Self.declaring, due, at: now)
        var done: [String] = []
        var failed: [(item: String, error: any Error)] = []
        var fresh: [(orderID: String, declaration: Declaration)] = []
        for start in stride(from: 0, to: mine.count, by: Self.chunk) {
            let (outcome, declared) = await declaring(Array(mine[start..<min(mine.count, start + Self.chunk)]), at: now)
            done += outcome.done
            failed += outcome.failures
            fresh += declared
        }
        try await settle(ConcurrentRound.Outcome(done: done, failures: failed), as: Self.declaring, known: knownDeclaring, name: { $0 }, at: now)
        try await leases.release(Self.declaring, mine, at: now)
        // The new ones as built, without opening and decoding them again; then the leftovers.
        let knownSending = try await failures.known(Self.sending)
        var sent = try await send(fresh, known: knownSending, leases: leases, at: now)
        let tried = Set(fresh.map(\.orderID))
        var unreadable: [(item: String, error: any Error)] = []
        var unsent: [(orderID: String, declaration: Declaration)] = []
        for row in try await store.read(SQL("SELECT order_id, records_sealed FROM declarations WHERE sent_at IS NULL ORDER BY submitted_at LIMIT ?",
                                            bind: ConcurrentRound.limit)) {
            let orderID = try row.text("order_id")
            // Parked ones wait for ops; one this round just tried waits for the next round.
            guard knownSending[orderID] != true, !tried.contains(orderID) else { continue }
            do {
                unsent.append((orderID, try JSONDecoder().decode(Declaration.self, from: Data(try cipher.open(try row.text("records_sealed")).utf8))))
            } catch {
                unreadable.append((orderID, error))
            }
        }
        try await settle(ConcurrentRound.Outcome(done: [], failures: unreadable), as: Self.sending, known: knownSending, name: { $0 }, at: now)
        sent += try await send(unsent, known: knownSending, leases: leases, at: now)
        return sent
    }

    /// Sends declarations to the gateway a chunk at a time, those this process holds the lease
    /// of, and marks them sent; a chunk the gateway refuses fails together. Returns how many went.
    private func send(_ declarations: [(orderID: String, declaration: Declaration)], known: [String: Bool], leases: WorkLeases,
                      at now: Date) async throws -> Int {
        let wanted = declarations.filter { known[$0.orderID] != true }
        let claimed = Set(try await leases.claim(Self.sending, wanted.map(\.orderID), at: now))
        let mine = wanted.filter { claimed.contains($0.orderID) }
        var done: [(orderID: String, declaration: Declaration)] = []
        var failures: [(item: (orderID: String, declaration: Declaration), error: any Error)] = []
        for start in stride(from: 0, to: mine.count, by: Self.chunk) {
            let batch = Array(mine[start..<min(mine.count, start + Self.chunk)])
            do {
                try await gateway.submit(batch.map(\.declaration), at: now)
                done += batch
            } catch {
                failures += batch.map { ($0, error) }
            }
        }
        // One statement for the round, not a write per declaration (a fifth of the customs
        // rounds' units of work at 150 orders/s, `bench checkout --rate 150`). A crash before it
        // sends these again next round, and the gateway takes a declaration once.
        if !done.isEmpty {
            try await store.apply([.write(SQL("UPDATE declarations SET sent_at = ? WHERE order_id IN (\(SQL.placeholders(done.count)))",
                                              [.integer(now.millisecondsSince1970)] + done.map { .text($0.orderID) }))])
        }
        try await settle(ConcurrentRound.Outcome(done: done, failures: failures), as: Self.sending, known: known, name: \.orderID, at: now)
        try await leases.release(Self.sending, Array(claimed), at: now)
        return done.count
    }

    /// What failures of declaring an order, and of sending its declaration, are recorded under.
    static let declaring = "customs-declaration"
    static let sending = "customs-send"

    /// Records every failure of a round and forgets the past failures of items that now worked.
    private func settle<Item: Sendable>(_ round: ConcurrentRound.Outcome<Item>, as work: String, known: [String: Bool],
                                        name: (Item) -> String, at now: Date) async throws {
        let failures = WorkFailures(store: store)
        for (item, error) in round.failures { await failures.failed(work, item: name(item), error, at: now) }
        for item in round.done where known[name(item)] != nil { try await failures.succeeded(work, item: name(item)) }
    }

    /// Orders declared together: read in a few queries for all of them, and written in one
    /// transaction, each order in a savepoint of its own (`Store.applyEach`), so that one order
    /// moved meanwhile sinks only itself. One order at a time, the round declared about two
    /// hundred orders a second while checkout took six hundred and fifty (`bench checkout`).
    static let chunk = 250
    /// Orders built between yields: a chunk's records are some tens of milliseconds of CPU on
    /// the threads that also answer requests, and built in one go they held buy now's answers
    /// up (p99 408 ms at 650 orders/s, `bench checkout --rate 650`).
    static let yieldEvery = 16

    /// Declares `orderIDs`: builds each one's three records and stores them, moving the order
    /// to `declared`. Returns the orders done, with their declarations to send, and each
    /// failure with its order; an order that is no longer paid, or that another process
    /// declared or moved meanwhile, is neither.
    func declaring(_ orderIDs: [String], at now: Date) async
        -> (outcome: ConcurrentRound.Outcome<String>, declared: [(orderID: String, declaration: Declaration)]) {
        var units: [(orderID: String, changes: [Change], declaration: Declaration)] = []
        var failures: [(item: String, error: any Error)] = []
        do {
            let records = try await records(of: orderIDs)
            let views = Dictionary(try await OrderService(store: store).orders(orderIDs).map { ($0.id, $0) }) { first, _ in first }
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            for (index, orderID) in orderIDs.enumerated() {
                if index % Self.yieldEvery == Self.yieldEvery - 1 { await Task.yield() }
                do {
                    guard let view = views[orderID], let built = records[orderID] else { throw OrderService.OrderNotFound(id: orderID) }
                    let (declaration, masked) = try built.get()
                    var changes = try OrderService.moving(view.state, through: [.declared], by: OrderActor(kind: "platform", id: "customs-declaration"),
                                                          at: now, note: "declared to customs: order, payment and waybill records")
                    changes.append(.guarded(SQL(
                        """
                        INSERT INTO declarations (order_id, status, records_sealed, records_masked, submitted_at, updated_at)
                        VALUES (?, 'submitted', ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING RETURNING order_id
                        """,
                        bind: orderID, try cipher.seal(String(decoding: try encoder.encode(declaration), as: UTF8.self)),
                        String(decoding: try encoder.encode(masked), as: UTF8.self), now.millisecondsSince1970, now.millisecondsSince1970),
                        conflict: "order \(orderID) was declared meanwhile"))
                    units.append((orderID, changes, declaration))
                } catch is OrderError {
                    continue  // no longer paid: refunded or moved on since the round listed it
                } catch {
                    failures.append((orderID, error))
                }
            }
            let outcomes = try await store.applyEach(units.map(\.changes))
            var declared: [(orderID: String, declaration: Declaration)] = []
            for (unit, outcome) in zip(units, outcomes) {
                switch outcome {
                case nil: declared.append((unit.orderID, unit.declaration))
                case StoreError.conflict?: break  // declared by another process, or the order moved meanwhile
                case let error?: failures.append((unit.orderID, error))
                }
            }
            return (.init(done: declared.map(\.orderID), failures: failures), declared)
        } catch {
            // The reads or the transaction failed: nothing of these orders was written.
            return (.init(done: [], failures: orderIDs.map { ($0, error) }), [])
        }
    }

    /// The three records of an order, and the same with personal data masked.
    func records(of orderID: String) async throws -> (Declaration, Declaration) {
        guard let built = try await records(of: [orderID])[orderID] else { throw OrderService.OrderNotFound(id: orderID) }
        return try built.get()
    }

    /// The records of many orders from three queries, each order's own outcome: an order that
    /// is not paid, or whose data cannot be read, fails alone. Orders that do not exist are absent.
    func records(of orderIDs: [String]) async throws -> [String: Result<(Declaration, Declaration), any Error>] {
        guard !orderIDs.isEmpty else { return [:] }
        let placeholders = SQL.placeholders(orderIDs.count)
        let orders = try await store.read(SQL(
            """
            SELECT o.*, b.name_sealed, b.name_masked, b.id_sealed, b.id_masked, b.mobile_sealed AS buyer_mobile_sealed,
                b.mobile_masked AS buyer_mobile_masked,
                (SELECT CAST(COALESCE(SUM(s.weight_grams * l.quantity), 0) AS BIGINT) FROM order_lines l JOIN skus s ON s.id = l.sku_id
                 WHERE l.order_id = o.id) AS weight
            FROM orders o JOIN buyer_identities b ON b.consumer_id = o.consumer_id WHERE o.id IN (\(placeholders))
            """, orderIDs.map { $0.sqlValue }))
        let groups = Array(Set(try orders.map { try $0.text("group_id") }))
        let payments = groups.isEmpty ? [] : try await store.read(SQL(
            "SELECT * FROM payments WHERE group_id IN (\(SQL.placeholders(groups.count))) AND status = 'succeeded'", groups.map { $0.sqlValue }))
        let paymentByGroup = Dictionary(try payments.map { (try $0.text("group_id"), try PaymentRecords.view($0)) }) { first, _ in first }
        let lines = try await store.read(SQL(
            "SELECT * FROM order_lines WHERE order_id IN (\(placeholders)) ORDER BY order_id, line_no", orderIDs.map { $0.sqlValue }))
        let linesByOrder = Dictionary(grouping: lines) { (try? $0.text("order_id")) ?? "" }
        var built: [String: Result<(Declaration, Declaration), any Error>] = [:]
        for (index, order) in orders.enumerated() {
            if index % Self.yieldEvery == Self.yieldEvery - 1 { await Task.yield() }
            let orderID = try order.text("id")
            built[orderID] = Result {
                guard let payment = paymentByGroup[try order.text("group_id")] else { throw RefundError.notPaid(orderID: orderID) }
                return try records(order, payment: payment, lines: linesByOrder[orderID] ?? [])
            }
        }
        return built
    }

    /// One order's records from its row (joined with the buyer's identity), its payment and its lines.
    private func records(_ order: Row, payment: PaymentView, lines: [Row]) throws -> (Declaration, Declaration) {
        let orderID = try order.text("id")
        let district = [try order.text("province"), try order.text("city"), try order.text("district")].joined()
        let address = district + (try cipher.open(try order.text("street_sealed")))
        let recipient = try cipher.open(try order.text("recipient_sealed"))
        let description = try lines.map { "\(try $0.text("name_zh")) × \(try $0.integer("quantity"))" }.joined(separator: "; ")
        func build(name: String, idNumber: String, buyerPhone: String, consignee: String, consigneePhone: String, address: String) throws
            -> Declaration {
            Declaration(
                order: OrderRecord(
                    orderNo: orderID, ebpCode: Self.platformCode, ebcCode: try order.text("merchant_id"),
                    goodsValueFen: try order.integer("goods_cny"), freightFen: try order.integer("freight_cny"),
                    taxTotalFen: try order.integer("tax_cny"), actualPaidFen: try order.integer("total_cny"), buyerName: name,
                    buyerIdNumber: idNumber, buyerTelephone: buyerPhone, consignee: consignee, consigneeTelephone: consigneePhone,
                    consigneeAddress: address,
                    lines: try lines.map { line in
                        OrderRecord.Line(itemNo: try line.text("sku_id"), itemName: try line.text("name_zh"), hsCode: try line.text("hs_code"),
                                         quantity: try line.integer("quantity"), totalPriceFen: try line.integer("goods_cny"))
                    }),
                payment: PaymentRecord(
                    payCode: payment.channel, payTransactionId: payment.reference ?? payment.id, orderNo: orderID, payerName: name,
                    payerIdNumber: idNumber, amountPaidFen: try order.integer("total_cny"), paidAt: payment.updatedAt),
                waybill: WaybillRecord(
                    logisticsCode: Self.logisticsCode, logisticsNo: "CBL" + orderID.dropFirst(2).prefix(12).uppercased(), orderNo: orderID,
                    consignee: consignee, consigneeTelephone: consigneePhone, consigneeAddress: address,
                    weightGrams: try order.integer("weight"), goodsDescription: description))
        }
        let real = try build(name: try cipher.open(try order.text("name_sealed")), idNumber: try cipher.open(try order.text("id_sealed")),
                             buyerPhone: try cipher.open(try order.text("buyer_mobile_sealed")), consignee: recipient,
                             consigneePhone: try cipher.open(try order.text("mobile_sealed")), address: address)
        let masked = try build(name: try order.text("name_masked"), idNumber: try order.text("id_masked"),
                               buyerPhone: try order.text("buyer_mobile_masked"), consignee: IdentityService.maskedName(recipient),
                               consigneePhone: try order.text("mobile_masked"), address: district + "****")
        return (real, masked)
    }

    /// Applies one result from customs. A result already received, or one that would move a
    /// settled declaration (released or rejected) again, changes nothing. Returns whether it applied.
    @discardableResult
    public func receive(_ result: CustomsResult, at now: Date) async throws -> Bool {
        let applied: Bool = try await store.transact { reader in
            let seen = try await reader.read(SQL("SELECT event_id FROM declaration_results WHERE event_id = ?", bind: result.eventID))
            guard seen.isEmpty else { return ([], false) }
            guard let row = try await reader.read(SQL("SELECT status FROM declarations WHERE order_id = ?", bind: result.orderNo)).first else {
                return ([], false)
            }
            let status = try row.text("status")
            let applies = status == "submitted" || (status == "inspection" && result.result != .inspection)
            var changes: [Change] = [.guarded(SQL(
                """
                INSERT INTO declaration_results (event_id, order_id, result, reason, applied, at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING RETURNING event_id
                """,
                bind: result.eventID, result.orderNo, result.result.rawValue, result.reason, applies ? 1 : 0, now.millisecondsSince1970),
                conflict: "result \(result.eventID) was received meanwhile")]
            guard applies else { return (changes, false) }
            changes.append(.guarded(SQL(
                "UPDATE declarations SET status = ?, reason = ?, updated_at = ? WHERE order_id = ? AND status = ? RETURNING order_id",
                bind: result.result.rawValue, result.reason, now.millisecondsSince1970, result.orderNo, status),
                conflict: "the declaration of \(result.orderNo) changed meanwhile"))
            if result.result == .inspection {
                changes.append(NoticeRecords.queued(.heldByCustoms, orderID: result.orderNo, detail: result.reason, at: now))
            }
            // A release clears nothing yet: in the direct-mail flow the parcel is still abroad,
            // and the order is cleared when customs releases the parcel itself on arrival
            // (`LastMileService.presentArrived`, through `Tracking.orderMoves`).
            return (changes, true)
        }
        if applied && result.result == .rejected {
            try await refunds.refundRest(of: result.orderNo, reason: "rejected by customs: \(result.reason)", requestedBy: "customs:gateway",
                                         refundID: "r-customs-\(result.orderNo)", at: now)
        }
        return applied
    }

    /// Collects customs' results through the gateway and applies them.
    @discardableResult
    public func collectResults(at now: Date) async throws -> Int {
        try await gateway.deliverResults(at: now) { result in
            do { _ = try await receive(result, at: now) } catch {
                // Customs sends it again; until it applies, ops see why.
                await WorkFailures(store: store).failed("customs-result", item: result.eventID, error, at: now)
                throw error
            }
        }
    }

    // MARK: reading

    public func declaration(of orderID: String) async throws -> DeclarationView? {
        try await views(SQL("SELECT * FROM declarations WHERE order_id = ?", bind: orderID)).first
    }

    public func declarations(status: DeclarationView.Status?, limit: Int = 200, offset: Int = 0) async throws -> [DeclarationView] {
        if let status {
            return try await views(SQL("SELECT * FROM declarations WHERE status = ? ORDER BY updated_at DESC, order_id LIMIT ? OFFSET ?",
                                       bind: status.rawValue, limit, offset))
        }
        return try await views(SQL("SELECT * FROM declarations ORDER BY updated_at DESC, order_id LIMIT ? OFFSET ?", bind: limit, offset))
    }

    private func views(_ sql: SQL) async throws -> [DeclarationView] {
        try await store.read(sql).map { row in
            let day = Day(beijing: Date(millisecondsSince1970: try row.integer("submitted_at")))
            let real = try JSONDecoder().decode(Declaration.self, from: Data(try cipher.open(try row.text("records_sealed")).utf8))
            let masked = try JSONDecoder().decode(Declaration.self, from: Data(try row.text("records_masked").utf8))
            let mismatches = DeclarationMatching.mismatches(real, on: day)
            return DeclarationView(
                orderID: try row.text("order_id"), status: DeclarationView.Status(rawValue: try row.text("status")) ?? .submitted,
                reason: try row.text("reason"), records: masked,
                mismatches: mismatches.map { Self.masking($0, with: masked) },
                submittedAt: Date(millisecondsSince1970: try row.integer("submitted_at")),
                updatedAt: Date(millisecondsSince1970: try row.integer("updated_at")))
        }
    }

    /// A mismatch on a personal field shows the masked values; the rest show as they are.
    static func masking(_ mismatch: DeclarationMismatch, with masked: Declaration) -> DeclarationMismatch {
        let personal: [String: (String, String)] = [
            "payment.payerIdNumber": (masked.order.buyerIdNumber, masked.payment.payerIdNumber),
            "payment.payerName": (masked.order.buyerName, masked.payment.payerName),
            "waybill.consignee": (masked.order.consignee, masked.waybill.consignee),
            "waybill.consigneeTelephone": (masked.order.consigneeTelephone, masked.waybill.consigneeTelephone),
        ]
        guard let values = personal[mismatch.field] else { return mismatch }
        return DeclarationMismatch(rule: mismatch.rule, field: mismatch.field, orderValue: values.0, otherValue: values.1)
    }
}
