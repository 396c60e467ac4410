import Money

/// What a channel can take: which currencies and up to what amount.
public struct ChannelProfile: Sendable, Hashable {
    public let name: String
    public let currencies: Set<Currency>
    public let maxAmount: Int64

    public init(name: String, currencies: Set<Currency>, maxAmount: Int64) {
        self.name = name
        self.currencies = currencies
        self.maxAmount = maxAmount
    }
}

public enum RoutingError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownChannel(String)
    case noChannel(amount: Money)

    public var description: String {
        switch self {
        case .unknownChannel(let name): return "there is no payment channel '\(name)'"
        case .noChannel(let amount): return "no payment channel can take \(amount.decimalText) \(amount.currency.code) right now"
        }
    }
}

/// Which channels to try for a payment, in order. A channel that cannot take the currency or
/// the amount is left out; the buyer's choice comes first; channels whose recent calls failed
/// go last, so that traffic falls back to a healthy one but a sick channel is still tried
/// when nothing else can take the payment.
public enum PaymentRouting {
    public static func candidates(
        for amount: Money, preferred: String?, channels: [ChannelProfile], unhealthy: Set<String>
    ) throws(RoutingError) -> [String] {
        if let preferred, !channels.contains(where: { $0.name == preferred }) { throw .unknownChannel(preferred) }
        let eligible = channels.filter { $0.currencies.contains(amount.currency) && amount.minorUnits <= $0.maxAmount }
        guard !eligible.isEmpty else { throw .noChannel(amount: amount) }
        let ranked = eligible.enumerated().sorted { a, b in
            let rank = { (entry: (offset: Int, element: ChannelProfile)) in
                (unhealthy.contains(entry.element.name) ? 2 : 0) + (entry.element.name == preferred ? 0 : 1)
            }
            return (rank(a), a.offset) < (rank(b), b.offset)
        }
        return ranked.map(\.element.name)
    }
}
