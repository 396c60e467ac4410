/// A partner's webhook carries the time it was signed, as whole seconds since 1970 in text we
/// did not choose. It is accepted within `window` seconds of now either way, so that a captured
/// request cannot be replayed later.
public enum WebhookTimestamp {
    public static let window: Int64 = 300

    public enum Verdict: Sendable, Equatable {
        case fresh
        /// Further from now than the window, by this many seconds (Int64.max when the distance
        /// does not fit).
        case stale(seconds: Int64)
        /// Not a whole number of seconds.
        case malformed
    }

    /// Checked arithmetic throughout: a timestamp at either end of Int64 is stale, never a trap.
    public static func judge(_ text: String, nowSeconds: Int64) -> Verdict {
        guard let seconds = Int64(text) else { return .malformed }
        let (skew, overflow) = nowSeconds.subtractingReportingOverflow(seconds)
        if overflow { return .stale(seconds: .max) }
        return skew.magnitude <= UInt64(window) ? .fresh : .stale(seconds: Int64(clamping: skew.magnitude))
    }
}
