import Foundation
import Hummingbird
import Money
import Services

/// What every page route does the same way: read a form and check its CSRF token, find the
/// signed-in buyer, render with a CSRF token (setting its cookie the first time), redirect.
struct PageResponses {
    let accounts: AccountService
    let configuration: WebConfiguration
    var maxBodyBytes: Int { configuration.maxBodyBytes }

    func postedForm(_ request: Request, limit: Int? = nil) async throws -> [String: String] {
        let form = try await FormBody.read(request, limit: limit ?? maxBodyBytes)
        try BrowserSession.checkCSRF(request, form: form, cipher: configuration.cipher)
        return form
    }

    func mustBeSignedIn(_ request: Request) async throws -> Consumer {
        guard let consumer = try await BrowserSession.consumer(request, accounts: accounts) else {
            throw Problem.unauthorized("sign in first")
        }
        return consumer
    }

    /// A page that needs a CSRF token; sets the cookie when the browser has none yet.
    func page(_ request: Request, _ render: (String, Language) -> String) -> Response {
        let (csrf, cookie) = BrowserSession.csrf(request, cipher: configuration.cipher)
        var response = Responses.html(render(csrf, LanguageChoice.language(of: request)))
        if let cookie { response.setCookie(cookie) }
        return response
    }

    /// A page that needs a CSRF token and reads what it shows.
    func pageAsync(_ request: Request, _ render: (String, Language) async throws -> String) async throws -> Response {
        let (csrf, cookie) = BrowserSession.csrf(request, cipher: configuration.cipher)
        var response = Responses.html(try await render(csrf, LanguageChoice.language(of: request)))
        if let cookie { response.setCookie(cookie) }
        return response
    }

    /// A page for signed-in buyers; others are sent to sign in and brought back.
    func signedInPage(_ request: Request, _ render: (Consumer, String, Language) async throws -> String) async throws -> Response {
        guard let consumer = try await BrowserSession.consumer(request, accounts: accounts) else {
            let back = request.uri.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/"
            return redirect(to: "/account/signin?next=\(back)")
        }
        let (csrf, cookie) = BrowserSession.csrf(request, cipher: configuration.cipher)
        var response = Responses.html(try await render(consumer, csrf, LanguageChoice.language(of: request)))
        if let cookie { response.setCookie(cookie) }
        return response
    }

    func redirect(to location: String, setting cookie: Cookie? = nil) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        if let cookie { response.setCookie(cookie) }
        return response
    }
}
