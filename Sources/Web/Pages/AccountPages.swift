import Commerce
import Foundation
import Money
import Services

/// Sign-up, sign-in and the account page with its address book.
enum AccountPages {
    static func signUp(csrf: String, next: String, email: String = "", error: String? = nil, language l: Language) -> String {
        let main = """
            <section class="panel">
            <h1>\(escapeHTML(Words.signUp(l)))</h1>
            \(error.map { "<p class=\"form-error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? "")
            <form method="post" action="/account/signup" class="stacked">\(BrowserSession.hiddenField(csrf))
            <input type="hidden" name="next" value="\(escapeHTML(next))">
            <label>\(escapeHTML(Words.email(l))) <input type="email" name="email" value="\(escapeHTML(email))" required autocomplete="email"></label>
            <label>\(escapeHTML(Words.password(l))) <input type="password" name="password" minlength="10" required autocomplete="new-password"></label>
            <label>\(escapeHTML(Words.displayName(l))) <input type="text" name="displayName" maxlength="50"></label>
            <button type="submit">\(escapeHTML(Words.signUp(l)))</button>
            </form>
            <p><a href="/account/signin?next=\(escapeHTML(next))">\(escapeHTML(Words.signIn(l)))</a></p>
            </section>
            """
        return Layout.page(title: Words.signUp(l), language: l, path: "/account/signup", main: main)
    }

    static func signIn(csrf: String, next: String, email: String = "", error: String? = nil, language l: Language) -> String {
        let main = """
            <section class="panel">
            <h1>\(escapeHTML(Words.signIn(l)))</h1>
            \(error.map { "<p class=\"form-error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? "")
            <form method="post" action="/account/signin" class="stacked">\(BrowserSession.hiddenField(csrf))
            <input type="hidden" name="next" value="\(escapeHTML(next))">
            <label>\(escapeHTML(Words.email(l))) <input type="email" name="email" value="\(escapeHTML(email))" required autocomplete="email"></label>
            <label>\(escapeHTML(Words.currentPassword(l))) <input type="password" name="password" required autocomplete="current-password"></label>
            <button type="submit">\(escapeHTML(Words.signIn(l)))</button>
            </form>
            <p><a href="/account/signup?next=\(escapeHTML(next))">\(escapeHTML(Words.signUp(l)))</a></p>
            </section>
            """
        return Layout.page(title: Words.signIn(l), language: l, path: "/account/signin", main: main)
    }

    static func account(_ consumer: Consumer, addresses: [SavedAddress], csrf: String, error: String? = nil, language l: Language) -> String {
        let list = addresses.map { "<li data-address-id=\"\(escapeHTML($0.id))\">\(escapeHTML($0.oneLine))</li>" }.joined()
        let provinces = DeliveryAddress.provinces.map { "<option>\(escapeHTML($0))</option>" }.joined()
        let main = """
            <section class="panel">
            <h1>\(escapeHTML(Words.account(l)))</h1>
            <p>\(escapeHTML(consumer.displayName)) · \(escapeHTML(consumer.email))</p>
            <form method="post" action="/account/signout">\(BrowserSession.hiddenField(csrf))<button type="submit">\(escapeHTML(Words.signOut(l)))</button></form>
            <h2>\(escapeHTML(Words.addresses(l)))</h2>
            <ul class="addresses">\(list)</ul>
            <h2>\(escapeHTML(Words.addAddress(l)))</h2>
            \(error.map { "<p class=\"form-error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? "")
            <form method="post" action="/account/addresses" class="stacked">\(BrowserSession.hiddenField(csrf))
            <label>\(escapeHTML(Words.province(l))) <select name="province" required>\(provinces)</select></label>
            <label>\(escapeHTML(Words.city(l))) <input type="text" name="city" required maxlength="50"></label>
            <label>\(escapeHTML(Words.district(l))) <input type="text" name="district" required maxlength="50"></label>
            <label>\(escapeHTML(Words.street(l))) <input type="text" name="street" required maxlength="200"></label>
            <label>\(escapeHTML(Words.recipient(l))) <input type="text" name="recipient" required maxlength="50"></label>
            <label>\(escapeHTML(Words.mobile(l))) <input type="tel" name="mobile" required pattern="1[3-9][0-9 -]{9,11}" inputmode="numeric"></label>
            <button type="submit">\(escapeHTML(Words.save(l)))</button>
            </form>
            </section>
            """
        return Layout.page(title: Words.account(l), language: l, path: "/account", main: main)
    }
}
