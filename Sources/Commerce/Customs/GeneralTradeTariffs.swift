import Money

/// Most-favoured-nation import tariff rates by HS prefix, for goods taxed as general trade (a
/// single indivisible item above the per-transaction limit). The reference carries no tariff
/// schedule; `standard` ships the lines of the goods the platform's demo stores sell, each with
/// its source, and an operator adds the lines its merchants sell. A parcel whose line has no
/// rate is refused rather than under-taxed.
public struct GeneralTradeTariffs: Sendable, Hashable {
    /// One tariff line: the rate in force and where it is published.
    public struct Line: Sendable, Hashable {
        public let prefix: String
        public let rate: ExactDecimal
        public let description: String
        public let source: String

        public init(prefix: String, rate: ExactDecimal, description: String, source: String) {
            self.prefix = prefix
            self.rate = rate
            self.description = description
            self.source = source
        }
    }

    public let lines: [String: Line]

    public init(_ lines: [Line]) {
        self.lines = Dictionary(lines.map { ($0.prefix, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Rates without sources, for an operator's own configuration and for tests.
    public init(_ rates: [String: ExactDecimal]) {
        self.init(rates.map { Line(prefix: $0.key, rate: $0.value, description: "", source: "configured by the operator") })
    }

    public static let none = GeneralTradeTariffs([Line]())

    /// The MFN column of the Customs Tariff of the People's Republic of China (中华人民共和国
    /// 进出口税则), for the wrist-watches without a precious-metal case that the demo's Swiss
    /// store sells (every one of them above the per-transaction limit).
    public static let standard = GeneralTradeTariffs([
        Line(prefix: "910211", rate: ExactDecimal(mantissa: 10, scale: 2),
             description: "wrist-watches, electrically operated, mechanical display only",
             source: "Customs Tariff of the PRC 2024, MFN rate of 9102.1100"),
        Line(prefix: "910221", rate: ExactDecimal(mantissa: 11, scale: 2),
             description: "mechanical wrist-watches, automatic winding",
             source: "Customs Tariff of the PRC 2025, MFN rate of 9102.2100.90"),
        Line(prefix: "910229", rate: ExactDecimal(mantissa: 10, scale: 2),
             description: "mechanical wrist-watches, not automatic winding",
             source: "Customs Tariff of the PRC 2024, MFN rate of 9102.2900.90"),
    ])

    /// The line of the longest prefix of `hsCode` that has one.
    public func line(hsCode: String) -> Line? {
        stride(from: hsCode.count, through: 2, by: -1).lazy.compactMap { lines[String(hsCode.prefix($0))] }.first
    }

    public func rate(hsCode: String) -> ExactDecimal? { line(hsCode: hsCode)?.rate }
}
