import Commerce
import Foundation
import Money
import Services

/// The JSON documents of the brand-protection API.
enum BrandDocuments {
    struct Authorisation: Codable {
        let id: String
        let merchantId: String
        /// Ops' view only: the merchant knows its own name.
        let merchantName: String?
        let brand: String
        let kind: String
        let owner: String
        let office: String?
        let registrationNumber: String?
        let classes: [Int]
        let validFrom: String
        let validUntil: String
        let status: String
        let filedAt: String
        /// Ops' view only: who reviewed it. The merchant sees the note and when.
        let reviewer: String?
        let reviewNote: String?
        let reviewedAt: String?

        init(_ filed: FiledAuthorisation, merchantView: Bool) {
            self.init(filed.authorisation, merchantName: merchantView ? nil : filed.merchantName, filedAt: filed.filedAt,
                      reviewer: merchantView ? nil : filed.reviewer, reviewNote: filed.reviewNote, reviewedAt: filed.reviewedAt)
        }

        init(_ a: BrandAuthorisation, merchantName: String?, filedAt: Date, reviewer: String? = nil, reviewNote: String? = nil,
             reviewedAt: Date? = nil) {
            id = a.id
            merchantId = a.merchantID
            self.merchantName = merchantName
            brand = a.brand
            kind = a.kind.rawValue
            owner = a.owner
            office = a.office
            registrationNumber = a.registrationNumber
            classes = a.classes.sorted()
            validFrom = a.validFrom.description
            validUntil = a.validUntil.description
            status = a.status.rawValue
            self.filedAt = filedAt.ISO8601Format()
            self.reviewer = reviewer
            self.reviewNote = reviewNote
            self.reviewedAt = reviewedAt?.ISO8601Format()
        }
    }

    struct AuthorisationList: Codable {
        let authorisations: [Authorisation]
    }

    struct ReportReceipt: Codable {
        let caseId: String
    }

    struct Case: Codable {
        let id: String
        let productId: String
        let productName: String
        let brand: String
        let merchantId: String
        let merchantName: String
        let status: String
        let reports: Int
        let openedAt: String
        let updatedAt: String

        init(_ c: CounterfeitCase) {
            id = c.id
            productId = c.productID
            productName = c.productName.en
            brand = c.brand
            merchantId = c.merchantID
            merchantName = c.merchantName
            status = c.status.rawValue
            reports = c.reports
            openedAt = c.openedAt.ISO8601Format()
            updatedAt = c.updatedAt.ISO8601Format()
        }
    }

    struct CaseList: Codable {
        let cases: [Case]
    }

    struct Report: Codable {
        let reporter: String
        let consumerId: String?
        let reporterName: String?
        let email: String?
        let reason: String
        let reportedAt: String
    }

    struct Action: Codable {
        let action: String
        let reviewer: String
        let note: String?
        let at: String
    }

    struct Order: Codable {
        let orderId: String
        let status: String
        let quantity: Int64
        let goodsCny: String
        let placedAt: String
    }

    struct CaseFile: Codable {
        let `case`: Case
        let reports: [Report]
        let actions: [Action]
        let affectedOrders: [Order]

        init(_ file: CounterfeitCaseFile) {
            `case` = Case(file.summary)
            reports = file.reports.map {
                Report(reporter: $0.reporterKind, consumerId: $0.consumerID, reporterName: $0.reporterName, email: $0.email,
                       reason: $0.reason, reportedAt: $0.reportedAt.ISO8601Format())
            }
            actions = file.actions.map { Action(action: $0.action.rawValue, reviewer: $0.actor, note: $0.note, at: $0.at.ISO8601Format()) }
            affectedOrders = file.affectedOrders.map {
                Order(orderId: $0.orderID, status: $0.status.rawValue, quantity: $0.quantity,
                      goodsCny: Money(minorUnits: $0.goodsCNY, currency: .CNY).decimalText, placedAt: $0.placedAt.ISO8601Format())
            }
        }
    }
}
