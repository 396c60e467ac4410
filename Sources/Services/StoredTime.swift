import Foundation

/// Times are stored and compared as whole milliseconds (or seconds) since 1970. A `Date` made
/// from input can lie anywhere a Double reaches, so the conversions saturate at Int64's ends
/// instead of trapping; every stored time is far inside them.
extension Date {
    public var millisecondsSince1970: Int64 { Self.saturating(timeIntervalSince1970 * 1000) }

    public var secondsSince1970: Int64 { Self.saturating(timeIntervalSince1970.rounded(.down)) }

    public init(millisecondsSince1970 milliseconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
    }

    static func saturating(_ value: Double) -> Int64 {
        guard !value.isNaN else { return 0 }
        // 2^63 is exactly representable; anything at or past it (or at or below -2^63) saturates.
        if value >= 9_223_372_036_854_775_808.0 { return .max }
        if value <= -9_223_372_036_854_775_808.0 { return .min }
        return Int64(value.rounded())
    }
}
