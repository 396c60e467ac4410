import Foundation
import Money

/// Why an account or address was refused, naming the field.
public typealias AccountError = CatalogError

/// The shape of what a buyer types when signing up and adding addresses.
public enum AccountRules {
    /// An e-mail address as typed, in the one form it is stored, looked up and rate-limited
    /// under: compatibility-normalised (NFKC: full-width letters become ASCII), with invisible
    /// characters (zero-width spaces and joiners, BOM, soft hyphens: Unicode category Cf) and
    /// controls taken out, surrounding white space and newlines trimmed, lower-cased. Every
    /// way of writing one address is one address, so none gets guesses of its own.
    public static func normalizedEmail(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars
        where ![.format, .control].contains(scalar.properties.generalCategory) || scalar == " " {
            scalars.append(scalar)
        }
        return String(scalars).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// An e-mail address, normalised (`normalizedEmail`): something@domain.tld, at most 254 characters.
    public static func email(_ text: String) throws(AccountError) -> String {
        let email = normalizedEmail(text)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              email.unicodeScalars.allSatisfy({ $0.isASCII && !$0.properties.isWhitespace && $0 != "<" && $0 != ">" })
        else { throw AccountError(field: "email", "not an e-mail address") }
        return email
    }

    /// 10 to 128 characters: long enough to resist guessing, short enough to hash quickly.
    public static func password(_ text: String) throws(AccountError) {
        guard (10...128).contains(text.count) else {
            throw AccountError(field: "password", "a password has 10 to 128 characters")
        }
    }

    /// A mainland mobile number: 11 digits starting 13–19, spaces and dashes ignored.
    public static func mobile(_ text: String) throws(AccountError) -> String {
        let digits = text.filter { $0 != " " && $0 != "-" }
        guard digits.count == 11, digits.allSatisfy({ $0.isASCIIDigit }), digits.hasPrefix("1"),
              let second = digits.dropFirst().first, ("3"..."9").contains(second)
        else { throw AccountError(field: "mobile", "a mainland mobile number has 11 digits and starts 13 to 19") }
        return digits
    }

    /// "138****5678": what every page and log shows of a mobile number.
    public static func masked(mobile: String) -> String {
        guard mobile.count == 11 else { return String(repeating: "*", count: mobile.count) }
        return mobile.prefix(3) + "****" + mobile.suffix(4)
    }

    /// A person's name as customs reads it: 1 to 50 characters, no digits of any script (ASCII
    /// or full-width); Chinese numerals are part of names (张三, 李四, 陆万里, 〇).
    public static func personName(_ text: String, field: String) throws(AccountError) -> String {
        let name = text.trimmingCharacters(in: .whitespaces)
        try CatalogRules.plain(name, field: field, limit: 50)
        guard !name.contains(where: \.isDecimalDigitOfAnyScript) else { throw AccountError(field: field, "a name has no digits") }
        return name
    }
}

/// A delivery address in mainland China.
public struct DeliveryAddress: Sendable, Hashable {
    public let province: String
    public let city: String
    public let district: String
    public let street: String
    public let recipient: String
    public let mobile: String

    /// The 31 provincial-level divisions of the mainland, as addresses write them.
    public static let provinces = [
        "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省",
        "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省",
        "甘肃省", "青海省", "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
    ]

    public init(province: String, city: String, district: String, street: String, recipient: String, mobile: String)
        throws(AccountError) {
        guard DeliveryAddress.provinces.contains(province) else {
            throw AccountError(field: "province", "not a mainland province, municipality or autonomous region")
        }
        try CatalogRules.plain(city, field: "city", limit: 50)
        try CatalogRules.plain(district, field: "district", limit: 50)
        try CatalogRules.plain(street, field: "street", limit: 200)
        self.province = province
        self.city = city
        self.district = district
        self.street = street
        self.recipient = try AccountRules.personName(recipient, field: "recipient")
        self.mobile = try AccountRules.mobile(mobile)
    }
}
