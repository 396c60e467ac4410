import Foundation

/// Where an order stands, in the direct-mail flow of cross-border retail: the three records
/// are declared once it is paid, the parcel flies from the merchant's country, customs clears
/// it on arrival, and the last mile delivers it. Every change goes through `OrderStatus.move`,
/// is recorded with its time and actor, and an impossible one is refused.
public enum OrderStatus: String, Sendable, CaseIterable, Codable {
    case created, paid, declared, shipped, cleared, delivered, completed, cancelled, refunded

    /// The states an order may move to from this one.
    public var next: Set<OrderStatus> {
        switch self {
        case .created: return [.paid, .cancelled]
        case .paid: return [.declared, .refunded]
        case .declared: return [.shipped, .refunded]
        case .shipped: return [.cleared, .refunded]
        case .cleared: return [.delivered, .refunded]
        case .delivered: return [.completed, .refunded]
        case .completed: return [.refunded]
        case .cancelled, .refunded: return []
        }
    }

    /// Stock stays reserved while the goods are still in the merchant's warehouse; it is used
    /// up when the parcel ships, and released when the order ends without shipping.
    public var holdsStock: Bool { [.created, .paid, .declared].contains(self) }
}

/// Everything one move of an order does, decided in one place for every path that moves an
/// order (payment, declaration, the hub, a partner's report, the buyer, ops): its event, what
/// becomes of the stock its lines reserved, and whether its import allowance is given back.
public struct OrderMove: Sendable, Equatable {
    public enum Stock: Sendable, Equatable {
        /// Still reserved (or already gone).
        case kept
        /// The goods left the warehouse: the reservation comes off the stock on hand.
        case consumed
        /// The order ended without shipping: the reservation is given back.
        case released
    }

    public let event: OrderEvent
    public let stock: Stock
    /// The goods do not come in (cancelled, or refunded before customs released them), or they
    /// went back within the return window: they stop counting against the buyer's annual limit
    /// (customs.json, limit_rules). Goods released and kept count, whatever money is refunded.
    public let givesBackAllowance: Bool
}

/// Who moved an order: the buyer, a merchant, the platform's own rules, or a partner.
public struct OrderActor: Sendable, Hashable, CustomStringConvertible {
    public let kind: String
    public let id: String

    public init(kind: String, id: String) {
        self.kind = kind
        self.id = id
    }

    public static func buyer(_ id: String) -> OrderActor { OrderActor(kind: "buyer", id: id) }
    public static let system = OrderActor(kind: "system", id: "platform")
    public var description: String { "\(kind):\(id)" }
}

/// One recorded change of state.
public struct OrderEvent: Sendable, Hashable {
    public let from: OrderStatus?
    public let to: OrderStatus
    public let actor: OrderActor
    public let at: Date
    public let note: String

    public init(from: OrderStatus?, to: OrderStatus, actor: OrderActor, at: Date, note: String) {
        self.from = from
        self.to = to
        self.actor = actor
        self.at = at
        self.note = note
    }
}

public enum OrderError: Error, Equatable, Sendable, CustomStringConvertible {
    case impossibleTransition(from: OrderStatus, to: OrderStatus)

    public var description: String {
        switch self {
        case .impossibleTransition(let from, let to):
            return "an order that is \(from.rawValue) cannot become \(to.rawValue)"
        }
    }
}

extension OrderStatus {
    /// `returned`: a refund for goods sent back within the return window (`ReturnRules`).
    public func move(to target: OrderStatus, by actor: OrderActor, at now: Date, note: String = "", returned: Bool = false) throws(OrderError)
        -> OrderMove {
        guard next.contains(target) else { throw .impossibleTransition(from: self, to: target) }
        let stock: OrderMove.Stock = !holdsStock || target.holdsStock ? .kept : target == .shipped ? .consumed : .released
        let goodsStayed = ReturnRules.returnable.contains(self) && !returned
        return OrderMove(event: OrderEvent(from: self, to: target, actor: actor, at: now, note: note), stock: stock,
                         givesBackAllowance: target == .cancelled || (target == .refunded && !goodsStayed))
    }
}
