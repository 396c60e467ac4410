import Foundation

/// When a branded product may be sold: its merchant has an accepted authorisation on file for
/// the brand, holding today, naming the class the product's goods fall in. A product with no
/// brand needs none.
public enum BrandRules {
    public static let textLimit = 120
    /// The longest a letter or registration is taken for: a trademark registration runs ten
    /// years and is renewed (Madrid Protocol art. 6–7, EU Regulation 2017/1001 art. 52–53), so a
    /// longer validity is a typing error.
    public static let longestYears = 10

    /// What a product written "no brand" says, in the languages merchants write (China
    /// Customs' declaration guidance asks for "无品牌" when goods carry none).
    static let unbrandedWords: Set<String> = ["无品牌", "無品牌", "unbranded", "no brand", "none", "generic", "n/a", "无"]

    public static let offices: Set<String> = ["EUIPO", "WIPO"]

    /// The brand as compared: folded words without legal forms ("BOTTEGA ARNO S.r.l." is
    /// "bottega arno").
    public static func key(_ brand: String) -> String {
        NameMatching.words(brand).joined(separator: " ")
    }

    public static func isUnbranded(_ brand: String) -> Bool {
        let trimmed = brand.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.isEmpty || unbrandedWords.contains(trimmed)
    }

    /// Whether a product of `brand` with goods of `hsCode` may be sold by a merchant holding
    /// `authorisations` on `now`.
    public enum Coverage: Equatable, Sendable {
        case unbranded
        case covered(by: String)
        /// Nothing accepted on file for the brand (a pending one does not count yet).
        case missing
        /// The brand's authorisations are over or not yet begun.
        case lapsed(lastUntil: Day)
        /// On file and holding, but for other classes than the goods' (listed).
        case otherClasses(needed: Set<Int>)

        public var allowsSale: Bool {
            switch self {
            case .unbranded, .covered: true
            case .missing, .lapsed, .otherClasses: false
            }
        }
    }

    public static func coverage(brand: String, hsCode: String, by authorisations: [BrandAuthorisation], on today: Day) -> Coverage {
        guard !isUnbranded(brand) else { return .unbranded }
        let wanted = key(brand)
        let forBrand = authorisations.filter { $0.status == .accepted && key($0.brand) == wanted }
        guard !forBrand.isEmpty else { return .missing }
        let holding = forBrand.filter { $0.holds(on: today) }
        guard !holding.isEmpty else { return .lapsed(lastUntil: forBrand.map(\.validUntil).max() ?? today) }
        let needed = NiceClasses.classes(forHSCode: hsCode)
        // Goods no listed heading places in a class are covered by any authorisation of the brand.
        if let match = holding.sorted(by: { $0.id < $1.id }).first(where: { needed.isEmpty || !$0.classes.isDisjoint(with: needed) }) {
            return .covered(by: match.id)
        }
        return .otherClasses(needed: needed)
    }

    /// The authorisation `draft` describes, filed by `merchantID` on `now`; every problem at
    /// once otherwise.
    public static func filed(_ draft: BrandAuthorisationDraft, id: String, merchantID: String, on today: Day)
        throws(BrandRefusal) -> BrandAuthorisation {
        var found: [BrandProblem] = []
        func text(_ value: String?, _ field: String, required: Bool = true) -> String? {
            guard let value = ApplicationRules.present(value) else {
                if required { found.append(BrandProblem(field, .required)) }
                return nil
            }
            if value.count > textLimit { found.append(BrandProblem(field, .tooLong(limit: textLimit))); return nil }
            if ApplicationRules.hasControlCharacters(value) || value.contains("\n") { found.append(BrandProblem(field, .characters)); return nil }
            return value
        }
        let brand = text(draft.brand, "brand")
        if let brand, isUnbranded(brand) { found.append(BrandProblem("brand", .unbranded)) }
        let givenKind = ApplicationRules.present(draft.kind)
        let kind = givenKind.flatMap(BrandAuthorisation.Kind.init(rawValue:))
        if givenKind == nil { found.append(BrandProblem("kind", .required)) }
        else if kind == nil { found.append(BrandProblem("kind", .unknownKind)) }
        let owner = text(draft.owner, "owner")
        let registrationRequired = kind == .trademark
        let office = text(draft.office.map { $0.uppercased() }, "office", required: registrationRequired)
        if let office, !offices.contains(office), !CountryCodes.assigned.contains(office) {
            found.append(BrandProblem("office", .unknownOffice))
        }
        let number = text(draft.registrationNumber, "registrationNumber", required: registrationRequired)
        if let number, !isRegistrationNumber(number) { found.append(BrandProblem("registrationNumber", .registrationNumber)) }
        if number != nil, office == nil, ApplicationRules.present(draft.office) == nil { found.append(BrandProblem("office", .required)) }
        var classes: Set<Int> = []
        if let given = draft.classes, !given.isEmpty {
            for (index, value) in given.enumerated() {
                if !NiceClasses.all.contains(value) { found.append(BrandProblem("classes[\(index)]", .niceClass)) }
                else if !classes.insert(value).inserted { found.append(BrandProblem("classes[\(index)]", .duplicate)) }
            }
        } else {
            found.append(BrandProblem("classes", .required))
        }
        let from = day(draft.validFrom, "validFrom", &found)
        let until = day(draft.validUntil, "validUntil", &found)
        if let from, let until {
            if until < from { found.append(BrandProblem("validUntil", .endsBeforeStart)) }
            else if until < today { found.append(BrandProblem("validUntil", .expired)) }
            else if from.days(to: until) > longestYears * 366 {
                found.append(BrandProblem("validUntil", .tooLong(limit: longestYears)))
            }
        }
        guard found.isEmpty, let brand, let kind, let owner, let from, let until else { throw BrandRefusal(found) }
        return BrandAuthorisation(id: id, merchantID: merchantID, brand: brand, kind: kind, owner: owner, office: office,
                                  registrationNumber: number, classes: classes, validFrom: from, validUntil: until, status: .pending)
    }

    /// Letters and digits, 1 to 20 of them, with single "/", "-", "." or spaces between: the
    /// shapes offices print ("018123456", "UK00003123456", "1234567", "40-2019-0012345",
    /// "第12345678号" written as its digits).
    static func isRegistrationNumber(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let alphanumerics = scalars.filter { ("0"..."9").contains($0) || ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
        guard (1...20).contains(alphanumerics.count), let first = scalars.first, let last = scalars.last,
              alphanumerics.contains(first), alphanumerics.contains(last) else { return false }
        var previousSeparator = false
        for scalar in scalars {
            let separator = "/-. ".unicodeScalars.contains(scalar)
            guard separator || alphanumerics.contains(scalar) else { return false }
            if separator && previousSeparator { return false }
            previousSeparator = separator
        }
        return true
    }

    static func day(_ text: String?, _ field: String, _ found: inout [BrandProblem]) -> Day? {
        guard let text = ApplicationRules.present(text) else { found.append(BrandProblem(field, .required)); return nil }
        guard let day = Day(text: text) else { found.append(BrandProblem(field, .day)); return nil }
        return day
    }
}
