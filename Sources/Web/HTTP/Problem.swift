import Foundation
import Hummingbird
import Ledger
import Commerce
import Money
import NIOCore
import NIOHTTP1
import Services
import Storage

/// An RFC 9457 problem: a stable `type` a client can switch on, a `title` for people, the
/// HTTP status, what went wrong in `detail`, and the request `field` at fault when there is one.
public struct Problem: Error, Sendable, Equatable, Codable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    public var field: String?
    /// Seconds until a refused request may be tried again: the Retry-After header too.
    public var retryAfter: Int?
    /// Every field at fault, where a request is refused for several at once.
    public var errors: [FieldError]?

    public struct FieldError: Sendable, Equatable, Codable {
        public let field: String
        /// Stable, for a client to switch on: "required", "lei.check-digit".
        public let code: String
        public let detail: String
    }

    public init(type: String, title: String, status: HTTPResponse.Status, detail: String, field: String? = nil, retryAfter: Int? = nil) {
        self.type = "https://crossborder.dev/problems/\(type)"
        self.title = title
        self.status = status.code
        self.detail = detail
        self.field = field
        self.retryAfter = retryAfter
    }

    static func validation(_ detail: String, field: String?) -> Problem {
        Problem(type: "validation", title: "The request is not valid", status: .unprocessableContent, detail: detail, field: field)
    }

    static func malformed(_ detail: String, field: String? = nil) -> Problem {
        Problem(type: "malformed-request", title: "The request could not be read", status: .badRequest, detail: detail, field: field)
    }

    /// A CSV file that cannot be imported, with the row and column at fault.
    static func csv(row: Int, column: String, message: String) -> Problem {
        Problem(type: "malformed-csv", title: "The CSV could not be imported", status: .badRequest,
                detail: "row \(row), column \(column): \(message)", field: "row \(row), column \(column)")
    }

    static let notFound = Problem(type: "not-found", title: "Not found", status: .notFound, detail: "There is nothing at this address.")

    static func unauthorized(_ detail: String) -> Problem {
        Problem(type: "unauthorized", title: "Not authorised", status: .unauthorized, detail: detail)
    }

    static let internalError = Problem(
        type: "internal", title: "Something went wrong on our side", status: .internalServerError,
        detail: "The error was logged. Nothing was changed unless the response said so.")

    /// The problem that describes `error`, which may come from any layer.
    static func from(_ error: any Error, field: String? = nil) -> Problem? {
        switch error {
        case let problem as Problem:
            return problem
        case let error as MoneyError:
            switch error {
            case .missingRate, .staleRate:
                return Problem(type: "rate-unavailable", title: "No usable exchange rate", status: .serviceUnavailable,
                               detail: error.description, field: field)
            default:
                return .validation(error.description, field: field)
            }
        case let error as RateCSV.Problem:
            return .csv(row: error.row, column: error.column, message: error.message)
        case let error as CatalogError:
            return .validation(error.message, field: error.field)
        case let error as MerchantCatalogService.NotFound:
            return Problem(type: "not-found", title: "Not found", status: .notFound, detail: error.description)
        case let error as IdempotencyError:
            switch error {
            case .keyReused: return .validation(error.description, field: "Idempotency-Key")
            case .missingKey, .malformedKey: return .malformed(error.description, field: "Idempotency-Key")
            }
        case let error as HTTPParserError:
            // Bad framing (a chunk size that is not hex, a header line that is not one): the
            // client's fault, and the connection is closed after this answer.
            return .malformed("the request is not valid HTTP/1.1: \(error)")
        case is NIOTooManyBytesError:
            return Problem(type: "body-too-large", title: "The request body is too large", status: .contentTooLarge,
                           detail: "The request body is larger than this endpoint accepts.")
        case let locked as SignInLimiter.Locked:
            return Problem(type: "too-many-attempts", title: "Too many attempts", status: .tooManyRequests,
                           detail: "too many failed sign-ins for this address; try again in \(locked.retryAfter) seconds", field: "email",
                           retryAfter: locked.retryAfter)
        case let error as AccountFailure:
            switch error {
            case .emailTaken: return Problem(type: "email-taken", title: "E-mail in use", status: .conflict, detail: error.description, field: "email")
            case .wrongCredentials: return .unauthorized(error.description)
            case .wrongPassword: return .validation(error.description, field: "currentPassword")
            case .notFound: return Problem(type: "not-found", title: "Not found", status: .notFound, detail: error.description, field: "addressId")
            case .resetLinkClosed: return Problem(type: "reset-link-closed", title: "Reset link closed", status: .gone, detail: error.description, field: "token")
            }
        case let error as CheckoutError:
            switch error {
            case .emptyCart: return .validation(error.description, field: "cart")
            case .unknownSKU: return .validation(error.description, field: "skuId")
            case .unknownQuote: return Problem(type: "not-found", title: "Not found", status: .notFound, detail: error.description, field: "quoteId")
            case .quantity: return .validation(error.description, field: "quantity")
            case .notEnoughStock: return Problem(type: "out-of-stock", title: "Not enough stock", status: .conflict, detail: error.description)
            case .identityRequired:
                return Problem(type: "identity-required", title: "Real-name identity needed", status: .unprocessableContent,
                               detail: error.description, field: "identity")
            case .annualLimit:
                return Problem(type: "annual-limit", title: "Annual limit for cross-border purchases", status: .unprocessableContent,
                               detail: error.description, field: "total")
            case .quoteExpired:
                return Problem(type: "quote-expired", title: "The quote has expired", status: .conflict, detail: error.description, field: "quoteId")
            case .landedCost(let cause):
                if case .money(let money) = cause, let problem = Problem.from(money) { return problem }
                return Problem(type: "cannot-quote", title: "The order cannot be quoted", status: .unprocessableContent, detail: error.description)
            }
        case let error as OrderError:
            return Problem(type: "impossible-transition", title: "Not possible in this state", status: .conflict, detail: error.description)
        case let error as OrderService.OrderNotFound:
            return Problem(type: "not-found", title: "Not found", status: .notFound, detail: error.description)
        case let refusal as ReturnRefusal:
            switch refusal {
            case .alreadyAsked, .settled:
                return Problem(type: "conflict", title: "Already under way", status: .conflict, detail: refusal.description)
            default:
                return Problem(type: "return-refused", title: "This order cannot be returned", status: .unprocessableContent,
                               detail: refusal.description, field: "orderId")
            }
        case let refusal as RiskRefusal:
            // The buyer is never told which rule or figure refused it: that would teach a ring the thresholds.
            return Problem(type: "order-refused", title: "This order cannot be taken", status: .forbidden,
                           detail: "This order cannot be taken. If you think this is a mistake, contact support and quote reference \(refusal.reference).")
        case let error as PaymentError:
            switch error {
            case .unknownGroup, .unknownPayment:
                return Problem(type: "not-found", title: "Not found", status: .notFound, detail: error.description)
            case .notPayable, .alreadyUnderWay:
                return Problem(type: "not-payable", title: "Cannot be paid now", status: .conflict, detail: error.description)
            case .payerIsNotBuyer:
                return Problem(type: "payer-not-buyer", title: "The payer must be the buyer", status: .unprocessableContent,
                               detail: error.description, field: "payerIdNumber")
            case .identityChanged:
                return Problem(type: "identity-changed", title: "Your identity changed since checkout", status: .conflict,
                               detail: error.description, field: "identity")
            case .unknownChannel: return .validation(error.description, field: "channel")
            }
        case let error as RoutingError:
            switch error {
            case .unknownChannel: return .validation(error.description, field: "channel")
            case .noChannel: return Problem(type: "no-channel", title: "No payment channel available", status: .serviceUnavailable,
                                            detail: error.description)
            }
        case let error as RefundError:
            switch error {
            case .notPaid: return Problem(type: "not-paid", title: "Nothing to refund", status: .conflict, detail: error.description)
            case .money(let money): return Problem.from(money, field: "amount")
            default: return Problem(type: "refund-refused", title: "The refund is not possible", status: .unprocessableContent,
                                    detail: error.description, field: "amount")
            }
        case let error as ReleaseError:
            return Problem(type: "release-refused", title: "Escrow cannot be released", status: .conflict, detail: error.description)
        case let error as CallbackError:
            switch error {
            case .malformed: return .validation(error.description, field: "body")
            case .badSignature, .stale: return .unauthorized(error.description)
            }
        case let error as TrackingError:
            switch error {
            case .unknownTrackingNumber:
                return Problem(type: "not-found", title: "Unknown tracking number", status: .notFound, detail: error.description,
                               field: "trackingNumber")
            case .notShippable: return Problem(type: "not-shippable", title: "Not shippable now", status: .conflict, detail: error.description)
            case .malformed: return .validation(error.description, field: "body")
            }
        case let error as HubError:
            switch error {
            case .unknownBag: return Problem(type: "not-found", title: "Unknown bag", status: .notFound, detail: error.description, field: "bags")
            case .unknownAirWaybill:
                return Problem(type: "not-found", title: "Unknown air waybill", status: .notFound, detail: error.description, field: "number")
            case .invalidAirWaybill: return .validation(error.description, field: "number")
            case .notReady, .bagTaken, .impossible:
                return Problem(type: "impossible-transition", title: "Not possible in this state", status: .conflict, detail: error.description)
            }
        case let error as StatementError:
            return .validation(error.description, field: "statement")
        case let error as TravelError:
            switch error {
            case .unknownShop, .unknownPayment, .unknownForm, .unknownCharge:
                return Problem(type: "not-found", title: "Not found", status: .notFound, detail: error.description, field: error.field)
            case .walletTooLow, .topUpNotSettled:
                return Problem(type: "wallet-too-low", title: "Not enough in the wallet", status: .conflict, detail: error.description)
            case .shopCountry, .shopCurrency, .amount, .card, .text, .refundTooLarge:
                return .validation(error.description, field: error.field)
            }
        case let error as TaxFreeRefusal:
            return Problem(type: error.code, title: "No tax-free form for this purchase", status: .unprocessableContent, detail: error.description,
                           field: "paymentId")
        case let error as TaxFreeRefundError:
            return Problem(type: error.code, title: "The refund cannot be paid now", status: .conflict, detail: error.description)
        case let error as PaymentCode.Refusal:
            switch error {
            case .malformed: return Problem(type: error.code, title: "Not a payment code", status: .unprocessableContent, detail: error.description,
                                            field: "paymentCode")
            case .unknown: return Problem(type: error.code, title: "Unknown code", status: .notFound, detail: error.description, field: "paymentCode")
            case .anotherTravellers: return Problem(type: error.code, title: "Another traveller's code", status: .forbidden, detail: error.description)
            case .expired, .used: return Problem(type: error.code, title: "The code cannot pay", status: .gone, detail: error.description)
            }
        case let refusal as ApplicationRefusal:
            return .application(refusal, language: .en)
        case let error as ApplicationFailure:
            switch error {
            case .notFound: return Problem(type: "not-found", title: "Not found", status: .notFound, detail: error.description, field: "id")
            case .notDraft: return Problem(type: "not-a-draft", title: "No longer a draft", status: .conflict, detail: error.description)
            case .staleRevision: return Problem(type: "stale-revision", title: "Saved meanwhile", status: .conflict, detail: error.description,
                                                field: "revision")
            }
        case let problem as DocumentProblem:
            return .document(problem, language: .en)
        case let error as DocumentFailure:
            switch error {
            case .notFound: return Problem(type: "not-found", title: "Not found", status: .notFound, detail: error.description, field: "document")
            case .noteRequired: return .validation(error.description, field: "note")
            }
        case let error as ReviewFailure:
            switch error {
            case .notUnderReview, .checksOutstanding, .sameReviewer:
                return Problem(type: "decision-refused", title: "Not possible now", status: .conflict, detail: error.description,
                               field: error == .sameReviewer ? "reviewer" : nil)
            case .reasonRequired: return .validation(error.description, field: "reason")
            case .reviewerRequired: return .validation(error.description, field: "reviewer")
            case .characters(let field): return .validation(error.description, field: field)
            }
        case let refusal as BrandRefusal:
            return .brand(refusal, language: .en)
        case let refusal as OnboardingRefusal:
            return .onboarding(refusal, language: .en)
        case let error as PartnerBankFailure:
            switch error {
            case .notFound: return Problem(type: "not-found", title: "Not found", status: .notFound, detail: error.description, field: "id")
            }
        case let error as BrandFailure:
            switch error {
            case .notFound: return Problem(type: "not-found", title: "Not found", status: .notFound, detail: error.description, field: "id")
            case .reviewed: return Problem(type: "reviewed", title: "Reviewed already", status: .conflict, detail: error.description)
            case .noteRequired: return .validation(error.description, field: "note")
            }
        case let error as CounterfeitFailure:
            switch error {
            case .productNotFound: return Problem(type: "not-found", title: "Not found", status: .notFound, detail: error.description, field: "productId")
            case .caseNotFound: return Problem(type: "not-found", title: "Not found", status: .notFound, detail: error.description, field: "id")
            case .notPossible: return Problem(type: "action-refused", title: "Not possible now", status: .conflict, detail: error.description,
                                              field: "action")
            }
        case let error as LedgerError:
            return Problem(type: "ledger-refused", title: "The books refuse this move", status: .conflict, detail: error.description)
        case StoreError.conflict(let what):
            return Problem(type: "conflict", title: "The data changed meanwhile", status: .conflict, detail: what)
        case let error as HTTPError:
            switch error.status {
            case .notFound: return .notFound
            default:
                return Problem(type: "http-\(error.status.code)", title: error.status.reasonPhrase,
                               status: error.status, detail: error.body ?? error.status.reasonPhrase)
            }
        default:
            return nil
        }
    }

    func response() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(self)) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: HTTPResponse.Status(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
