/// The titles of Harmonized System headings (four digits), in English and Chinese, so that a
/// product is found by what it is as customs names it ("nuts", "坚果"), whatever its own
/// name says. Titles shortened from the WCO's HS 2022 nomenclature and the Customs Tariff of
/// the People's Republic of China (2024 edition) for the headings the platform's goods use.
public enum HSHeadings {
    public static let source = "WCO Harmonized System 2022 heading titles; Customs Tariff of the PRC 2024, shortened"

    public static let titles: [String: LocalizedText] = [
        "0801": LocalizedText(en: "coconuts, brazil nuts and cashew nuts", zh: "椰子、巴西果及腰果 坚果"),
        "0802": LocalizedText(en: "other nuts, fresh or dried", zh: "其他坚果 鲜或干"),
        "0813": LocalizedText(en: "dried fruit", zh: "干果 果干"),
        "2008": LocalizedText(en: "fruit, nuts and other edible parts of plants, prepared or preserved", zh: "制作或保藏的水果 坚果"),
        "3303": LocalizedText(en: "perfumes and toilet waters", zh: "香水及花露水"),
        "3304": LocalizedText(en: "beauty, make-up and skin-care preparations", zh: "美容品 化妆品 护肤品"),
        "4202": LocalizedText(en: "trunks, handbags, wallets and similar containers", zh: "箱包 手提包 钱包"),
        "4203": LocalizedText(en: "articles of apparel and clothing accessories of leather", zh: "皮革制衣服及衣着附件 皮带"),
        "6205": LocalizedText(en: "men's or boys' shirts", zh: "男式衬衫"),
        "6403": LocalizedText(en: "footwear with uppers of leather, shoes", zh: "皮革鞋面的鞋靴"),
        "6404": LocalizedText(en: "footwear with uppers of textile materials, shoes", zh: "纺织材料鞋面的鞋靴"),
        "7113": LocalizedText(en: "articles of jewellery", zh: "首饰"),
        "9101": LocalizedText(en: "wrist-watches with cases of precious metal", zh: "贵金属表壳的手表"),
        "9102": LocalizedText(en: "wrist-watches, pocket-watches and other watches", zh: "手表 怀表"),
    ]

    /// The heading's words in both languages, empty for a heading not listed.
    public static func words(for hsCode: String) -> String {
        titles[String(hsCode.prefix(4))].map { "\($0.en) \($0.zh)" } ?? ""
    }
}
