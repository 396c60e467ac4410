import Commerce
import Foundation

/// The merchant's product form: its fields as a `ProductDraft`, and a draft as the form's values.
/// SKU rows are `skus[i].…`; a row whose id is empty is left out, so the form always offers one
/// more row to add a variant.
enum CatalogueForm {
    static let skuFields = ["id", "variantEn", "variantZh", "price", "weightGrams", "stock", "netContent"]

    /// The draft the form describes, or the fields that are not even numbers.
    static func draft(from form: [String: String], id: String) -> (draft: ProductDraft, errors: [String: LocalizedText]) {
        var errors: [String: LocalizedText] = [:]
        func text(_ name: String) -> String { (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func number(_ name: String) -> Int64 {
            guard let value = Int64(text(name)) else { errors[name] = CatalogueWords.wholeNumber; return 0 }
            return value
        }
        var skus: [ProductDraft.SKUDraft] = []
        for index in 0...ProductDraft.maxSKUs {
            let prefix = "skus[\(index)]."
            guard !text(prefix + "id").isEmpty else { continue }
            let content = text(prefix + "netContent")
            skus.append(ProductDraft.SKUDraft(id: text(prefix + "id"), variantEn: text(prefix + "variantEn"), variantZh: text(prefix + "variantZh"),
                                              price: text(prefix + "price"), weightGrams: number(prefix + "weightGrams"),
                                              stock: number(prefix + "stock"), netContent: content.isEmpty ? nil : content))
        }
        let ships = form["shipsToChina"] == "on"
        let draft = ProductDraft(
            id: id, nameEn: text("nameEn"), nameZh: text("nameZh"), descriptionEn: text("descriptionEn"), descriptionZh: text("descriptionZh"),
            category: text("category"), brand: text("brand"), hsCode: text("hsCode"), originCountry: text("originCountry").uppercased(),
            shipsToChina: ships, noShipReasonEn: ships ? nil : text("noShipReasonEn"), noShipReasonZh: ships ? nil : text("noShipReasonZh"),
            artwork: form["artwork"].flatMap { $0.isEmpty ? nil : $0 }, skus: skus)
        return (draft, errors)
    }

    /// The form's values for `draft`, its SKUs in rows from 0.
    static func values(_ draft: ProductDraft) -> [String: String] {
        var values: [String: String] = [
            "id": draft.id, "nameEn": draft.nameEn, "nameZh": draft.nameZh, "descriptionEn": draft.descriptionEn,
            "descriptionZh": draft.descriptionZh, "category": draft.category, "brand": draft.brand, "hsCode": draft.hsCode,
            "originCountry": draft.originCountry, "shipsToChina": draft.shipsToChina ? "on" : "", "noShipReasonEn": draft.noShipReasonEn ?? "",
            "noShipReasonZh": draft.noShipReasonZh ?? "", "artwork": draft.artwork ?? "",
        ]
        for (index, sku) in draft.skus.enumerated() {
            let row = [sku.id, sku.variantEn, sku.variantZh, sku.price, String(sku.weightGrams), String(sku.stock), sku.netContent ?? ""]
            for (field, value) in zip(skuFields, row) { values["skus[\(index)].\(field)"] = value }
        }
        return values
    }

    /// The input a refusal of `field` belongs beside: "name" is said at the English name, as the
    /// first of the pair it covers.
    static func input(for field: String) -> String {
        switch field {
        case "name", "description", "noShipReason": return field + "En"
        default:
            if let match = field.wholeMatch(of: /(skus\[\d+\]\.)variant/) { return match.1 + "variantEn" }
            return field
        }
    }
}
