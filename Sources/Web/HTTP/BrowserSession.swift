import Foundation
import Commerce
import Hummingbird
import Services

/// The cookies a browser carries: the session (Secure, HttpOnly, SameSite=Lax) and the CSRF
/// token every form repeats in a hidden field (double submit: a page on another site can
/// make the browser send the cookie, but cannot read it to fill the field).
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

    /// The CSRF token of this browser, and the cookie to set when it had none yet.
    static func csrf(_ request: Request) -> (token: String, cookie: Cookie?) {
        if let existing = request.cookies[csrfCookie]?.value, existing.count >= 32 { return (existing, nil) }
        let token = Secrets.token()
        return (token, Cookie(name: csrfCookie, value: token, path: "/", secure: true, httpOnly: true, sameSite: .strict))
    }

    /// Refuses a form post whose hidden token does not match the browser's cookie.
    static func checkCSRF(_ request: Request, form: [String: String]) throws {
        guard let cookie = request.cookies[csrfCookie]?.value, !cookie.isEmpty, let field = form["csrf"],
              Secrets.same(cookie, field)
        else {
            throw Problem(type: "csrf", title: "The form expired", status: .forbidden,
                          detail: "Reload the page and send the form again.")
        }
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
