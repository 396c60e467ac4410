import HTTPTypes
import Hummingbird
import Services

/// The first-party device identifier the risk signals link identities by: a random token the
/// pages keep in a cookie (set on a browser's first page), or that an app sends in `X-Device-ID`.
/// It is stored only as a fingerprint (`RiskService`), and says nothing about the device itself.
enum DeviceIdentifier {
    static let cookieName = "cb_device"
    static let header = HTTPField.Name("X-Device-ID")!  // safe: a literal, valid header name

    /// The request's identifier: the header when sent (refused when it is not 8 to 64 letters,
    /// digits, - or _), else the cookie's when it is well formed.
    static func of(_ request: Request) throws -> String? {
        if let sent = request.headers[header] {
            guard isWellFormed(sent) else {
                throw Problem.malformed("X-Device-ID is 8 to 64 letters, digits, - or _", field: "X-Device-ID")
            }
            return sent
        }
        return request.cookies[cookieName].map(\.value).flatMap { isWellFormed($0) ? $0 : nil }
    }

    /// A new identifier's cookie, for a page answered to a browser that has none.
    static func cookie(for request: Request) -> Cookie? {
        guard request.cookies[cookieName].map({ isWellFormed($0.value) }) != true else { return nil }
        return Cookie(name: cookieName, value: Secrets.token(), maxAge: 2 * 365 * 24 * 3600, path: "/", httpOnly: true, sameSite: .lax)
    }

    static func isWellFormed(_ text: String) -> Bool {
        (8...64).contains(text.utf8.count) && text.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 45 || byte == 95
        }
    }
}
