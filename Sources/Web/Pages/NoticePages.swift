import Commerce
import Foundation
import Money
import Services

/// The buyer's messages, and the pages of a forgotten password.
enum NoticePages {
    static func messages(_ notices: [Notice], language l: Language) -> String {
        let items = notices.map { notice in
            let headline = NoticeWords.headline(notice.kind, order: notice.orderID ?? "")(l)
            let title = notice.orderID.map { "<a href=\"/orders/\(escapeHTML($0))\">\(escapeHTML(headline))</a>" } ?? escapeHTML(headline)
            return """
                <li class="notice-item" data-kind="\(notice.kind.rawValue)" data-read="\(notice.read)">
                \(notice.read ? "" : "<span class=\"badge\">\(escapeHTML(NoticePageWords.unread(l)))</span> ")<strong>\(title)</strong>
                · \(ShownTime.element(notice.createdAt, shown: ShownTime.inBeijing(notice.createdAt, l)))
                <p>\(escapeHTML(NoticeWords.explanation(notice.kind, detail: notice.detail)(l)))\(notice.mailed ? " <small>(\(escapeHTML(NoticePageWords.mailed(l))))</small>" : "")</p>
                </li>
                """
        }.joined()
        let main = """
            <section class="panel">
            <h1>\(escapeHTML(NoticePageWords.messages(l)))</h1>
            \(notices.isEmpty ? "<p class=\"empty\">\(escapeHTML(NoticePageWords.noMessages(l)))</p>" : "<ul class=\"notices\">\(items)</ul>")
            </section>
            """
        return Layout.page(title: NoticePageWords.messages(l), language: l, path: "/account/messages", main: main)
    }

    /// The form that asks for a link, or (`sent`) what happens next.
    static func askForReset(csrf: String, email: String = "", sent: Bool = false, error: String? = nil, language l: Language) -> String {
        let body = sent
            ? "<p class=\"notice\" role=\"status\" id=\"reset-sent\">\(escapeHTML(NoticePageWords.resetSent(l)))</p>"
            : """
              <p>\(escapeHTML(NoticePageWords.resetExplained(l)))</p>
              \(error.map { "<p class=\"form-error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? "")
              <form method="post" action="/account/reset" class="stacked">\(BrowserSession.hiddenField(csrf))
              <label>\(escapeHTML(Words.email(l))) <input type="email" name="email" value="\(escapeHTML(email))" required autocomplete="email"></label>
              <button type="submit">\(escapeHTML(NoticePageWords.sendLink(l)))</button>
              </form>
              """
        let main = "<section class=\"panel\"><h1>\(escapeHTML(NoticePageWords.resetTitle(l)))</h1>\n\(body)\n</section>"
        return Layout.page(title: NoticePageWords.resetTitle(l), language: l, path: "/account/reset", main: main)
    }

    /// The new-password form behind a reset link, or why the link no longer works.
    static func chooseNewPassword(token: String, open: Bool, csrf: String, error: String? = nil, language l: Language) -> String {
        let body = open
            ? """
              \(error.map { "<p class=\"form-error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? "")
              <form method="post" action="/account/reset/\(escapeHTML(token))" class="stacked">\(BrowserSession.hiddenField(csrf))
              <label>\(escapeHTML(Words.newPassword(l))) <input type="password" name="newPassword" required minlength="10" maxlength="128" autocomplete="new-password"></label>
              <button type="submit">\(escapeHTML(NoticePageWords.chooseNew(l)))</button>
              </form>
              """
            : "<p class=\"form-error\" role=\"alert\" id=\"reset-closed\">\(escapeHTML(NoticePageWords.resetClosed(l)))</p>\n<p><a href=\"/account/reset\">\(escapeHTML(NoticePageWords.askAgain(l)))</a></p>"
        let main = "<section class=\"panel\"><h1>\(escapeHTML(NoticePageWords.chooseNew(l)))</h1>\n\(body)\n</section>"
        // The language links keep the reader on this page, token and all; the site sends no referrer elsewhere.
        return Layout.page(title: NoticePageWords.chooseNew(l), language: l, path: "/account/reset/\(token)", main: main)
    }
}
