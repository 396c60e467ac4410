import Commerce
import Crypto
import Foundation
import Storage

/// A partner's report of a payment's outcome, as its callback body carries it.
public struct CallbackReport: Codable, Sendable, Equatable {
    public let eventId: String
    public let paymentId: String
    public let status: String
    public let reference: String

    public init(eventId: String, paymentId: String, status: String, reference: String) {
        self.eventId = eventId
        self.paymentId = paymentId
        self.status = status
        self.reference = reference
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

public enum CallbackError: Error, Equatable, Sendable, CustomStringConvertible {
    case badSignature
    case stale(seconds: Int64)
    case malformed(String)

    public var description: String {
        switch self {
        case .badSignature: return "the callback's signature does not match its timestamp and body"
        case .stale(let seconds): return "the callback's timestamp is \(seconds) seconds away from now; only 300 are accepted"
        case .malformed(let problem): return "the callback body is not a payment report: \(problem)"
        }
    }
}

/// Partners' webhooks (payment callbacks, tracking events): HMAC-SHA256 over "timestamp.body"
/// with the shared secret, hex-encoded; a report whose
/// timestamp is more than five minutes from now is refused, so a captured one cannot be replayed.
public enum CallbackSignature {
    public static let window = WebhookTimestamp.window

    public static func sign(timestamp: String, body: String, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data((timestamp + "." + body).utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return Hex.lowercase(mac)
    }

    /// Refuses a body whose signature does not match or whose timestamp is outside the window.
    public static func check(timestamp: String, body: String, signature: String, secret: String, at now: Date) throws(CallbackError) {
        let expected = sign(timestamp: timestamp, body: body, secret: secret)
        guard Secrets.same(expected, signature.lowercased()) else { throw .badSignature }
        switch WebhookTimestamp.judge(timestamp, nowSeconds: now.secondsSince1970) {
        case .fresh: return
        case .stale(let seconds): throw .stale(seconds: seconds)
        case .malformed: throw .badSignature
        }
    }

    public static func verify(timestamp: String, body: String, signature: String, secret: String, at now: Date)
        throws(CallbackError) -> CallbackReport {
        try check(timestamp: timestamp, body: body, signature: signature, secret: secret, at: now)
        do { return try JSONDecoder().decode(CallbackReport.self, from: Data(body.utf8)) } catch {
            throw .malformed("\(error)")
        }
    }
}
