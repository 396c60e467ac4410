import Money

/// The demo dataset: five invented merchants modelled on the platform's first partners — a New
/// York department store, an Italian leather workshop onboarded by its bank, a US warehouse
/// club, a Korean cosmetics brand and a Swiss watchmaker — with their stores and products.
public enum DemoCatalog {
    public struct Entry: Sendable {
        public let merchant: Merchant
        public let storefront: Storefront
        public let products: [Product]
    }

    public static let entries: [Entry] = [hudsonAndVine, bottegaArno, pacificPantry, seoulDew, vallee]

    static let hudsonAndVine = entry(
        merchant: Merchant(id: "m-hudson-vine", name: LocalizedText(en: "Hudson & Vine", zh: "哈德逊与藤百货"),
                           country: "US", currency: .USD, kind: .departmentStore, onboardedBy: nil),
        slug: "hudson-vine",
        tagline: LocalizedText(en: "A New York department store since 1891", zh: "始于1891年的纽约百货公司"),
        products: [
            product("hv-oxford", name: ("Oxford cotton shirt", "牛津纺棉质衬衫"),
                    description: ("Button-down oxford shirt in long-staple cotton.", "长绒棉牛津纺纽扣领衬衫。"),
                    category: "apparel", brand: "Hudson & Vine", hs: "620520", origin: "US", art: (.shirt, "#4a6fa5"),
                    skus: [("S", "S", 5900, 280, 40), ("M", "M", 5900, 300, 60), ("L", "L", 5900, 320, 35)]),
            product("hv-runner", name: ("Canvas court sneakers", "帆布休闲运动鞋"),
                    description: ("Vulcanised canvas sneakers with a cushioned insole.", "硫化工艺帆布鞋，带缓震鞋垫。"),
                    category: "shoes", brand: "Fulton Athletic", hs: "640411", origin: "US", art: (.shoe, "#e8e4d8"),
                    skus: [("US 8", "美码8", 7500, 900, 25), ("US 9", "美码9", 7500, 950, 30), ("US 10", "美码10", 7500, 1000, 18)]),
            product("hv-loafer", name: ("Leather penny loafers", "真皮便士乐福鞋"),
                    description: ("Hand-sewn moccasin loafers in burnished calf leather.", "手工缝制小牛皮乐福鞋。"),
                    category: "shoes", brand: "Hudson & Vine", hs: "640399", origin: "US", art: (.shoe, "#7b3f1d"),
                    skus: [("US 9", "美码9", 18900, 1100, 12), ("US 10", "美码10", 18900, 1150, 9)]),
        ])

    static let bottegaArno = entry(
        merchant: Merchant(id: "m-bottega-arno", name: LocalizedText(en: "Bottega Arno", zh: "阿诺皮具工坊"),
                           country: "IT", currency: .EUR, kind: .workshop, onboardedBy: "Banca del Lungarno"),
        slug: "bottega-arno",
        tagline: LocalizedText(en: "Florentine leather, cut and stitched by hand", zh: "佛罗伦萨手工皮具"),
        products: [
            product("ba-tote", name: ("Vegetable-tanned leather tote", "植鞣皮托特包"),
                    description: ("A roomy tote in Tuscan vegetable-tanned leather.", "托斯卡纳植鞣革大容量托特包。"),
                    category: "bags", brand: "Bottega Arno", hs: "420221", origin: "IT", art: (.bag, "#a0522d"),
                    skus: [("Cognac", "干邑色", 32000, 900, 8), ("Black", "黑色", 32000, 900, 6)]),
            product("ba-wallet", name: ("Bifold wallet", "对折钱包"),
                    description: ("Slim bifold wallet with six card slots.", "六卡位轻薄对折钱包。"),
                    category: "accessories", brand: "Bottega Arno", hs: "420231", origin: "IT", art: (.box, "#5c3317"),
                    skus: [("Brown", "棕色", 8900, 120, 30)]),
            product("ba-belt", name: ("Hand-stitched belt", "手工缝线皮带"),
                    description: ("Full-grain leather belt with a brass buckle.", "头层牛皮黄铜扣皮带。"),
                    category: "accessories", brand: "Bottega Arno", hs: "420330", origin: "IT", art: (.box, "#3b2414"),
                    skus: [("90 cm", "90厘米", 6500, 200, 20), ("100 cm", "100厘米", 6500, 210, 20)]),
        ])

