import Commerce

/// What the merchant's catalogue pages say, in English and Chinese.
enum CatalogueWords {
    static let title = LocalizedText(en: "Catalogue", zh: "商品管理")
    static let new = LocalizedText(en: "New product", zh: "新建商品")
    static let edit = LocalizedText(en: "Edit product", zh: "编辑商品")
    static let save = LocalizedText(en: "Save", zh: "保存")
    static let saved = LocalizedText(en: "Saved.", zh: "已保存。")
    static let refused = LocalizedText(en: "Not saved: put right what is marked and save again.", zh: "未保存：请修正标出的内容后再次保存。")
    static let onSale = LocalizedText(en: "On sale", zh: "在售")
    static let notToChina = LocalizedText(en: "Not shipped to China", zh: "不发往中国")
    static let withdrawnBrand = LocalizedText(en: "Off sale: the brand authorisation lapsed", zh: "已下架：品牌授权已失效")
    static let withdrawnCounterfeit = LocalizedText(en: "Off sale: taken down as counterfeit", zh: "已下架：因涉嫌假冒被下架")
    static let stock = LocalizedText(en: "Stock", zh: "库存")
    static let price = LocalizedText(en: "Price", zh: "价格")
    static let none = LocalizedText(en: "No products yet.", zh: "暂无商品。")
    static let skus = LocalizedText(en: "Variants (SKUs): leave a row's id empty to leave it out", zh: "规格（SKU）：编号留空的行不保存")
    static let photo = LocalizedText(en: "Photo", zh: "商品图片")
    static let photoHelp = LocalizedText(
        en: "A JPEG or PNG at least 400 px on its shorter side: the page makes the tile and page sizes from it and sends both.",
        zh: "JPEG 或 PNG，短边至少 400 像素：页面会据此生成列表图和详情图并一并上传。")
    static let upload = LocalizedText(en: "Upload", zh: "上传")
    static let wholeNumber = LocalizedText(en: "A whole number.", zh: "应为整数。")

    static let fields: [String: LocalizedText] = [
        "id": LocalizedText(en: "Product id (letters, digits, dashes)", zh: "商品编号（字母、数字、连字符）"),
        "nameEn": LocalizedText(en: "Name in English", zh: "英文名称"),
        "nameZh": LocalizedText(en: "Name in Chinese", zh: "中文名称"),
        "descriptionEn": LocalizedText(en: "Description in English", zh: "英文描述"),
        "descriptionZh": LocalizedText(en: "Description in Chinese", zh: "中文描述"),
        "category": LocalizedText(en: "Category", zh: "类目"),
        "brand": LocalizedText(en: "Brand (无品牌 for none)", zh: "品牌（无品牌请填“无品牌”）"),
        "hsCode": LocalizedText(en: "HS code (6 to 10 digits)", zh: "HS 编码（6 至 10 位数字）"),
        "originCountry": LocalizedText(en: "Country of origin (ISO code)", zh: "原产国（ISO 代码）"),
        "shipsToChina": LocalizedText(en: "Ships to China", zh: "发往中国"),
        "noShipReasonEn": LocalizedText(en: "Why not, in English", zh: "不发货原因（英文）"),
        "noShipReasonZh": LocalizedText(en: "Why not, in Chinese", zh: "不发货原因（中文）"),
        "skus.id": LocalizedText(en: "SKU id", zh: "SKU 编号"),
        "skus.variantEn": LocalizedText(en: "Variant (English)", zh: "规格（英文）"),
        "skus.variantZh": LocalizedText(en: "Variant (Chinese)", zh: "规格（中文）"),
        "skus.price": LocalizedText(en: "Price", zh: "价格"),
        "skus.weightGrams": LocalizedText(en: "Weight, g", zh: "重量（克）"),
        "skus.stock": LocalizedText(en: "Stock", zh: "库存"),
        "skus.netContent": LocalizedText(en: "Net content (50 ml)", zh: "净含量（如 50 ml）"),
    ]

    static func field(_ name: String) -> LocalizedText {
        fields[name.replacing(/\[\d+\]/, with: "")] ?? LocalizedText(en: name, zh: name)
    }

    static func photo(_ problem: PhotoProblem) -> LocalizedText {
        switch problem {
        case .document, .notAPhoto: return LocalizedText(en: "Not a JPEG or PNG photo.", zh: "不是 JPEG 或 PNG 图片。")
        case .tooLarge(let limit): return LocalizedText(en: "At most \(limit / 1000) KB.", zh: "不超过 \(limit / 1000) KB。")
        case .tooWide(let side): return LocalizedText(en: "At most \(side) px on its longer side.", zh: "长边不超过 \(side) 像素。")
        case .tooSmall(let side): return LocalizedText(en: "At least \(side) px on its shorter side.", zh: "短边至少 \(side) 像素。")
        case .unreadable: return LocalizedText(en: "Its size cannot be read: save it again as JPEG or PNG.", zh: "无法读取图片尺寸，请另存为 JPEG 或 PNG 后重试。")
        }
    }
}
