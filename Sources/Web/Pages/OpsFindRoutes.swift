import Commerce
import Foundation
import Hummingbird
import Money
import Services

/// Ops' search box (in the console's menu on every ops page) and its answers, each with the page
/// where it is acted on.
struct OpsFindRoutes<Context: RequestContext> {
    let search: OpsSearch
    let pages: PageResponses
    let configuration: WebConfiguration

    func register(on router: Router<Context>) {
        router.get("/ops/find") { request, _ in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let query = String((request.uri.queryParameters.get("q") ?? "").prefix(100))
            let hits = try await search.find(query)
            return pages.page(request) { _, l in OpsFindPage.page(query: query, hits: hits, language: l) }
        }
    }
}

enum OpsFindPage {
    static func page(query: String, hits: [OpsSearch.Hit], language l: Language) -> String {
        let rows = hits.map { hit in
            """
            <tr data-kind="\(hit.kind.rawValue)"><td>\(escapeHTML(W.kind(hit.kind)(l)))</td><td><a href="\(escapeHTML(hit.link))">\(escapeHTML(hit.label))</a></td>
            <td>\(escapeHTML(hit.detail))</td><td>\(hit.at.map { ShownTime.element($0, shown: ShownTime.inBeijing($0, l)) } ?? "")</td></tr>
            """
        }.joined()
        let answer = query.isEmpty ? "<p class=\"note\">\(escapeHTML(W.hint(l)))</p>"
            : hits.isEmpty ? "<p class=\"note nothing-found\">\(escapeHTML(W.nothing(l))) “\(escapeHTML(query))”</p>"
            : "<div class=\"table-scroll\"><table class=\"records found\">\(rows)</table></div>"
        let main = """
            <section class="panel ops-find">
            <h1>\(escapeHTML(W.title(l)))</h1>
            \(Layout.opsSearchBox(query: query, language: l))
            \(answer)
            </section>
            """
        return Layout.page(title: W.title(l), language: l, path: "/ops/find", main: main)
    }

    enum W {
        static let title = LocalizedText(en: "Find", zh: "查找")
        static let hint = LocalizedText(
            en: "An order or order group, a payment, a tracking number, an air waybill, a risk case, or a buyer's e-mail or identity number.",
            zh: "订单号或订单组号、支付单号、运单号、空运提单号、风控案件号，或买家的邮箱、身份证号。")
        static let nothing = LocalizedText(en: "Nothing found for", zh: "未找到")

        static func kind(_ kind: OpsSearch.Hit.Kind) -> LocalizedText {
            switch kind {
            case .order: LocalizedText(en: "Order", zh: "订单")
            case .payment: LocalizedText(en: "Payment", zh: "支付单")
            case .parcel: LocalizedText(en: "Parcel", zh: "包裹")
            case .airWaybill: LocalizedText(en: "Air waybill", zh: "空运提单")
            case .riskCase: LocalizedText(en: "Risk case", zh: "风控案件")
            case .buyer: LocalizedText(en: "Buyer", zh: "买家")
            }
        }
    }
}
