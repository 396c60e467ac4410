import Commerce
import Foundation
import Money
import Services

/// Sign-up, sign-in and the account page with its address book.
enum AccountPages {
    static func signUp(csrf: String, next: String, email: String = "", error: String? = nil, language l: Language) -> String {
        credentials(.signUp, csrf: csrf, next: next, email: email, error: error, language: l)
    }

    static func signIn(csrf: String, next: String, email: String = "", error: String? = nil, language l: Language) -> String {
        credentials(.signIn, csrf: csrf, next: next, email: email, error: error, language: l)
    }

    enum Credentials {
        case signUp, signIn
    }

    /// The sign-up and sign-in forms: e-mail and password (and a name, to sign up), the page to
    /// return to, and a link to the other form.
    private static func credentials(_ form: Credentials, csrf: String, next: String, email: String, error: String?,
                                    language l: Language) -> String {
        let (title, action, other, otherTitle) = form == .signUp
            ? (Words.signUp(l), "/account/signup", "/account/signin", Words.signIn(l))
            : (Words.signIn(l), "/account/signin", "/account/signup", Words.signUp(l))
        let password = form == .signUp
            ? "<label>\(escapeHTML(Words.password(l))) <input type=\"password\" name=\"password\" minlength=\"10\" required autocomplete=\"new-password\"></label>\n"
                + "<label>\(escapeHTML(Words.displayName(l))) <input type=\"text\" name=\"displayName\" maxlength=\"50\"></label>"
            : "<label>\(escapeHTML(Words.currentPassword(l))) <input type=\"password\" name=\"password\" required autocomplete=\"current-password\"></label>"
        let main = """
            <section class="panel">
            <h1>\(escapeHTML(title))</h1>
            \(error.map { "<p class=\"form-error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? "")
            <form method="post" action="\(action)" class="stacked">\(BrowserSession.hiddenField(csrf))
            <input type="hidden" name="next" value="\(escapeHTML(next))">
            <label>\(escapeHTML(Words.email(l))) <input type="email" name="email" value="\(escapeHTML(email))" required autocomplete="email"></label>
            \(password)
            <button type="submit">\(escapeHTML(title))</button>
            </form>
            <p><a href="\(other)?next=\(escapeHTML(next))">\(escapeHTML(otherTitle))</a>\(form == .signIn ? " · <a href=\"/account/reset\" id=\"forgot-password\">\(escapeHTML(NoticePageWords.forgotPassword(l)))</a>" : "")</p>
            </section>
            """
        return Layout.page(title: title, language: l, path: action, main: main)
    }

    static func account(_ consumer: Consumer, addresses: [SavedAddress], identity: BuyerIdentity?, allowance: ImportAllowance?,
                        csrf: String, error: String? = nil, typed: [String: String] = [:], notice: String? = nil, passwordError: String? = nil,
                        language l: Language) -> String {
        let list = addresses.map { address in
            let makeDefault = address.isDefault ? "<span class=\"badge default-address\">\(escapeHTML(Words.defaultAddress(l)))</span>" : """
                <form method="post" action="/account/addresses/\(escapeHTML(address.id))/default" class="inline">\(BrowserSession.hiddenField(csrf))<button type="submit" class="make-default">\(escapeHTML(Words.makeDefault(l)))</button></form>
                """
            let current = ["province": address.province, "city": address.city, "district": address.district, "street": address.street,
                           "recipient": address.recipient]
            return """
                <li data-address-id="\(escapeHTML(address.id))"\(address.isDefault ? " data-default=\"true\"" : "")>\(escapeHTML(address.oneLine)) \(makeDefault)
                <form method="post" action="/account/addresses/\(escapeHTML(address.id))/delete" class="inline" onsubmit="return confirm('\(escapeHTML(Words.deleteAddressQuestion(l)))')">\(BrowserSession.hiddenField(csrf))
                <button type="submit" class="delete-address">\(escapeHTML(Words.remove(l)))</button></form>
                <details class="edit-address"><summary>\(escapeHTML(Words.editAddress(l)))</summary>
                \(addressForm(action: "/account/addresses/\(address.id)", typed: current, csrf: csrf, language: l))</details></li>
                """
        }.joined()
        let main = """
            <section class="panel">
            <h1>\(escapeHTML(Words.account(l)))</h1>
            <p>\(escapeHTML(consumer.displayName)) · \(escapeHTML(consumer.email))</p>
            <form method="post" action="/account/signout">\(BrowserSession.hiddenField(csrf))<button type="submit">\(escapeHTML(Words.signOut(l)))</button></form>
            \(identitySection(identity, allowance: allowance, csrf: csrf, language: l))
            <h2>\(escapeHTML(Words.addresses(l)))</h2>
            <ul class="addresses">\(list)</ul>
            <h2>\(escapeHTML(Words.addAddress(l)))</h2>
            \(error.map { "<p class=\"form-error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? "")
            \(addressForm(action: "/account/addresses", typed: typed, csrf: csrf, language: l))
            <h2>\(escapeHTML(Words.changePassword(l)))</h2>
            \(notice.map { "<p class=\"notice\" role=\"status\">\(escapeHTML($0))</p>" } ?? "")
            \(passwordError.map { "<p class=\"form-error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? "")
            <form method="post" action="/account/password" class="stacked" id="change-password">\(BrowserSession.hiddenField(csrf))
            <label>\(escapeHTML(Words.presentPassword(l))) <input type="password" name="currentPassword" required autocomplete="current-password"></label>
            <label>\(escapeHTML(Words.newPassword(l))) <input type="password" name="newPassword" required minlength="10" maxlength="128" autocomplete="new-password"></label>
            <button type="submit">\(escapeHTML(Words.changePassword(l)))</button>
            </form>
            </section>
            """
        return Layout.page(title: Words.account(l), language: l, path: "/account", main: main)
    }

