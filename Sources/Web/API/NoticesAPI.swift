import Commerce
import Foundation
import Hummingbird
import Services

/// The buyer's messages for an app: what the messages page shows, in the request's language.
/// Reading them here marks nothing read; the page does that.
struct NoticesAPI<Context: RequestContext> {
    let accounts: AccountService
    let notices: NoticeService

    struct NoticeDocument: Encodable {
        let id: String
        let kind: String
        let orderId: String?
        let headline: String
        let explanation: String
        let createdAt: String
        let read: Bool
        let mailed: Bool
    }

    struct NoticeList: Encodable {
        let notices: [NoticeDocument]
        let unread: Int64
    }

    func register(on router: Router<Context>) {
        router.get("/api/v1/me/notices") { request, _ in
            let consumer = try await BrowserSession.apiConsumer(request, accounts: accounts)
            let l = LanguageChoice.language(of: request)
            let listed = try await notices.notices(of: consumer).map { notice in
                NoticeDocument(id: notice.id, kind: notice.kind.rawValue, orderId: notice.orderID,
                               headline: NoticeWords.headline(notice.kind, order: notice.orderID ?? "")(l),
                               explanation: NoticeWords.explanation(notice.kind, detail: notice.detail)(l),
                               createdAt: notice.createdAt.ISO8601Format(), read: notice.read, mailed: notice.mailed)
            }
            return try Responses.json(NoticeList(notices: listed, unread: try await notices.unread(of: consumer)))
        }
    }
}
