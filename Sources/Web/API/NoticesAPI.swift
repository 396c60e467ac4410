import Commerce
import Foundation
import Hummingbird
import Services

/// The buyer's messages for an app: what the messages page shows, in the request's language.
/// Reading them marks nothing read; the app says which it showed (`/read`), as the page does.
struct NoticesAPI<Context: RequestContext> {
    let accounts: AccountService
    let notices: NoticeService
    let idempotency: IdempotencyService
    let configuration: WebConfiguration

    struct ReadInput: Decodable { let ids: [String] }
    struct Unread: Encodable { let unread: Int64 }

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
        router.post("/api/v1/me/notices/read") { request, _ in
            let consumer = try await BrowserSession.apiConsumer(request, accounts: accounts)
            return try await idempotency.respond(to: request, principal: "consumer:\(consumer.id)", limit: configuration.maxBodyBytes,
                                                 status: 200) { body in
                let input = try RequestBody.json(ReadInput.self, from: body)
                guard input.ids.count <= 500 else { throw Problem.validation("at most 500 messages at a time", field: "ids") }
                try await notices.markRead(input.ids, of: consumer, at: Date())
                return ([], try Responses.jsonBytes(Unread(unread: try await notices.unread(of: consumer))))
            }
        }
    }
}
