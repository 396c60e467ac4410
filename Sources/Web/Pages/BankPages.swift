import Commerce
import Foundation
import Money
import Services

/// A partner bank's console — its clients' applications, the merchants they became with their
/// sales and payouts, and the form that onboards a CSV file of clients — and its flagship store.
enum BankPages {
    /// What the last onboarding did: who was onboarded, or every problem that refused the file.
    enum Outcome {
        case onboarded([BankDocuments.Onboarded.Client])
        case refused([Problem.FieldError])
    }

    static func console(_ bank: PartnerBank, applications: [PartnerBankClients.ApplicationLine], merchants: [PartnerBankClients.MerchantLine],
                        csrf: String, form: String, csv: String = "", outcome: Outcome? = nil, language l: Language) -> String {
        let applicationRows = applications.map { line in
            let status = ApplicationWords.status[line.status] ?? LocalizedText(en: line.status.rawValue, zh: line.status.rawValue)
            return "<tr data-application=\"\(escapeHTML(line.id))\" data-status=\"\(line.status.rawValue)\"><td>\(escapeHTML(line.reference ?? ""))</td><td>\(escapeHTML(line.legalName))</td><td>\(escapeHTML(line.country))</td><td>\(escapeHTML(status(l)))</td><td>\(ShownTime.element(line.updatedAt, shown: ShownTime.inCountry(line.updatedAt, bank.country)))</td></tr>"
        }.joined()
        let merchantRows = merchants.map { line in
            let name = escapeHTML(line.merchant.name(l))
            let store = line.storeSlug.map { "<a href=\"/stores/\(escapeHTML($0))\">\(name)</a>" } ?? name
            let paid = line.payouts.map { "\(escapeHTML($0.amount.formatted(l))) \(escapeHTML($0.status))" }.joined(separator: "<br>")
            return "<tr data-merchant=\"\(escapeHTML(line.merchant.id))\"><td>\(store)\(line.suspended ? " <span class=\"badge\">\(escapeHTML(BankWords.suspended(l)))</span>" : "")</td><td class=\"orders\">\(line.orders)</td><td class=\"sales\">\(escapeHTML(line.salesCNY.formatted(l)))</td><td>\(paid.isEmpty ? escapeHTML(BankWords.none(l)) : paid)</td></tr>"
        }.joined()
        let flagship = bank.flagship.map { "<a href=\"/flagships/\(escapeHTML($0.slug))\" id=\"flagship-link\">\(escapeHTML($0.name(l)))</a>" }
            ?? escapeHTML(BankWords.noFlagship(l))
        let main = """
            <section class="panel bank-console" data-bank-id="\(escapeHTML(bank.id))">
            <h1>\(escapeHTML(bank.name))</h1>
            <p>\(escapeHTML(BankWords.flagship(l))): \(flagship)</p>
            \(outcomeSection(outcome, language: l))
            <h2>\(escapeHTML(BankWords.clients(l)))</h2>
            \(applications.isEmpty ? "<p>\(escapeHTML(BankWords.none(l)))</p>" : "<table class=\"applications\"><thead><tr><th>\(escapeHTML(BankWords.reference(l)))</th><th>\(escapeHTML(BankWords.business(l)))</th><th></th><th>\(escapeHTML(BankWords.status(l)))</th><th></th></tr></thead><tbody>\(applicationRows)</tbody></table>")
            <h2>\(escapeHTML(BankWords.merchants(l)))</h2>
            \(merchants.isEmpty ? "<p>\(escapeHTML(BankWords.none(l)))</p>" : "<table class=\"merchants\"><thead><tr><th>\(escapeHTML(BankWords.business(l)))</th><th>\(escapeHTML(BankWords.orders(l)))</th><th>\(escapeHTML(BankWords.sales(l)))</th><th>\(escapeHTML(BankWords.payouts(l)))</th></tr></thead><tbody>\(merchantRows)</tbody></table>")
            <h2>\(escapeHTML(BankWords.onboard(l)))</h2>
            <p>\(escapeHTML(BankWords.onboardHelp(l))) <a href="/api/v1/bank/clients/template.csv" id="template-link">\(escapeHTML(BankWords.template(l)))</a></p>
            <form method="post" action="/bank/clients" class="stacked" id="onboard-form">\(BrowserSession.hiddenField(csrf))
            <input type="hidden" name="key" value="\(escapeHTML(form))">
            <label>CSV <textarea name="csv" rows="8" required spellcheck="false">\(escapeHTML(csv))</textarea></label>
            <button type="submit">\(escapeHTML(BankWords.send(l)))</button></form>
            </section>
            """
        return Layout.page(title: bank.name, language: l, path: "/bank", main: main)
    }

    private static func outcomeSection(_ outcome: Outcome?, language l: Language) -> String {
        switch outcome {
        case nil: return ""
        case .onboarded(let clients):
            let items = clients.map { "<li data-application=\"\(escapeHTML($0.id))\">\(escapeHTML($0.reference ?? $0.id))</li>" }.joined()
            return "<div class=\"notice\" role=\"status\" id=\"onboarded\"><p>\(escapeHTML(BankWords.onboarded(l)))</p><ul>\(items)</ul></div>"
        case .refused(let errors):
            let items = errors.map { "<li data-field=\"\(escapeHTML($0.field))\" data-code=\"\(escapeHTML($0.code))\">\(escapeHTML($0.detail))</li>" }.joined()
            return "<div class=\"error\" role=\"alert\" id=\"refused\"><p>\(escapeHTML(BankWords.refused(l)))</p><ul>\(items)</ul></div>"
        }
    }

    /// The flagship store: the bank's clients' products a page at a time, as a store's page shows its own.
    static func flagship(_ bank: PartnerBank, _ flagship: Flagship, page: ProductPage, rates: RateBook, now: Date, language l: Language) -> String {
        let path = "/flagships/\(flagship.slug)"
        let main = """
            <section class="store-header flagship" data-flagship="\(escapeHTML(flagship.slug))">
            <h1>\(escapeHTML(flagship.name(l)))</h1>
            <p class="meta">\(escapeHTML(flagship.tagline(l)))<br><span class="badge">\(escapeHTML(BankWords.flagshipIntro(l))) \(escapeHTML(bank.name))</span> · \(page.total) \(escapeHTML(Words.products(l)))</p>
            </section>
            \(SearchPage.sortForm(path: path, query: page.query, language: l))
            \(ProductTiles.rateNote(rates, language: l))
            \(ProductTiles.grid(page.products, rates: rates, now: now, language: l))
            \(ProductTiles.pager(path: path, parameters: [("sort", page.query.sort.rawValue)], page: page.query.page, pageCount: page.pageCount, language: l))
            """
        return Layout.page(title: flagship.name(l), language: l, path: path, main: main)
    }
}
