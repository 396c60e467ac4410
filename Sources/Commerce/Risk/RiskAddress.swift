import Foundation
import Money

/// Where parcels go, as the risk signals count it: one address is one building and one
/// recipient phone, however either is written. Rings send many bought identities' parcels to
/// one warehouse and vary the writing (全角 digits, 三号楼 for 3栋, a room number, spaces,
/// +86); an office building's staff share the building but not the phone, so they stay apart.
///
/// The normalisation, in order:
/// 1. compatibility folding (full-width digits and letters become ASCII) and lower case;
/// 2. everything that is not a letter or digit goes (spaces, hyphens, #, commas of both scripts);
/// 3. Chinese numerals become digits (三 → 3, 十二 → 12, 二十 → 20, 一百零八 → 108);
/// 4. the building's word is one word (号楼, 栋, 幢, 座, building, bldg, block) and the street
///    is cut after the first building, or after the street number (…号, no.) when no building
///    is written: units, floors and rooms are not part of the address;
/// 5. the city and district lose their 市, 区, 县 (上海 and 上海市 are one city);
/// 6. the phone keeps its digits, without a leading 86 country code.
public enum RiskAddress {
    public static func key(province: String, city: String, district: String, street: String, phone: String) -> String {
        [plain(province), trimmed(plain(city), suffixes: ["自治州", "地区", "市"]),
         trimmed(plain(district), suffixes: ["新区", "区", "县", "市"]), building(street), self.phone(phone)].joined(separator: "|")
    }

    /// The phone's digits, without a leading +86 or 0086.
    public static func phone(_ text: String) -> String {
        var digits = text.precomposedStringWithCompatibilityMapping.filter(\.isASCIIDigit)
        for prefix in ["0086", "86"] where digits.count == 11 + prefix.count && digits.hasPrefix(prefix) {
            digits.removeFirst(prefix.count)
        }
        return digits
    }

    /// The street up to its building (or its number): what one delivery point is.
    public static func building(_ street: String) -> String {
        // Latin addresses write the building's number after its word (Building 3), Chinese before (3栋).
        var text = latinBuildings(numerals(plain(street)))
        for word in ["号楼", "栋", "幢", "座"] {
            text = text.replacingOccurrences(of: word, with: "栋")
        }
        if let mark = text.firstIndex(of: "栋") { return String(text[...mark]) }
        // No building: the street number ends it (88号, or no88 in Latin letters).
        var index = text.startIndex
        while index < text.endIndex {
            let rest = text[index...]
            if rest.hasPrefix("号"), index > text.startIndex, text[text.index(before: index)].isASCIIDigit {
                return String(text[...index])
            }
            if rest.hasPrefix("no"), rest.dropFirst(2).first?.isASCIIDigit == true {
                return String(text[..<index]) + "no" + rest.dropFirst(2).prefix(while: \.isASCIIDigit)
            }
            index = text.index(after: index)
        }
        return text
    }

    /// building3, bldg3, block3 → 3栋: the number before the word, as Chinese writes it.
    static func latinBuildings(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while !rest.isEmpty {
            if let word = ["building", "bldg", "block"].first(where: { rest.hasPrefix($0) }) {
                let number = rest.dropFirst(word.count).prefix(while: \.isASCIIDigit)
                if !number.isEmpty {
                    result += number + "栋"
                    rest = rest.dropFirst(word.count + number.count)
                    continue
                }
            }
            result.append(rest.removeFirst())
        }
        return result
    }

    /// Folded, lower case, letters and digits only.
    static func plain(_ text: String) -> String {
        String(text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars
            .filter { CharacterSet.letters.contains($0) || CharacterSet.decimalDigits.contains($0) }.map(Character.init))
    }

    private static func trimmed(_ text: String, suffixes: [String]) -> String {
        for suffix in suffixes where text.count > suffix.count + 1 && text.hasSuffix(suffix) {
            return String(text.dropLast(suffix.count))
        }
        return text
    }

    private static let digitValues: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let unitValues: [Character: Int] = ["十": 10, "百": 100, "千": 1000]

    /// Runs of Chinese numerals written as digits.
    static func numerals(_ text: String) -> String {
        var result = ""
        var run: [Character] = []
        func flush() {
            guard !run.isEmpty else { return }
            result += value(of: run).map(String.init) ?? String(run)
            run.removeAll()
        }
        for character in text {
            if digitValues[character] != nil || unitValues[character] != nil {
                run.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    /// 十二 → 12, 二十 → 20, 一百零八 → 108, 三五 → 35 (digits read one by one when no unit is written).
    private static func value(of run: [Character]) -> Int? {
        guard run.contains(where: { unitValues[$0] != nil }) else {
            return Int(String(run.compactMap { digitValues[$0].map { Character(String($0)) } }))
        }
        var total = 0
        var pending: Int?
        for character in run {
            if let digit = digitValues[character] {
                pending = digit
            } else if let unit = unitValues[character] {
                total += (pending ?? 1) * unit
                pending = nil
            }
        }
        return total + (pending ?? 0)
    }
}
