import Commerce

/// The words of brand authorisations and counterfeit reports in both languages: their fields and
/// what each rule expects, for the API's problems and the pages.
enum BrandWords {
    static let fields: [String: LocalizedText] = [
        "brand": LocalizedText(en: "Brand", zh: "品牌"),
        "kind": LocalizedText(en: "Kind of authorisation", zh: "授权类型"),
        "owner": LocalizedText(en: "Brand owner", zh: "品牌所有人"),
        "office": LocalizedText(en: "Trademark office", zh: "商标局"),
        "registrationNumber": LocalizedText(en: "Registration number", zh: "注册号"),
        "classes": LocalizedText(en: "Nice classes", zh: "尼斯分类类别"),
        "validFrom": LocalizedText(en: "Valid from", zh: "有效期起"),
        "validUntil": LocalizedText(en: "Valid until", zh: "有效期至"),
        "productId": LocalizedText(en: "Product", zh: "商品"),
        "reason": LocalizedText(en: "What makes you think it is counterfeit", zh: "您认为是假冒商品的理由"),
        "reporterName": LocalizedText(en: "Your company", zh: "贵公司名称"),
        "email": LocalizedText(en: "E-mail for our answer", zh: "接收答复的电子邮箱"),
    ]

    static func field(_ path: String) -> LocalizedText {
        fields[path] ?? fields[path.replacing(/\[\d+\]/, with: "")] ?? LocalizedText(en: path, zh: path)
    }

    static func problem(_ reason: BrandProblem.Reason) -> LocalizedText {
        switch reason {
        case .required: LocalizedText(en: "Needed.", zh: "必须填写。")
        case .tooLong(let limit) where limit == BrandRules.longestYears:
            LocalizedText(en: "At most \(limit) years: a registration is renewed every ten years.", zh: "最长 \(limit) 年：商标注册每十年续展一次。")
        case .tooLong(let limit): LocalizedText(en: "At most \(limit) characters.", zh: "最多 \(limit) 个字符。")
        case .characters: LocalizedText(en: "Has control characters or line breaks.", zh: "含有控制字符或换行。")
        case .unknownKind: LocalizedText(en: "Either owner-letter or trademark.", zh: "应为品牌方授权书（owner-letter）或商标注册证（trademark）。")
        case .unknownOffice: LocalizedText(en: "EUIPO, WIPO or a country's code (US, GB, KR …) for its national office.",
                                           zh: "应为 EUIPO、WIPO 或国家代码（US、GB、KR 等）代表该国商标局。")
        case .registrationNumber: LocalizedText(en: "1 to 20 letters and digits, with single /, -, . or spaces between.",
                                                zh: "1 至 20 位字母和数字，中间可用单个 /、-、. 或空格分隔。")
        case .niceClass: LocalizedText(en: "A Nice class is a number from 1 to 45.", zh: "尼斯分类类别为 1 至 45 的数字。")
        case .duplicate: LocalizedText(en: "Listed twice.", zh: "重复列出。")
        case .day: LocalizedText(en: "A day written YYYY-MM-DD.", zh: "日期格式应为 YYYY-MM-DD。")
        case .endsBeforeStart: LocalizedText(en: "Ends before it begins.", zh: "结束日期早于开始日期。")
        case .expired: LocalizedText(en: "Already over: file the current one.", zh: "已过期：请提交现行有效的文件。")
        case .unbranded: LocalizedText(en: "Goods with no brand need no authorisation.", zh: "无品牌商品无需授权。")
        case .email: LocalizedText(en: "Not an e-mail address.", zh: "不是有效的电子邮箱地址。")
        }
    }
}
