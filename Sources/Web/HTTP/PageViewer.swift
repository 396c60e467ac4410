import Commerce
import Hummingbird
import Services

/// Who is reading a page, as the header shows it: signed in or not, how many items the cart
/// holds and how many messages are unread. Set for the pages a signed-in browser asks for, read by `Layout`.
struct PageViewer: Sendable {
    let consumer: Consumer
    let cartItems: Int64
    let unreadMessages: Int64

    var name: String { consumer.displayName }

    @TaskLocal static var current: PageViewer?
}

/// Looks the reader up once per page (only when the browser holds a session cookie, never for
/// the API), so that every page's header can say who is signed in, what the cart holds and what is new.
struct PageViewerMiddleware<Context: RequestContext>: RouterMiddleware {
    let accounts: AccountService
    let checkout: CheckoutService
    let notices: NoticeService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get, !ObservingMiddleware<Context>.isForMachines(request.uri.path),
              request.cookies[BrowserSession.sessionCookie] != nil,
              let consumer = try await BrowserSession.consumer(request, accounts: accounts) else {
            return try await next(request, context)
        }
        let items = try await checkout.cart(of: consumer).reduce(Int64(0)) { $0 + $1.quantity }
        let viewer = PageViewer(consumer: consumer, cartItems: items, unreadMessages: try await notices.unread(of: consumer))
        return try await PageViewer.$current.withValue(viewer) { try await next(request, context) }
    }
}
