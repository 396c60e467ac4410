import Commerce
import Foundation
import Hummingbird
import Money
import Services
import Storage

/// Partner banks by API. Ops make a bank a partner (its keys come from `crossborder bank-key`); the bank onboards its
/// clients in bulk (JSON, or CSV with the template's columns), follows their applications and
/// the merchants they became, and opens its flagship store, which anyone can browse.
struct PartnerBanksAPI<Context: RequestContext> {
    let banks: PartnerBankService
    let onboarding: ClientOnboardingService
    let clients: PartnerBankClients
    let applications: MerchantApplicationService
    let search: CatalogSearch
    let rates: RateService
    let idempotency: IdempotencyService
    let configuration: WebConfiguration

    struct Batch: Decodable {
        let clients: [IntroducedClient]
    }

    func register(on router: Router<Context>) {
        router.post("/api/v1/ops/partner-banks") { request, _ in
            try await OpsAuthorization.require(request, configuration)
            let l = LanguageChoice.language(of: request)
            return try await idempotency.respond(to: request, principal: "ops", limit: configuration.maxBodyBytes, status: 201) { body in
                try await Self.filing(language: l) {
                    let (changes, bank) = try banks.registering(try RequestBody.json(PartnerBankDraft.self, from: body), at: Date())
                    guard try await banks.bank(id: bank.id) == nil else { throw ApplicationRefusal([ApplicationProblem("id", .taken)]) }
                    return (changes, try Responses.jsonBytes(BankDocuments.Bank(bank)))
                }
            }
        }
        router.get("/api/v1/ops/partner-banks") { request, _ in
            try await OpsAuthorization.require(request, configuration)
            return try Responses.json(BankDocuments.BankList(banks: try await banks.banks().map(BankDocuments.Bank.init)))
        }

        router.get("/api/v1/bank") { request, _ in
            try Responses.json(BankDocuments.Bank(try await BankAuthorization.bank(request, banks: banks, configuration)))
        }
        router.post("/api/v1/bank/clients") { request, _ in
            let bank = try await BankAuthorization.bank(request, banks: banks, configuration)
            let key = try IdempotencyService.validate(key: request.headers[.idempotencyKey])
            let body = try await RequestBody.bytes(request, limit: configuration.maxImportBytes)
            let csv = request.headers[.contentType]?.lowercased().hasPrefix("text/csv") == true
            let outcome = try await idempotency.perform(scope: "bank:\(bank.id) POST /api/v1/bank/clients", key: key, request: body, at: Date()) {
                let (batch, lines) = try Self.batch(body, csv: csv)
                let (changes, introduced) = try await onboarding.onboarding(batch, lines: lines, by: bank, at: Date())
                return (changes, StoredResponse(status: 201, contentType: "application/json", body: try Responses.jsonBytes(BankDocuments.Onboarded(introduced))))
            }
            let stored = try JSONDecoder().decode(BankDocuments.Onboarded.self, from: Data(outcome.response.body))
            return StoredResponses.response(outcome.replacingBody(try Responses.jsonBytes(stored.withResumeKeys(applications.resumeKey(for:)))))
        }
        router.get("/api/v1/bank/clients/template.csv") { request, _ in
            _ = try await BankAuthorization.bank(request, banks: banks, configuration)
            return Responses.text(ClientCSV.header.joined(separator: ",") + "\r\n", contentType: "text/csv; charset=utf-8")
        }
        router.get("/api/v1/bank/applications") { request, _ in
            let bank = try await BankAuthorization.bank(request, banks: banks, configuration)
            return try Responses.json(BankDocuments.ApplicationList(try await clients.applications(of: bank.id)))
        }
        router.get("/api/v1/bank/applications/:id") { request, context in
            let bank = try await BankAuthorization.bank(request, banks: banks, configuration)
            let file = try await clients.file(context.parameters.get("id") ?? "", of: bank.id, at: Date())
            return try Responses.json(ApplicationDocuments.Full(file, language: LanguageChoice.language(of: request)))
        }
        router.get("/api/v1/bank/merchants") { request, _ in
            let bank = try await BankAuthorization.bank(request, banks: banks, configuration)
            return try Responses.json(BankDocuments.MerchantList(try await clients.merchants(of: bank.id)))
        }
        router.put("/api/v1/bank/flagship") { request, _ in
            let bank = try await BankAuthorization.bank(request, banks: banks, configuration)
            let l = LanguageChoice.language(of: request)
            return try await idempotency.respond(to: request, principal: "bank:\(bank.id)", limit: configuration.maxBodyBytes, status: 200) { body in
                try await Self.filing(language: l) {
                    let (changes, flagship) = try banks.openingFlagship(try RequestBody.json(FlagshipDraft.self, from: body), for: bank, at: Date())
                    if let holder = try await banks.bank(flagship: flagship.slug), holder.id != bank.id {
                        throw ApplicationRefusal([ApplicationProblem("slug", .taken)])
                    }
                    return (changes, try Responses.jsonBytes(BankDocuments.FlagshipDocument(flagship)))
                }
            }
        }
        router.get("/api/v1/flagships/:slug") { request, context in
            guard let bank = try await banks.bank(flagship: context.parameters.get("slug") ?? ""), let flagship = bank.flagship else {
                throw Problem.notFound
            }
            var query = try ProductQueryParameters.read(request)
            query.partnerBankID = bank.id
            async let page = search.search(query)
            async let book = rates.book()
            let (found, book_) = try await (page, book)
            let now = Date()
            return try Responses.json(FlagshipPage(
                flagship: BankDocuments.FlagshipDocument(flagship), bank: bank.name,
                products: ProductPageDocument(products: found.products.map { ProductDocument($0, rates: book_, at: now) }, total: found.total,
                                              page: query.page, pageSize: query.pageSize, pageCount: found.pageCount)))
        }
    }

    struct FlagshipPage: Encodable {
        let flagship: BankDocuments.FlagshipDocument
        let bank: String
        let products: ProductPageDocument
    }

    /// `work`, with a refused filing said with the bank's filings' field names.
    static func filing<T>(language: Language, _ work: () async throws -> T) async throws -> T {
        do { return try await work() } catch let refusal as ApplicationRefusal { throw Problem.bankFiling(refusal, language: language) }
    }

    /// The batch in the body: `{"clients": [...]}`, or a CSV file with the template's columns.
    static func batch(_ body: [UInt8], csv: Bool) throws -> (clients: [IntroducedClient], lines: [Int]) {
        guard csv else { return (try RequestBody.json(Batch.self, from: body).clients, []) }
        guard let text = String(validating: body, as: UTF8.self) else { throw Problem.validation("the CSV file is not UTF-8", field: "body") }
        return try ClientCSV.clients(text)
    }
}
