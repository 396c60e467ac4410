import Commerce
import Foundation
import Hummingbird
import Services

/// The buyer's messages page, and a forgotten password's pages: asking for a link, and the
/// link's form that sets a new password and signs the buyer in.
struct NoticeRoutes<Context: RequestContext> {
    let accounts: AccountService
    let notices: NoticeService
    let pages: PageResponses

    func register(on router: Router<Context>) {
        router.get("/account/messages") { request, _ in
            try await pages.signedInPage(request) { consumer, _, l in
                let list = try await notices.notices(of: consumer)
                // Shown is read: the page marks what it shows.
                try await notices.markRead(list.filter { !$0.read }.map(\.id), of: consumer, at: Date())
                return NoticePages.messages(list, language: l)
            }
        }
        router.get("/account/reset") { request, _ in
            pages.page(request) { csrf, l in NoticePages.askForReset(csrf: csrf, language: l) }
        }
        router.post("/account/reset") { request, _ in
            let form = try await pages.postedForm(request)
            let email = form["email"] ?? ""
            do {
                try await accounts.requestPasswordReset(email: email, at: Date())
                return pages.page(request) { csrf, l in NoticePages.askForReset(csrf: csrf, sent: true, language: l) }
            } catch let error as AccountError {
                var response = pages.page(request) { csrf, l in NoticePages.askForReset(csrf: csrf, email: email, error: error.message, language: l) }
                response.status = .badRequest
                return response
            }
        }
        router.get("/account/reset/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            let open = try await accounts.resetIsOpen(token: token, at: Date())
            var response = pages.page(request) { csrf, l in NoticePages.chooseNewPassword(token: token, open: open, csrf: csrf, language: l) }
            if !open { response.status = .gone }
            return response
        }
        router.post("/account/reset/:token") { request, context in
            let form = try await pages.postedForm(request)
            let token = context.parameters.get("token") ?? ""
            let password = form["newPassword"] ?? ""
            do {
                let (_, session) = try await accounts.resetPassword(token: token, new: password, at: Date())
                return pages.redirect(to: "/account", setting: BrowserSession.signedIn(session))
            } catch let error as AccountError {
                var response = pages.page(request) { csrf, l in
                    NoticePages.chooseNewPassword(token: token, open: true, csrf: csrf, error: error.message, language: l)
                }
                response.status = .badRequest
                return response
            } catch AccountFailure.resetLinkClosed {
                var response = pages.page(request) { csrf, l in NoticePages.chooseNewPassword(token: token, open: false, csrf: csrf, language: l) }
                response.status = .gone
                return response
            }
        }
    }
}
