import Commerce
import Foundation
import Money
import Services

/// Partner banks, their clients and flagship stores as the API sends them.
enum BankDocuments {
    typealias Amount = ProductDocument.Amount

    struct Bank: Encodable {
        let id: String
        let name: String
        let country: String
        let bic: String
        let attests: [String]
        let flagship: FlagshipDocument?

        init(_ bank: PartnerBank) {
            id = bank.id
            name = bank.name
            country = bank.country
            bic = bank.bic
            attests = bank.attests.map(\.rawValue)
            flagship = bank.flagship.map(FlagshipDocument.init)
        }
    }

    struct BankList: Encodable {
        let banks: [Bank]
    }

    struct FlagshipDocument: Encodable {
        let slug: String
        let nameEn: String
        let nameZh: String
        let taglineEn: String
        let taglineZh: String
        let url: String

        init(_ flagship: Flagship) {
            slug = flagship.slug
            nameEn = flagship.name.en
            nameZh = flagship.name.zh
            taglineEn = flagship.tagline.en
            taglineZh = flagship.tagline.zh
            url = "/flagships/\(flagship.slug)"
        }
    }

    /// A batch's answer: each client's application. The resume keys are derived, never kept,
    /// so they are added to the first answer and to every replay (`withResumeKeys`).
    struct Onboarded: Codable {
        var clients: [Client]

        struct Client: Codable {
            let reference: String?
            let id: String
            let status: String
            let attested: [String]
            var resumeKey: String?
        }

        init(_ introduced: [IntroducedApplication]) {
            clients = introduced.map {
                Client(reference: $0.reference, id: $0.stored.id, status: $0.stored.status.rawValue, attested: $0.attested.map(\.rawValue), resumeKey: nil)
            }
        }

        func withResumeKeys(_ key: (String) -> String) -> Onboarded {
            var keyed = self
            for index in keyed.clients.indices { keyed.clients[index].resumeKey = key(keyed.clients[index].id) }
            return keyed
        }
    }

    struct ApplicationList: Encodable {
        let applications: [Line]

        struct Line: Encodable {
            let id: String
            let reference: String?
            let legalName: String
            let country: String
            let status: String
            let merchantId: String?
            let updatedAt: Date
        }

        init(_ lines: [PartnerBankClients.ApplicationLine]) {
            applications = lines.map {
                Line(id: $0.id, reference: $0.reference, legalName: $0.legalName, country: $0.country, status: $0.status.rawValue,
                     merchantId: $0.merchantID, updatedAt: $0.updatedAt)
            }
        }
    }

    struct MerchantList: Encodable {
        let merchants: [Line]

        struct Line: Encodable {
            let id: String
            let nameEn: String
            let country: String
            let currency: String
            let store: String?
            let suspended: Bool
            let orders: Int
            let sales: Amount
            let payouts: [Payout]
        }

        struct Payout: Encodable {
            let id: String
            let amount: Amount
            let status: String
            let createdAt: Date
        }

        init(_ lines: [PartnerBankClients.MerchantLine]) {
            merchants = lines.map { line in
                Line(id: line.merchant.id, nameEn: line.merchant.name.en, country: line.merchant.country, currency: line.merchant.currency.code,
                     store: line.storeSlug.map { "/stores/\($0)" }, suspended: line.suspended, orders: line.orders, sales: Amount(line.salesCNY),
                     payouts: line.payouts.map { Payout(id: $0.id, amount: Amount($0.amount), status: $0.status, createdAt: $0.createdAt) })
            }
        }
    }
}
