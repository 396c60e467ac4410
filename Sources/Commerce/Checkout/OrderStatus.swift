import Foundation

/// Where an order stands. Every change goes through `OrderStatus.transition`, is recorded with
/// its time and actor, and an impossible one is refused.
public enum OrderStatus: String, Sendable, CaseIterable, Codable {
    case created, paid, declared, cleared, shipped, delivered, completed, cancelled, refunded

    /// The states an order may move to from this one.
    public var next: Set<OrderStatus> {
        switch self {
        case .created: return [.paid, .cancelled]
        case .paid: return [.declared, .refunded]
        case .declared: return [.cleared, .refunded]
        case .cleared: return [.shipped, .refunded]
        case .shipped: return [.delivered, .refunded]
        case .delivered: return [.completed, .refunded]
        case .completed: return [.refunded]
        case .cancelled, .refunded: return []
        }
    }

    /// Stock stays reserved while the order may still ship; it is released when the order ends
    /// without shipping.
    public var holdsStock: Bool { [.created, .paid, .declared, .cleared].contains(self) }
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
    public func transition(to target: OrderStatus, by actor: OrderActor, at now: Date, note: String = "") throws(OrderError) -> OrderEvent {
        guard next.contains(target) else { throw .impossibleTransition(from: self, to: target) }
        return OrderEvent(from: self, to: target, actor: actor, at: now, note: note)
    }
}
