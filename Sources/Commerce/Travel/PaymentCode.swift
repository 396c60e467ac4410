import Foundation

/// The codes a payment at a till is made with. A traveller's payment code is shown on their
/// phone for the store to scan: eighteen digits, the first two 28 (as scanners route payment
/// codes by their prefix), valid for a minute and for one payment. A store's charge code is
/// shown on the till for the traveller to scan: a link to the charge, valid for five minutes,
/// and the first traveller who opens it is the one it charges.
public enum PaymentCode {
    public static let travellerCodeLifetime: TimeInterval = 60
    public static let chargeLifetime: TimeInterval = 300
    public static let prefix = "28"

    /// A traveller's code from 16 random digits.
    public static func travellerCode(randomDigits: [UInt8]) -> String {
        prefix + randomDigits.prefix(16).map { String($0 % 10) }.joined()
    }

    /// Whether `text` has the form of a traveller's code (it may still be unknown).
    public static func isTravellerCode(_ text: String) -> Bool {
        text.count == 18 && text.hasPrefix(prefix) && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Why a code cannot pay.
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case malformed
        case unknown
        case expired(at: Date)
        case used
        case anotherTravellers

        public var code: String {
            switch self {
            case .malformed: return "payment-code.malformed"
            case .unknown: return "payment-code.unknown"
            case .expired: return "payment-code.expired"
            case .used: return "payment-code.used"
            case .anotherTravellers: return "payment-code.another-travellers"
            }
        }

        public var description: String {
            switch self {
            case .malformed: return "a payment code is 18 digits starting with 28"
            case .unknown: return "no such payment code: ask the traveller to show a fresh one"
            case .expired: return "the code has expired: codes are valid for a short time only; show or ask for a fresh one"
            case .used: return "the code has already been used for a payment: each code pays once"
            case .anotherTravellers: return "this code belongs to another traveller's payment"
            }
        }
    }

    /// A stored code (or charge) may pay now for `consumerID` when it has not been used, has not
    /// expired, and belongs to no one else.
    public static func check(owner: String?, expiresAt: Date, usedAt: Date?, by consumerID: String?, at now: Date) throws(Refusal) {
        if usedAt != nil { throw .used }
        guard now < expiresAt else { throw .expired(at: expiresAt) }
        if let owner, let consumerID, owner != consumerID { throw .anotherTravellers }
    }
}
