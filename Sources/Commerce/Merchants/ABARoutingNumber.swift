/// A US bank's ABA routing transit number: nine digits, the first two a Federal Reserve
/// routing symbol, the last a check digit — 3, 7 and 1 times the digits in turn add up to a
/// multiple of ten (ABA, "Routing Number Policy and Procedures"; Federal Reserve, E-Payments
/// Routing Directory).
public struct ABARoutingNumber: Sendable, Hashable {
    public let value: String

    /// The first two digits in use: 00 the US Government, 01–12 the Federal Reserve districts,
    /// 21–32 thrift institutions, 61–72 electronic transactions, 80 traveller's cheques.
    static let prefixes: [ClosedRange<Int>] = [0...12, 21...32, 61...72, 80...80]

    public init(_ text: String) throws(IdentifierProblem) {
        guard let digits = CheckDigits.digits(of: text, count: 9) else {
            throw IdentifierProblem(.routingNumber, .shape)
        }
        let prefix = digits[0] * 10 + digits[1]
        guard Self.prefixes.contains(where: { $0.contains(prefix) }) else {
            throw IdentifierProblem(.routingNumber, .unknownPrefix)
        }
        guard CheckDigits.weighted(digits, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 == 0 else {
            throw IdentifierProblem(.routingNumber, .checkDigit)
        }
        value = digits.map(String.init).joined()
    }
}
