import Commerce
import Foundation

/// A merchant's application as the public form carries it: each field named as the API names
/// it ("payout.iban", "owners[1].name"), brands and categories one per line.
enum ApplicationForm {
    static let ownerRows = 4

    static func application(from form: [String: String]) -> MerchantApplication {
        func text(_ name: String) -> String? { ApplicationRules.present(form[name]) }
        func upper(_ name: String) -> String? { text(name)?.uppercased() }
        func lines(_ name: String) -> [String]? {
            let items = (form[name] ?? "").split(whereSeparator: \.isNewline).compactMap { ApplicationRules.present(String($0)) }
            return items.isEmpty ? nil : items
        }
        let owners = (0..<ownerRows).compactMap { row -> MerchantApplication.Owner? in
            let share = text("owners[\(row)].sharePercent")
            // A share that is not a number is kept as an impossible one, so that the rule names it.
            let owner = MerchantApplication.Owner(name: text("owners[\(row)].name"), sharePercent: share.map { Int($0) ?? -1 },
                                                  nationality: upper("owners[\(row)].nationality"))
            return owner.name == nil && share == nil && owner.nationality == nil ? nil : owner
        }
        return MerchantApplication(
            legalName: text("legalName"), country: upper("country"), registrationNumber: text("registrationNumber"),
            dunsNumber: text("dunsNumber"), vatNumber: text("vatNumber"), lei: text("lei"),
            address: .init(line1: text("address.line1"), line2: text("address.line2"), city: text("address.city"),
                           postalCode: text("address.postalCode")),
            representative: .init(name: text("representative.name"), role: text("representative.role"),
                                  email: text("representative.email")),
            owners: owners, ownersComplete: form["ownersComplete"] == "on",
            payout: .init(holderName: text("payout.holderName"), currency: upper("payout.currency"), iban: text("payout.iban"),
                          bic: text("payout.bic"), routingNumber: text("payout.routingNumber"), accountNumber: text("payout.accountNumber")),
            brands: lines("brands"), categories: lines("categories"))
    }

    /// The form's fields as the application fills them, to show it again.
    static func values(of application: MerchantApplication) -> [String: String] {
        var values: [String: String] = [:]
        func set(_ name: String, _ value: String?) { if let value { values[name] = value } }
        let a = application
        set("legalName", a.legalName); set("country", a.country); set("registrationNumber", a.registrationNumber)
        set("dunsNumber", a.dunsNumber); set("vatNumber", a.vatNumber); set("lei", a.lei)
        set("address.line1", a.address?.line1); set("address.line2", a.address?.line2)
        set("address.city", a.address?.city); set("address.postalCode", a.address?.postalCode)
        set("representative.name", a.representative?.name); set("representative.role", a.representative?.role)
        set("representative.email", a.representative?.email)
        for (row, owner) in (a.owners ?? []).prefix(ownerRows).enumerated() {
            set("owners[\(row)].name", owner.name)
            set("owners[\(row)].sharePercent", owner.sharePercent.map(String.init))
            set("owners[\(row)].nationality", owner.nationality)
        }
        if a.ownersComplete == true { values["ownersComplete"] = "on" }
        set("payout.holderName", a.payout?.holderName); set("payout.currency", a.payout?.currency)
        set("payout.iban", a.payout?.iban); set("payout.bic", a.payout?.bic)
        set("payout.routingNumber", a.payout?.routingNumber); set("payout.accountNumber", a.payout?.accountNumber)
        set("brands", a.brands?.joined(separator: "\n")); set("categories", a.categories?.joined(separator: "\n"))
        return values
    }
}
