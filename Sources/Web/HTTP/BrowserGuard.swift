import HTTPTypes
import Hummingbird

/// What every answer tells a browser, and what every unsafe request must show: the headers that
/// keep pages out of frames, types unsniffed and referrers at home, a content security policy;
/// and, for a POST, PUT, PATCH or DELETE that names its Origin, that the origin is this site
/// (browsers send it on every cross-site form or fetch), so that no other site can make a
/// signed-in browser act, whatever cookie it holds.
enum BrowserGuard {
    static func checkOrigin(_ request: Request) throws {
        guard [.post, .put, .patch, .delete].contains(request.method), let origin = request.headers[.origin] else { return }
        guard let host = request.head.authority?.lowercased(), hostOf(origin: origin) == host else {
            throw Problem(type: "cross-origin", title: "Sent from another site", status: .forbidden,
                          detail: "This request came from \(origin); changes are accepted only from this site's own pages.", field: "Origin")
        }
    }

    /// "https://shop.example:8443" → "shop.example:8443"; nil for "null" or anything not a web origin.
    static func hostOf(origin: String) -> String? {
        let lowered = origin.lowercased()
        for scheme in ["http://", "https://"] where lowered.hasPrefix(scheme) {
            let rest = lowered.dropFirst(scheme.count)
            guard !rest.isEmpty, !rest.contains("/") else { return nil }
            return String(rest)
        }
        return nil
    }

    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self' 'unsafe-inline'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
        "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    static func secure(_ headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xFrameOptions] = "DENY"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.referrerPolicy] = "same-origin"
    }
}

extension HTTPField.Name {
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!  // safe: a literal, valid header name
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!  // safe: a literal, valid header name
}