    static let pacificPantry = entry(
        merchant: Merchant(id: "m-pacific-pantry", name: LocalizedText(en: "Pacific Pantry Club", zh: "太平洋食仓会员店"),
                           country: "US", currency: .USD, kind: .warehouseClub, onboardedBy: nil),
        slug: "pacific-pantry",
        tagline: LocalizedText(en: "Warehouse-club bulk packs, shipped from California", zh: "仓储会员店大包装，加州直发"),
        products: [
            product("pp-nuts", name: ("California mixed nuts, 1.13 kg", "加州坚果混合装 1.13千克"),
                    description: ("Almonds, cashews, pecans and pistachios, lightly salted.", "扁桃仁、腰果、碧根果和开心果，微盐烘焙。"),
                    category: "food", brand: "Pacific Pantry", hs: "200819", origin: "US", art: (.jar, "#c68e3f"),
                    skus: [("1 jar", "1罐", 1899, 1250, 500), ("2 jars", "2罐装", 3599, 2500, 200)]),
            product("pp-cranberries", name: ("Dried cranberries, 1.36 kg", "蔓越莓干 1.36千克"),
                    description: ("Sweetened dried cranberries in a resealable bag.", "可重复密封袋装甜蔓越莓干。"),
                    category: "food", brand: "Pacific Pantry", hs: "081340", origin: "US", art: (.bag, "#9b1b30"),
                    skus: [("1 bag", "1袋", 1349, 1400, 400)]),
            product("pp-almonds", name: ("Whole almonds, 1.36 kg", "整粒扁桃仁 1.36千克"),
                    description: ("Unsalted whole almonds from the Central Valley.", "中央谷地无盐整粒扁桃仁。"),
                    category: "food", brand: "Pacific Pantry", hs: "080212", origin: "US", art: (.jar, "#d2a679"),
                    skus: [("1 bag", "1袋", 1599, 1400, 350)]),
        ])

    static let seoulDew = entry(
        merchant: Merchant(id: "m-seoul-dew", name: LocalizedText(en: "Seoul Dew Cosmetics", zh: "首尔晨露化妆品"),
                           country: "KR", currency: .KRW, kind: .brand, onboardedBy: nil),
        slug: "seoul-dew",
        tagline: LocalizedText(en: "Korean skincare from Seongsu-dong", zh: "来自圣水洞的韩国护肤"),
        products: [
            product("sd-serum", name: ("Rice essence serum, 50 ml", "大米精华液 50毫升"),
                    description: ("Fermented rice serum for a brighter complexion.", "发酵大米精华，提亮肤色。"),
                    category: "cosmetics", brand: "Seoul Dew", hs: "330499", origin: "KR", art: (.bottle, "#f3e5ab"),
                    netContent: NetContent(thousandths: 50_000, unit: .milliliters), skus: [("50 ml", "50毫升", 38000, 180, 120)]),
            product("sd-cream", name: ("Green tea moisturiser, 80 ml", "绿茶保湿霜 80毫升"),
                    description: ("A light gel cream with Jeju green tea.", "济州绿茶清爽啫喱面霜。"),
                    category: "cosmetics", brand: "Seoul Dew", hs: "330499", origin: "KR", art: (.jar, "#7fb069"),
                    netContent: NetContent(thousandths: 80_000, unit: .milliliters), skus: [("80 ml", "80毫升", 32000, 220, 150)]),
            product("sd-sunscreen", name: ("Daily sunscreen SPF 50+", "日常防晒霜 SPF50+"),
                    description: ("Lightweight, no white cast.", "轻薄无白痕。"),
                    category: "cosmetics", brand: "Seoul Dew", hs: "330499", origin: "KR", art: (.tube, "#ffd166"),
                    netContent: NetContent(thousandths: 50_000, unit: .milliliters), skus: [("50 ml", "50毫升", 22000, 90, 300)]),
        ])

