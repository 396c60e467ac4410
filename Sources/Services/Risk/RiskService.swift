import Commerce
import Foundation
import Money
import Storage

/// Where an order comes from, as the request tells it: the first-party device identifier the
/// pages set (or an app sends) and the account the payment names. Both are kept only as
/// fingerprints.
public struct OrderOrigin: Sendable, Equatable {
    public let device: String?
    public let payerAccount: String?

    public init(device: String?, payerAccount: String? = nil) {
        self.device = device
        self.payerAccount = payerAccount
    }

    public static let unknown = OrderOrigin(device: nil)
}

/// A refusal by the risk rules. The buyer is told only that the order cannot be taken and the
/// reference to quote to support; the reason is ops'.
public struct RiskRefusal: Error, Sendable, Equatable {
    public let reference: String
}

/// The risk decision at quote, at placing and at payment, and what it writes with the order:
/// the observation, and for a review the hold (the order waits before its declaration) in its
/// cluster's case.
public struct RiskService: Sendable {
    let store: any Store
    let engine: RiskEngine
    let cipher: FieldCipher

    public init(store: any Store, engine: RiskEngine, cipher: FieldCipher) {
        self.store = store
        self.engine = engine
        self.cipher = cipher
    }

    /// The delivery point's and the phone's keys of an address, as stored with it.
    public static func keys(of address: DeliveryAddress, cipher: FieldCipher) -> (address: String, phone: String) {
        keys(province: address.province, city: address.city, district: address.district, street: address.street, mobile: address.mobile,
             cipher: cipher)
    }

    static func keys(province: String, city: String, district: String, street: String, mobile: String, cipher: FieldCipher)
        -> (address: String, phone: String) {
        let key = RiskAddress.key(province: province, city: city, district: district, street: street, phone: mobile)
        return (cipher.fingerprint("risk-address:" + key), cipher.fingerprint("risk-phone:" + RiskAddress.phone(mobile)))
    }

    /// An order as the signals see it.
    func observation(orderID: String, identity: String, address: BuyerFacts.RiskKeys, origin: OrderOrigin, consumerID: String,
                     merchantID: String, lines: [RiskObservation.Line], value: Money, allowanceUsed: Money, at now: Date) -> RiskObservation {
        RiskObservation(orderID: orderID, at: now.millisecondsSince1970, identity: identity, address: address.address, phone: address.phone,
                        device: origin.device.map { cipher.fingerprint("device:" + $0) },
                        payer: cipher.fingerprint("payer:" + (origin.payerAccount ?? "consumer:" + consumerID)), merchantID: merchantID,
                        lines: lines, value: value.minorUnits, allowanceUsed: allowanceUsed.minorUnits)
    }

    /// Refuses what the rules block (the quote's check); only the refusal is written, in its case.
    func check(_ orders: [RiskObservation], at now: Date) async throws {
        let (rules, _) = try await engine.rules(from: store)
        for order in orders {
            let decision = try await engine.decide(order, on: store)
            if decision.action == .block { try await refuse(order, decision, rules: rules, at: now) }
        }
    }

    /// The decisions for orders being placed, and their writes: each observation, and for a
    /// review its hold in the case of its cluster. Throws the refusal when one is blocked.
    func placing(_ orders: [RiskObservation], at now: Date) async throws -> [Change] {
        var changes: [Change] = []
        let (rules, _) = try await engine.rules(from: store)
        for order in orders {
            let decision = try await engine.decide(order, on: store)
            if decision.action == .block { try await refuse(order, decision, rules: rules, at: now) }
            changes.append(RiskRecords.observing(order))
            guard decision.action == .review else { continue }
            let caseID = self.caseID(for: order)
            let reason = decision.reason(in: rules)
            changes += RiskRecords.opening(caseID, identity: order.identity, reason: reason, at: now.millisecondsSince1970)
            changes.append(RiskRecords.holding(order.orderID, caseID: caseID, reason: reason, at: now.millisecondsSince1970))
            changes.append(RiskRecords.event(caseID, actor: "risk rules", action: "held", note: "\(order.orderID): \(reason)",
                                             at: now.millisecondsSince1970))
            engine.opened(caseID, by: order.identity)
        }
        return changes
    }

    /// The open case of the cluster `order` joins, or a new one named after it.
    private func caseID(for order: RiskObservation) -> String {
        engine.openCase(for: order) ?? "rc-" + Secrets.digest(Array("case \(order.identity) \(order.at)".utf8)).prefix(20)
    }

    /// A blocked order: the whole reason goes to ops, in its cluster's case, committed on its
    /// own (the order itself writes nothing); the buyer is given the case as the reference to quote.
    private func refuse(_ order: RiskObservation, _ decision: RiskDecision, rules: RiskRuleSet, at now: Date) async throws -> Never {
        let caseID = caseID(for: order)
        let reason = decision.reason(in: rules)
        try await store.apply(RiskRecords.opening(caseID, identity: order.identity, reason: reason, at: now.millisecondsSince1970)
            + [RiskRecords.event(caseID, actor: "risk rules", action: "refused", note: "\(order.orderID): \(reason)", at: now.millisecondsSince1970)])
        engine.opened(caseID, by: order.identity)
        throw RiskRefusal(reference: caseID)
    }

    /// Keys for addresses saved before the risk signals existed (their streets and phones are
    /// sealed, so only the program can compute them); returns how many it keyed.
    public func keyOlderAddresses() async throws -> Int {
        let rows = try await store.read(SQL("SELECT id, province, city, district, street_sealed, mobile_sealed FROM addresses WHERE risk_address IS NULL"))
        var changes: [Change] = []
        for row in rows {
            guard let street = try row.optionalText("street_sealed"), let mobile = try row.optionalText("mobile_sealed") else { continue }
            let keys = RiskService.keys(province: try row.text("province"), city: try row.text("city"), district: try row.text("district"),
                                        street: try cipher.open(street), mobile: try cipher.open(mobile), cipher: cipher)
            changes.append(.write(SQL("UPDATE addresses SET risk_address = ?, risk_phone = ? WHERE id = ?", bind: keys.address, keys.phone,
                                      try row.text("id"))))
        }
        if !changes.isEmpty { try await store.apply(changes) }
        return changes.count
    }

    /// After the orders' commit: counted in memory too.
    public func placed(_ orders: [RiskObservation]) {
        engine.observe(orders)
    }

    /// At payment: refuses orders whose identity or device ops blocked since they were placed.
    func checkPayment(identity: String, orderIDs: [String]) async throws {
        guard !orderIDs.isEmpty else { return }
        let devices = try await store.read(SQL("SELECT order_id, device FROM risk_observations WHERE order_id IN (\(SQL.placeholders(orderIDs.count)))",
                                               orderIDs.map { $0.sqlValue }))
        if engine.isBlocked(identity: identity, device: nil) { throw RiskRefusal(reference: orderIDs[0]) }
        for row in devices where engine.isBlocked(identity: identity, device: try row.optionalText("device")) {
            throw RiskRefusal(reference: try row.text("order_id"))
        }
    }
}
