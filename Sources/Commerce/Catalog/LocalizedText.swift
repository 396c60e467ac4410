import Money

/// Text the platform shows in both of its languages.
public struct LocalizedText: Sendable, Hashable {
    public let en: String
    public let zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .en: return en
        case .zhCN: return zh
        }
    }
}
