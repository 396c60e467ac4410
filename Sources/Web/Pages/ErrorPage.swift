import Commerce
import Hummingbird
import Foundation
import Money

/// The HTML page a browser gets when something goes wrong: what happened in the reader's
/// language (the rule's own words beside it, where it named one), and a way on — signing in
/// when that is what is missing, back to the page the reader came from, or home.
enum ErrorPage {
    /// What each kind of problem is called, in both languages.
    static let titles: [String: LocalizedText] = [
        "not-found": LocalizedText(en: "Page not found", zh: "页面不存在"),
        "unauthorized": LocalizedText(en: "Please sign in", zh: "请先登录"),
        "validation": LocalizedText(en: "Something you entered is not valid", zh: "填写的内容有误"),
        "malformed-request": LocalizedText(en: "The form could not be read", zh: "表单无法读取"),
        "conflict": LocalizedText(en: "Something changed meanwhile: please try again", zh: "数据已变更，请重试"),
        "out-of-stock": LocalizedText(en: "Not enough in stock", zh: "库存不足"),
        "identity-required": LocalizedText(en: "A real-name identity (ePass) is needed first", zh: "请先完成实名认证（ePass）"),
        "annual-limit": LocalizedText(en: "Your annual cross-border allowance would be exceeded", zh: "将超出您的跨境电商年度限额"),
        "quote-expired": LocalizedText(en: "The quote has expired: check out again", zh: "报价已过期，请重新结算"),
        "cannot-quote": LocalizedText(en: "The order cannot be priced", zh: "订单无法报价"),
        "too-many-attempts": LocalizedText(en: "Too many attempts: please wait a little", zh: "尝试次数过多，请稍后再试"),
        "impossible-transition": LocalizedText(en: "Not possible in the order's present state", zh: "订单当前状态下无法操作"),
        "not-payable": LocalizedText(en: "This cannot be paid now", zh: "当前无法付款"),
        "return-refused": LocalizedText(en: "This order cannot be returned", zh: "此订单无法退货"),
        "order-refused": LocalizedText(en: "This order cannot be taken: contact support if you think this is a mistake", zh: "此订单无法受理，如有疑问请联系客服"),
        "rate-unavailable": LocalizedText(en: "No current exchange rate: please try again later", zh: "暂无有效汇率，请稍后再试"),
        "no-channel": LocalizedText(en: "No payment channel is available now", zh: "暂无可用的支付渠道"),
        "wallet-too-low": LocalizedText(en: "Not enough in the wallet", zh: "钱包余额不足"),
        "internal": LocalizedText(en: "Something went wrong on our side", zh: "系统出错了，我们正在处理"),
    ]

    /// `back`: the page the reader came from, when it is one of ours.
    static func response(_ problem: Problem, language l: Language, path: String, back: String?) -> Response {
        let kind = String(problem.type.split(separator: "/").last ?? "")
        let title = titles[kind]?(l) ?? problem.title
        let next = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/"
        var ways: [String] = []
        if problem.status == 401 {
            ways.append("<a href=\"/account/signin?next=\(escapeHTML(next))\" id=\"error-sign-in\">\(escapeHTML(Words.signIn(l)))</a>")
        }
        if let back { ways.append("<a href=\"\(escapeHTML(back))\" id=\"error-back\">\(escapeHTML(LocalizedText(en: "Back", zh: "返回")(l)))</a>") }
        ways.append("<a href=\"/\">\(escapeHTML(Words.backHome(l)))</a>")
        let main = """
            <section class="error" data-problem="\(escapeHTML(problem.type))">
            <h1>\(escapeHTML(title))</h1>
            <p>\(escapeHTML(problem.detail))</p>
            <p>\(ways.joined(separator: " · "))</p>
            </section>
            """
        return Responses.html(Layout.page(title: title, language: l, path: "/", main: main),
                              status: HTTPResponse.Status(code: problem.status))
    }

    /// The Referer's path when it points at this site (same host), else nil.
    static func back(from request: Request) -> String? {
        guard let referer = request.headers[.referer], let url = URL(string: referer), let authority = request.head.authority,
              url.host.map({ authority.hasPrefix($0) }) == true else { return nil }
        let path = url.path.isEmpty ? "/" : url.path
        return path + (url.query.map { "?" + $0 } ?? "")
    }
}
