import Money

/// Most-favoured-nation import tariff rates by HS prefix, for goods taxed as general trade
/// (a single indivisible item above the per-transaction limit). The reference carries no
/// tariff schedule, so the platform ships none: an operator configures the lines its merchants
/// sell, and a parcel whose line has no configured rate is refused rather than under-taxed.
public struct GeneralTradeTariffs: Sendable, Hashable {
    public let rates: [String: ExactDecimal]

    public init(_ rates: [String: ExactDecimal]) {
        self.rates = rates
    }

    public static let none = GeneralTradeTariffs([:])

    /// The rate of the longest prefix of `hsCode` that has one.
    public func rate(hsCode: String) -> ExactDecimal? {
        stride(from: hsCode.count, through: 2, by: -1).lazy.compactMap { rates[String(hsCode.prefix($0))] }.first
    }
}
