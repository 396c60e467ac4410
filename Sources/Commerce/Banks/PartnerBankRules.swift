/// What is wrong with ops' filing of a partner bank, or with a bank's flagship store, each
/// problem naming its field.
public enum PartnerBankRules {
    /// A partner bank's id or a flagship's slug: it appears in URLs and in the merchants' records.
    public static func slugProblem(_ text: String) -> ApplicationProblem.Reason? {
        let scalars = text.unicodeScalars
        guard (3...40).contains(scalars.count), scalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }),
              scalars.first != "-", scalars.last != "-" else { return .slug }
        return nil
    }

    /// The partner the draft makes, or every problem found.
    public static func partner(_ draft: PartnerBankDraft) throws(ApplicationRefusal) -> PartnerBank {
        var found = ApplicationRules.Found()
        let id = ApplicationRules.present(draft.id)
        if let id, let reason = slugProblem(id) { found.add("id", reason) } else if id == nil { found.add("id", .required) }
        let name = ApplicationRules.present(draft.name)
        if name == nil { found.add("name", .required) } else { found.text(name, "name", limit: ApplicationRules.nameLimit) }
        let country = ApplicationRules.present(draft.country)?.uppercased()
        if let country { if !CountryCodes.assigned.contains(country) { found.add("country", .unknownCountry) } } else { found.add("country", .required) }
        var bic: BankIdentifierCode?
        if let text = ApplicationRules.present(draft.bic) {
            found.identifier("bic") { () throws(IdentifierProblem) in bic = try BankIdentifierCode(text) }
        } else {
            found.add("bic", .required)
        }
        var attests: [VerificationCheck] = []
        for (index, name) in (draft.attests ?? []).enumerated() {
            guard let check = VerificationCheck(rawValue: name) else { found.add("attests[\(index)]", .unknownCheck); continue }
            if attests.contains(check) { found.add("attests[\(index)]", .duplicate) } else { attests.append(check) }
        }
        guard found.problems.isEmpty, let id, let name, let country, let bic else { throw ApplicationRefusal(found.problems) }
        return PartnerBank(id: id, name: name, country: country, bic: bic.value, attests: attests, flagship: nil)
    }

    public static let flagshipNameLimit = 100
    public static let flagshipTaglineLimit = 200

    /// The flagship store the draft opens, or every problem found.
    public static func flagship(_ draft: FlagshipDraft) throws(ApplicationRefusal) -> Flagship {
        var found = ApplicationRules.Found()
        let slug = ApplicationRules.present(draft.slug)
        if let slug, let reason = slugProblem(slug) { found.add("slug", reason) } else if slug == nil { found.add("slug", .required) }
        for (text, field) in [(draft.nameEn, "nameEn"), (draft.nameZh, "nameZh")] {
            if ApplicationRules.present(text) == nil { found.add(field, .required) } else { found.text(text, field, limit: flagshipNameLimit) }
        }
        found.text(draft.taglineEn, "taglineEn", limit: flagshipTaglineLimit)
        found.text(draft.taglineZh, "taglineZh", limit: flagshipTaglineLimit)
        guard found.problems.isEmpty, let slug, let nameEn = ApplicationRules.present(draft.nameEn),
              let nameZh = ApplicationRules.present(draft.nameZh) else { throw ApplicationRefusal(found.problems) }
        let present = { (text: String?) in ApplicationRules.present(text) ?? "" }
        return Flagship(slug: slug, name: LocalizedText(en: nameEn, zh: nameZh),
                        tagline: LocalizedText(en: present(draft.taglineEn), zh: present(draft.taglineZh)))
    }
}
