import Foundation

/// After-sales returns of cross-border retail goods (customs.json, limit_rules): goods sent back
/// within 30 days of their customs release get their tax refunded and the buyer's annual
/// allowance restored. A return can be asked for once the parcel is released and until the
/// window closes; the goods must be back (received at the hub) by the same day.
public enum ReturnRules {
    /// How long after customs release goods may come back, by the day the release happened.
    public static let windows: [CustomsRules.Dated<Int>] = [
        CustomsRules.Dated(from: Day(2016, 4, 8), to: nil, value: 30,
                           source: "customs.json limit_rules: goods returned within 30 days of customs release: tax refunded, allowance restored"),
    ]

    /// The statuses whose goods have been released by customs and may be sent back.
    public static let returnable: Set<OrderStatus> = [.cleared, .delivered, .completed]

    /// The last moment goods released at `releasedAt` may come back.
    public static func deadline(releasedAt: Date) throws(ReturnRefusal) -> Date {
        guard let days = windows.first(where: { $0.covers(Day(beijing: releasedAt)) })?.value else { throw .noRuleOn(Day(beijing: releasedAt)) }
        return releasedAt.addingTimeInterval(TimeInterval(days) * 86_400)
    }

    /// Whether an order in `status`, released at `releasedAt`, may be returned at `now`; its deadline.
    public static func check(status: OrderStatus, releasedAt: Date?, at now: Date) throws(ReturnRefusal) -> Date {
        guard returnable.contains(status), let releasedAt else { throw .notReleased(status: status) }
        let deadline = try deadline(releasedAt: releasedAt)
        guard now <= deadline else { throw .windowClosed(deadline: deadline) }
        return deadline
    }
}

/// Why a return is refused, with what the buyer needs to know.
public enum ReturnRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    case notReleased(status: OrderStatus)
    case windowClosed(deadline: Date)
    case alreadyAsked
    case settled
    case noRuleOn(Day)

    public var description: String {
        switch self {
        case .notReleased(let status):
            return "an order is returned after customs released it; this one is \(status.rawValue) (cancel or refund it instead)"
        case .windowClosed(let deadline): return "the 30 days for a return ended at \(deadline.ISO8601Format())"
        case .alreadyAsked: return "a return of this order is already under way"
        case .settled: return "this return was settled already"
        case .noRuleOn(let day): return "no return rule covers \(day)"
        }
    }
}
