import Foundation
import Money

/// Products from CSV, one row per SKU; rows of one product share its `id` and its product
/// columns (later rows may leave them empty). Every problem names its row and column.
public enum ProductCSV {
    public static let columns = [
        "id", "name_en", "name_zh", "description_en", "description_zh", "category", "brand", "hs_code", "origin_country",
        "ships_to_china", "no_ship_reason_en", "no_ship_reason_zh", "sku_id", "variant_en", "variant_zh", "price",
        "weight_grams", "stock", "net_content",
    ]
    /// Files written before a SKU said what it holds leave out the last column; they still import.
    public static let columnsBeforeNetContent = Array(columns.dropLast())

    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public let row: Int
        public let column: String
        public let message: String
        public var description: String { "row \(row), column \(column): \(message)" }
    }

    /// The drafts, and for each the file rows its SKUs came from (to place later problems).
    public struct Parsed: Sendable {
        public let drafts: [ProductDraft]
        public let rows: [[Int]]

        /// Where a validation problem of draft `index` is in the file.
        public func locate(_ error: CatalogError, draft index: Int) -> Problem {
            let rowsOfDraft = rows[index]
            var field = error.field
            var row = rowsOfDraft.first ?? 1
            if field.hasPrefix("skus["), let close = field.firstIndex(of: "]"),
               let sku = Int(field[field.index(field.startIndex, offsetBy: 5)..<close]), sku < rowsOfDraft.count {
                row = rowsOfDraft[sku]
                field = String(field[field.index(after: close)...]).trimmingCharacters(in: CharacterSet(charactersIn: "."))
                if field == "id" { field = "skuId" }
            }
            return Problem(row: row, column: ProductCSV.column(for: field), message: error.message)
        }
    }

    public static func parse(_ text: String) throws(Problem) -> Parsed {
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch { throw Problem(row: error.line, column: "*", message: error.message) }
        guard table.header == columns || table.header == columnsBeforeNetContent else {
            throw Problem(row: 1, column: "header", message: "expected '\(columns.joined(separator: ","))'")
        }
        guard table.rows.count <= maxRows else {
            throw Problem(row: maxRows + 2, column: "*", message: "an import holds at most \(maxRows) SKU rows")
        }
        // Drafts are grown in place, by index: appending to a copy taken out of a dictionary
        // copied the product's SKUs on every row, and an import took time growing with the
        // square of a product's rows.
        var drafts: [ProductDraft] = []
        var rows: [[Int]] = []
        var index: [String: Int] = [:]
        for row in table.rows {
            let value = Dictionary(uniqueKeysWithValues: zip(table.header, row.fields.map { $0.trimmingCharacters(in: .whitespaces) }))
            let id = value["id"] ?? ""
            guard !id.isEmpty else { throw Problem(row: row.line, column: "id", message: "every row needs its product id") }
            let sku = try skuDraft(value, row: row.line)
            if let at = index[id] {
                try checkAgrees(value, with: drafts[at], row: row.line)
                guard drafts[at].skus.count < ProductDraft.maxSKUs else {
                    throw Problem(row: row.line, column: "sku_id", message: "at most \(ProductDraft.maxSKUs) SKUs per product")
                }
                drafts[at].skus.append(sku)
                rows[at].append(row.line)
            } else {
                index[id] = drafts.count
                drafts.append(try productDraft(value, sku: sku, row: row.line))
                rows.append([row.line])
            }
        }
        return Parsed(drafts: drafts, rows: rows)
    }

    /// The most SKU rows one import takes.
    public static let maxRows = 100_000

    static func productDraft(_ v: [String: String], sku: ProductDraft.SKUDraft, row: Int) throws(Problem) -> ProductDraft {
        ProductDraft(
            id: v["id"] ?? "", nameEn: v["name_en"] ?? "", nameZh: v["name_zh"] ?? "",
            descriptionEn: v["description_en"] ?? "", descriptionZh: v["description_zh"] ?? "",
            category: v["category"] ?? "", brand: v["brand"] ?? "", hsCode: v["hs_code"] ?? "",
            originCountry: v["origin_country"] ?? "", shipsToChina: try flag(v["ships_to_china"] ?? "", row: row),
            noShipReasonEn: v["no_ship_reason_en"].flatMap { $0.isEmpty ? nil : $0 },
            noShipReasonZh: v["no_ship_reason_zh"].flatMap { $0.isEmpty ? nil : $0 }, skus: [sku])
    }

    static func skuDraft(_ v: [String: String], row: Int) throws(Problem) -> ProductDraft.SKUDraft {
        func integer(_ column: String) throws(Problem) -> Int64 {
            guard let number = Int64(v[column] ?? "") else {
                throw Problem(row: row, column: column, message: "'\(v[column] ?? "")' is not a whole number")
            }
            return number
        }
        return ProductDraft.SKUDraft(id: v["sku_id"] ?? "", variantEn: v["variant_en"] ?? "", variantZh: v["variant_zh"] ?? "",
                                     price: v["price"] ?? "", weightGrams: try integer("weight_grams"), stock: try integer("stock"),
                                     netContent: v["net_content"].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// A later row of a product may repeat its product columns or leave them empty, not change them.
    static func checkAgrees(_ v: [String: String], with draft: ProductDraft, row: Int) throws(Problem) {
        let first = try productDraft(v, sku: draft.skus[0], row: row)
        let pairs: [(String, String, String)] = [
            ("name_en", first.nameEn, draft.nameEn), ("name_zh", first.nameZh, draft.nameZh),
            ("category", first.category, draft.category), ("brand", first.brand, draft.brand),
            ("hs_code", first.hsCode, draft.hsCode), ("origin_country", first.originCountry, draft.originCountry),
        ]
        for (column, here, there) in pairs where !here.isEmpty && here != there {
            throw Problem(row: row, column: column, message: "differs from the product's first row")
        }
    }

    static func flag(_ text: String, row: Int) throws(Problem) -> Bool {
        switch text.lowercased() {
        case "true", "yes", "1", "": return true
        case "false", "no", "0": return false
        default: throw Problem(row: row, column: "ships_to_china", message: "'\(text)' is not true or false")
        }
    }

    /// "nameEn" → "name_en", as the CSV spells it.
    static func column(for field: String) -> String {
        var result = ""
        for character in field {
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
        return result
    }
}
