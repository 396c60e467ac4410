import Commerce

/// The interface's own words in both languages, by what they say.
enum Words {
    static let siteName = LocalizedText(en: "CrossBorder", zh: "跨境购")
    static let tagline = LocalizedText(
        en: "Overseas stores, priced in yuan, with the whole landed cost shown",
        zh: "海外好店，人民币标价，到手价一目了然")
    static let stores = LocalizedText(en: "Stores", zh: "店铺")
    static let products = LocalizedText(en: "products", zh: "件商品")
    static let from = LocalizedText(en: "from", zh: "起")
    static let pricedIn = LocalizedText(en: "Prices set in", zh: "商家定价币种")
    static let onboardedBy = LocalizedText(en: "Vouched for by", zh: "合作银行担保")
    static let cannotShip = LocalizedText(en: "Cannot ship to China", zh: "无法寄往中国")
    static let ratesAsOf = LocalizedText(en: "Exchange rates as of", zh: "汇率时间")
    static let rateUnavailable = LocalizedText(
        en: "No current exchange rate: shown in the merchant's currency",
        zh: "暂无有效汇率：以商家币种显示")
    static let noStores = LocalizedText(en: "No stores yet.", zh: "暂无店铺。")
    static let language = LocalizedText(en: "Language", zh: "语言")
    static let search = LocalizedText(en: "Search", zh: "搜索")
    static let searchPlaceholder = LocalizedText(en: "Search products, e.g. nuts or 坚果", zh: "搜索商品，例如 坚果 或 nuts")
    static let results = LocalizedText(en: "results", zh: "个结果")
    static let noResults = LocalizedText(en: "Nothing matches. Try other words.", zh: "没有找到相关商品，换个词试试。")
    static let sortBy = LocalizedText(en: "Sort by", zh: "排序")
    static let relevance = LocalizedText(en: "Relevance", zh: "相关度")
    static let priceLowHigh = LocalizedText(en: "Price: low to high", zh: "价格从低到高")
    static let priceHighLow = LocalizedText(en: "Price: high to low", zh: "价格从高到低")
    static let newest = LocalizedText(en: "Newest", zh: "最新")
    static let previous = LocalizedText(en: "Previous", zh: "上一页")
    static let next = LocalizedText(en: "Next", zh: "下一页")
    static let inStock = LocalizedText(en: "in stock", zh: "件有货")
    static let soldOut = LocalizedText(en: "Sold out", zh: "已售罄")
    static let variants = LocalizedText(en: "Options", zh: "规格")
    static let origin = LocalizedText(en: "Made in", zh: "原产地")
    static let brand = LocalizedText(en: "Brand", zh: "品牌")
    static let hsCode = LocalizedText(en: "HS code", zh: "海关编码")
    static let soldBy = LocalizedText(en: "Sold by", zh: "商家")
    static let backHome = LocalizedText(en: "Back to the home page", zh: "返回首页")
    static let footer = LocalizedText(
        en: "CrossBorder is open-source software. Buyer data is encrypted and shown masked.",
        zh: "跨境购是开源软件。买家信息加密存储，脱敏显示。")

    static func country(_ code: String) -> LocalizedText {
        switch code {
        case "US": return LocalizedText(en: "United States", zh: "美国")
        case "IT": return LocalizedText(en: "Italy", zh: "意大利")
        case "KR": return LocalizedText(en: "South Korea", zh: "韩国")
        case "CH": return LocalizedText(en: "Switzerland", zh: "瑞士")
        case "JP": return LocalizedText(en: "Japan", zh: "日本")
        case "GB": return LocalizedText(en: "United Kingdom", zh: "英国")
        case "FR": return LocalizedText(en: "France", zh: "法国")
        case "DE": return LocalizedText(en: "Germany", zh: "德国")
        default: return LocalizedText(en: code, zh: code)
        }
    }
}