    /// The address form, for a new address or an address changed (the mobile is typed again: only its mask is kept in view).
    static func addressForm(action: String, typed: [String: String], csrf: String, language l: Language) -> String {
        let provinces = DeliveryAddress.provinces.map { "<option\(typed["province"] == $0 ? " selected" : "")>\(escapeHTML($0))</option>" }.joined()
        func value(_ name: String) -> String { typed[name].map { " value=\"\(escapeHTML($0))\"" } ?? "" }
        return """
            <form method="post" action="\(escapeHTML(action))" class="stacked address-form">\(BrowserSession.hiddenField(csrf))
            <label>\(escapeHTML(Words.province(l))) <select name="province" required>\(provinces)</select></label>
            <label>\(escapeHTML(Words.city(l))) <input type="text" name="city"\(value("city")) required maxlength="50"></label>
            <label>\(escapeHTML(Words.district(l))) <input type="text" name="district"\(value("district")) required maxlength="50"></label>
            <label>\(escapeHTML(Words.street(l))) <input type="text" name="street"\(value("street")) required maxlength="200"></label>
            <label>\(escapeHTML(Words.recipient(l))) <input type="text" name="recipient"\(value("recipient")) required maxlength="50"></label>
            <label>\(escapeHTML(Words.mobile(l))) <input type="tel" name="mobile"\(value("mobile")) required pattern="1[3-9][0-9 -]{9,11}" inputmode="numeric"></label>
            <button type="submit">\(escapeHTML(Words.save(l)))</button>
            </form>
            """
    }

    /// ePass: the real-name identity customs declarations carry, its check, and this year's allowance.
    static func identitySection(_ identity: BuyerIdentity?, allowance: ImportAllowance?, csrf: String, language l: Language) -> String {
        let status = identity.map { identity in
            """
            <p class="identity" data-status="\(identity.status.rawValue)">\(escapeHTML(identity.nameMasked)) · \(escapeHTML(identity.idMasked)) · \(escapeHTML(identity.mobileMasked))
            · <strong>\(escapeHTML(Words.identityStatus(identity.status)(l)))</strong></p>
            """
        } ?? "<p>\(escapeHTML(Words.identityNeeded(l)))</p>"
        let used = allowance.map { allowance in
            "<p class=\"allowance\" data-left-minor=\"\(allowance.left.minorUnits)\">\(escapeHTML(Words.allowance(l))) \(allowance.year): \(escapeHTML(allowance.used.formatted(l))) / \(escapeHTML(allowance.limit.formatted(l))) · \(escapeHTML(Words.allowanceLeft(l))) \(escapeHTML(allowance.left.formatted(l)))</p>"
        } ?? ""
        let verified = identity?.status == .verified
        return """
            <h2>\(escapeHTML(Words.identity(l)))</h2>
            \(status)\(verified ? "<p class=\"identity-done\" role=\"status\">\(escapeHTML(Words.identityDone(l)))</p>" : "")\(used)
            \(verified ? "<details class=\"identity-change\"><summary>\(escapeHTML(Words.identityChange(l)))</summary>" : "")
            <form method="post" action="/account/identity" class="stacked">\(BrowserSession.hiddenField(csrf))
            <label>\(escapeHTML(Words.realName(l))) <input type="text" name="name" required maxlength="50" autocomplete="name"></label>
            <label>\(escapeHTML(Words.idNumber(l))) <input type="text" name="idNumber" required minlength="18" maxlength="18" autocomplete="off"></label>
            <label>\(escapeHTML(Words.mobile(l))) <input type="tel" name="mobile" required inputmode="numeric"></label>
            <button type="submit">\(escapeHTML(Words.verify(l)))</button>
            </form>\(verified ? "</details>" : "")
            """
    }
}
