/// The classes of the Nice Classification a trademark is registered in, and which classes a
/// product's goods fall in, found from its customs heading: an authorisation covers a product
/// only when it names the class the product's goods belong to (a cosmetics brand's class-3
/// registration does not cover handbags sold under the same name).
public enum NiceClasses {
    public static let source = "WIPO, Nice Classification, 12th edition, version 2025 (NCL 12-2025), in force 1 January 2025: class headings; HS 2022 chapters and headings matched to them by their titles"

    /// Classes 1–34 are goods, 35–45 services.
    public static let all = 1...45

    /// The goods' classes for HS prefixes (the longest listed prefix of a heading decides). Where
    /// one heading holds goods of two classes, both are listed: either registration covers it.
    static let byHSPrefix: [String: Set<Int>] = [
        "04": [29],          // dairy produce: milk products (class 29)
        "0801": [29, 31],    // nuts: dried and prepared 29, fresh 31
        "0802": [29, 31],
        "0813": [29],        // dried fruit
        "09": [30],          // coffee, tea and spices
        "17": [30],          // sugars and confectionery
        "1702": [30],        // other sugars, syrups (maple syrup: class 30)
        "18": [30],          // cocoa and chocolate
        "19": [30],          // cereal preparations, pastry, infant food on cereal
        "1901": [5, 30],     // infant food: dietetic food for babies (5) or cereal preparations (30)
        "20": [29],          // preparations of fruit and nuts
        "21": [30],          // miscellaneous edible preparations
        "2202": [32],        // non-alcoholic beverages
        "2204": [33],        // wine
        "2208": [33],        // spirits
        "30": [5],           // pharmaceuticals
        "33": [3],           // perfumery, cosmetics, toilet preparations
        "3401": [3],         // soap
        "42": [18],          // leather goods, handbags, travel goods
        "4203": [18, 25],    // apparel and belts of leather: leather goods (18), clothing (25)
        "61": [25],          // apparel, knitted
        "62": [25],          // apparel, not knitted
        "64": [25],          // footwear
        "65": [25],          // headgear
        "71": [14],          // jewellery and precious metals
        "85": [9],           // electrical and electronic apparatus
        "90": [9, 10],       // optical, measuring (9) and medical (10) instruments
        "91": [14],          // clocks and watches
        "95": [28],          // toys, games, sports requisites
    ]

    /// The classes `hsCode`'s goods fall in, empty when no listed prefix matches (then only an
    /// authorisation naming every class could say it covers them, and none is asked to).
    public static func classes(forHSCode hsCode: String) -> Set<Int> {
        for length in stride(from: min(hsCode.count, 6), through: 2, by: -1) {
            if let classes = byHSPrefix[String(hsCode.prefix(length))] { return classes }
        }
        return []
    }
}
