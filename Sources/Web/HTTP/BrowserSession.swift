import Foundation
import Commerce
import Hummingbird
import Services

/// The cookies a browser carries: the buyer's session (Secure, HttpOnly, SameSite=Lax), the
/// consoles' sessions, and an anonymous one for forms before any sign-in. Every form repeats a
/// CSRF token bound to the browser's session: an HMAC, under a key derived from the data key,
/// of the session it was rendered for. A page on another site cannot read it, and a cookie an
/// attacker plants (cookie tossing) gets him nothing, since he cannot compute the HMAC of it.
enum BrowserSession {
    static let sessionCookie = "session"
    static let csrfCookie = "csrf"

    static func token(_ request: Request) -> String? {
        if let header = request.headers[.authorization], header.hasPrefix("Bearer s_") {
            return String(header.dropFirst("Bearer ".count))
        }
        return request.cookies[sessionCookie]?.value
    }

    static func consumer(_ request: Request, accounts: AccountService) async throws -> Consumer? {
        // The page's reader, when `PageViewerMiddleware` has already looked this request's session up.
        if let viewer = PageViewer.current { return viewer.consumer }
        guard let token = token(request) else { return nil }
        return try await accounts.consumer(forSession: token, at: Date())
    }

    /// The signed-in buyer of an API call, or 401 saying how to sign in.
    static func apiConsumer(_ request: Request, accounts: AccountService) async throws -> Consumer {
        guard let consumer = try await consumer(request, accounts: accounts) else {
            throw Problem.unauthorized("sign in first: send Authorization: Bearer <session token>")
        }
        return consumer
    }

    static func signedIn(_ token: String) -> Cookie {
        Cookie(name: sessionCookie, value: token, maxAge: Int(AccountService.sessionLifetime), path: "/", secure: true,
               httpOnly: true, sameSite: .lax)
    }

    static func signedOut() -> Cookie {
        Cookie(name: sessionCookie, value: "", maxAge: 0, path: "/", secure: true, httpOnly: true, sameSite: .lax)
    }

    /// The CSRF token for this browser's forms, and the anonymous cookie to set when it has
    /// no session of any kind yet.
    static func csrf(_ request: Request, cipher: FieldCipher) -> (token: String, cookie: Cookie?) {
        if let binding = binding(request) { return (token(for: binding, cipher: cipher), nil) }
        let anonymous = Secrets.token()
        return (token(for: anonymous, cipher: cipher),
                Cookie(name: csrfCookie, value: anonymous, path: "/", secure: true, httpOnly: true, sameSite: .strict))
    }

    /// Refuses a form post whose hidden token is not the one of the browser's session.
    static func checkCSRF(_ request: Request, form: [String: String], cipher: FieldCipher) throws {
        guard let binding = binding(request), let field = form["csrf"], Secrets.same(token(for: binding, cipher: cipher), field) else {
            throw Problem(type: "csrf", title: "The form expired", status: .forbidden,
                          detail: "Reload the page and send the form again.")
        }
    }

    /// What a form is bound to: the first session the browser carries (buyer, ops, merchant,
    /// partner bank), or its anonymous cookie before any sign-in.
    private static func binding(_ request: Request) -> String? {
        [sessionCookie, OpsAuthorization.cookie, MerchantAuthorization.cookie, BankAuthorization.cookie, csrfCookie].lazy
            .compactMap { request.cookies[$0]?.value }.first { $0.count >= 32 }
    }

    private static func token(for binding: String, cipher: FieldCipher) -> String {
        cipher.fingerprint("csrf:" + binding)
    }

    static func hiddenField(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(escapeHTML(token))\">"
    }
}

/// Slows down password guessing: after five failed sign-ins for one e-mail address within
/// fifteen minutes, further tries for it are refused until the window has passed. An address
/// counts in its normalised form (`AccountRules.normalizedEmail`), so writing it with spaces,
/// capitals, full-width letters or zero-width characters is the same address with the same
/// five guesses.
actor SignInLimiter {
    private var failures: [String: [Date]] = [:]
    let limit = 5
    let window: TimeInterval = 15 * 60

    /// Refused for now: another try is allowed after `retryAfter` seconds.
    struct Locked: Error {
        let retryAfter: Int
    }

    /// Signs in through `attempt` unless the address is locked; counts a wrong password.
    func signIn<Result: Sendable>(email: String, at now: Date, _ attempt: () async throws -> Result) async throws -> Result {
        let key = AccountRules.normalizedEmail(email)
        if let wait = wait(for: key, at: now) { throw Locked(retryAfter: wait) }
        do {
            let result = try await attempt()
            failures[key] = nil
            return result
        } catch AccountFailure.wrongCredentials {
            failures[key, default: []].append(now)
            throw AccountFailure.wrongCredentials
        }
    }

    /// Seconds to wait before another try, or nil when a try is allowed now.
    private func wait(for key: String, at now: Date) -> Int? {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[key] = recent.isEmpty ? nil : recent
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
    }
}
