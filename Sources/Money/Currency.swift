/// An ISO 4217 currency. `exponent` is the number of minor-unit digits: 2 for CNY (fen),
/// 0 for JPY and KRW, 3 for BHD.
public struct Currency: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let code: String
    public let numeric: Int
    public let exponent: Int
    public let name: String

    public var description: String { code }

    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.code < rhs.code }

    /// The currency with this alphabetic code (case-sensitive, as ISO 4217 writes it).
    public init(code: String) throws(MoneyError) {
        guard let known = Currency.byCode[code] else { throw .unknownCurrency(code) }
        self = known
    }

    init(_ code: String, _ numeric: Int, _ exponent: Int, _ name: String) {
        self.code = code
        self.numeric = numeric
        self.exponent = exponent
        self.name = name
    }
}

extension Currency {
    public static let CNY = Currency("CNY", 156, 2, "Yuan Renminbi")
    public static let USD = Currency("USD", 840, 2, "US Dollar")
    public static let EUR = Currency("EUR", 978, 2, "Euro")
    public static let GBP = Currency("GBP", 826, 2, "Pound Sterling")
    public static let JPY = Currency("JPY", 392, 0, "Yen")
    public static let KRW = Currency("KRW", 410, 0, "Won")
    public static let CHF = Currency("CHF", 756, 2, "Swiss Franc")
    public static let BHD = Currency("BHD", 48, 3, "Bahraini Dinar")

    /// ISO 4217 list one, as in Reference/currencies.json (a test keeps the two equal).
    public static let all: [Currency] = [
        .CNY, .USD, .EUR, .GBP, .JPY, .KRW, .CHF,
        Currency("HKD", 344, 2, "Hong Kong Dollar"),
        Currency("AUD", 36, 2, "Australian Dollar"),
        Currency("CAD", 124, 2, "Canadian Dollar"),
        Currency("SGD", 702, 2, "Singapore Dollar"),
        Currency("NZD", 554, 2, "New Zealand Dollar"),
        Currency("SEK", 752, 2, "Swedish Krona"),
        Currency("DKK", 208, 2, "Danish Krone"),
        Currency("NOK", 578, 2, "Norwegian Krone"),
        Currency("THB", 764, 2, "Baht"),
        Currency("TWD", 901, 2, "New Taiwan Dollar"),
        Currency("MYR", 458, 2, "Malaysian Ringgit"),
        Currency("RUB", 643, 2, "Russian Ruble"),
        Currency("BRL", 986, 2, "Brazilian Real"),
        Currency("INR", 356, 2, "Indian Rupee"),
        Currency("VND", 704, 0, "Dong"),
        Currency("CLP", 152, 0, "Chilean Peso"),
        Currency("ISK", 352, 0, "Iceland Krona"),
        .BHD,
        Currency("KWD", 414, 3, "Kuwaiti Dinar"),
        Currency("JOD", 400, 3, "Jordanian Dinar"),
        Currency("OMR", 512, 3, "Rial Omani"),
        Currency("TND", 788, 3, "Tunisian Dinar"),
    ]

    static let byCode: [String: Currency] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })
}
