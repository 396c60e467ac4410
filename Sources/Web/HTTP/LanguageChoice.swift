import Hummingbird
import Money

/// Which language a request is served in: `?lang=` first (and then remembered in a cookie),
/// then the `lang` cookie, then Accept-Language.
enum LanguageChoice {
    static let cookieName = "lang"

    static func language(of request: Request) -> Language {
        if let asked = request.uri.queryParameters.get("lang"), let language = Language(rawValue: asked) { return language }
        if let remembered = request.cookies[cookieName]?.value, let language = Language(rawValue: remembered) { return language }
        return Language.preferred(acceptLanguage: request.headers[.acceptLanguage])
    }

    static func rememberingCookie(_ language: Language) -> Cookie {
        Cookie(name: cookieName, value: language.rawValue, maxAge: 365 * 24 * 3600, path: "/", httpOnly: true, sameSite: .lax)
    }
}