    static let vallee = entry(
        merchant: Merchant(id: "m-vallee", name: LocalizedText(en: "Horlogerie Vallée", zh: "瓦莱制表"),
                           country: "CH", currency: .CHF, kind: .watchmaker, onboardedBy: nil),
        slug: "horlogerie-vallee",
        tagline: LocalizedText(en: "Mechanical watches from the Vallée de Joux", zh: "来自汝山谷的机械表"),
        products: [
            product("hv-field", name: ("Field watch, steel, 38 mm", "钢制野战表 38毫米"),
                    description: ("Hand-wound field watch on a canvas strap.", "手动上链野战表，帆布表带。"),
                    category: "watches", brand: "Vallée", hs: "910229", origin: "CH", art: (.watch, "#556b2f"),
                    skus: [("Olive strap", "橄榄绿表带", 59000, 150, 15)]),
            product("hv-classic", name: ("Automatic dress watch", "自动机械正装表"),
                    description: ("Automatic movement, sapphire crystal, leather strap.", "自动机芯，蓝宝石镜面，皮表带。"),
                    category: "watches", brand: "Vallée", hs: "910221", origin: "CH", art: (.watch, "#1c2541"),
                    skus: [("Navy dial", "海军蓝表盘", 189000, 160, 5)]),
            product("hv-croc", name: ("Dress watch, crocodile strap", "鳄鱼皮表带正装表"),
                    description: ("The dress watch on a genuine crocodile strap.", "正装表，真鳄鱼皮表带。"),
                    category: "watches", brand: "Vallée", hs: "910221", origin: "CH", art: (.watch, "#2f1b0c"),
                    noShip: LocalizedText(en: "Crocodile leather needs a CITES permit that cross-border retail parcels cannot carry.",
                                          zh: "鳄鱼皮需要CITES许可证，跨境零售包裹无法提供。"),
                    skus: [("Brown strap", "棕色表带", 212000, 170, 3)]),
        ])

    private static func entry(merchant: Merchant, slug: String, tagline: LocalizedText,
                              products: [(String, Currency) -> Product]) -> Entry {
        let storefront = Storefront(id: "s-\(slug)", merchantID: merchant.id, slug: slug, name: merchant.name, tagline: tagline)
        return Entry(merchant: merchant, storefront: storefront,
                     products: products.map { $0(storefront.id, merchant.currency) })
    }

    private typealias Variant = (en: String, zh: String, priceMinor: Int64, grams: Int64, stock: Int64)

    private static func product(
        _ id: String, name: (String, String), description: (String, String), category: String, brand: String,
        hs: String, origin: String, art: (Artwork.Shape, String), noShip: LocalizedText? = nil, netContent: NetContent? = nil,
        skus: [Variant]
    ) -> (String, Currency) -> Product {
        { storefrontID, currency in
            Product(
                id: id, storefrontID: storefrontID,
                name: LocalizedText(en: name.0, zh: name.1),
                description: LocalizedText(en: description.0, zh: description.1),
                category: category, brand: brand, hsCode: hs, originCountry: origin, noShipReason: noShip,
                artwork: Artwork(shape: art.0, color: art.1),
                skus: skus.enumerated().map { index, variant in
                    SKU(id: "\(id)-\(index + 1)", variant: LocalizedText(en: variant.en, zh: variant.zh),
                        price: Money(minorUnits: variant.priceMinor, currency: currency),
                        weightGrams: variant.grams, onHand: variant.stock, netContent: netContent)
                })
        }
    }
}
