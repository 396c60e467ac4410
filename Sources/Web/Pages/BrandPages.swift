import Commerce
import Foundation
import Money
import Services

/// The pages of brand protection: the report form on a product, ops' queue of brand
/// authorisations with their verdict forms, and ops' counterfeit cases.
enum BrandPages {
    static let reportLink = LocalizedText(en: "Report a counterfeit", zh: "举报假冒商品")
    static let reportIntro = LocalizedText(
        en: "Tell us why you think this product is not genuine. Ops look at every report; the product stays on sale until they decide.",
        zh: "请告诉我们您认为该商品不是正品的理由。运营人员会审查每一条举报；在作出决定前商品仍在售。")
    static let brandOwner = LocalizedText(en: "Reporting for the brand's owner? Say who you are and where we answer.",
                                          zh: "代表品牌方举报？请填写贵公司名称及接收答复的邮箱。")
    static let send = LocalizedText(en: "Send the report", zh: "提交举报")
    static let received = LocalizedText(en: "Thank you: the report is with ops, who will look into it.", zh: "感谢您的举报，运营人员将进行核查。")
    static let authorisationsTitle = LocalizedText(en: "Brand authorisations", zh: "品牌授权")
    static let casesTitle = LocalizedText(en: "Counterfeit cases", zh: "假冒举报案件")
    static let all = LocalizedText(en: "All", zh: "全部")
    static let none = LocalizedText(en: "Nothing here.", zh: "暂无记录。")
    static let reviewer = LocalizedText(en: "Your name (recorded with the decision)", zh: "审核人姓名（随决定记录）")
    static let note = LocalizedText(en: "Note (the merchant sees it; needed to reject)", zh: "备注（商家可见；驳回时必填）")
    static let caseNote = LocalizedText(en: "Note (kept with the case)", zh: "备注（随案件记录）")
    static let accept = LocalizedText(en: "Accept", zh: "通过")
    static let reject = LocalizedText(en: "Reject", zh: "驳回")
    static let takeDown = LocalizedText(en: "Take the product down", zh: "下架商品")
    static let clear = LocalizedText(en: "Clear: put it back on sale", zh: "排除嫌疑：恢复销售")
    static let takeDownQuestion = LocalizedText(en: "Take this product off sale? Its open orders go on.", zh: "确定下架该商品吗？已有订单照常处理。")
    static let reports = LocalizedText(en: "Reports", zh: "举报记录")
    static let actions = LocalizedText(en: "What ops did", zh: "处理记录")
    static let affected = LocalizedText(en: "Orders that bought it", zh: "购买过该商品的订单")
    static let buyer = LocalizedText(en: "A buyer", zh: "买家")

    static let authorisationStatus: [BrandAuthorisation.Status: LocalizedText] = [
        .pending: LocalizedText(en: "Waiting for review", zh: "待审核"),
        .accepted: LocalizedText(en: "Accepted", zh: "已通过"),
        .rejected: LocalizedText(en: "Rejected", zh: "已驳回"),
    ]
    static let kinds: [BrandAuthorisation.Kind: LocalizedText] = [
        .ownerLetter: LocalizedText(en: "Owner's letter", zh: "品牌方授权书"),
        .trademark: LocalizedText(en: "Trademark registration", zh: "商标注册证"),
    ]
    static let caseStatus: [CounterfeitCaseStatus: LocalizedText] = [
        .open: LocalizedText(en: "Open", zh: "待处理"),
        .takenDown: LocalizedText(en: "Taken down", zh: "已下架"),
        .cleared: LocalizedText(en: "Cleared", zh: "已排除"),
    ]
    static let actionWords: [CounterfeitAction: LocalizedText] = [.takeDown: takeDown, .clear: clear]

    static func report(_ product: Product, signedIn: Bool, csrf: String, draft: CounterfeitReportDraft = .init(),
                       refusal: BrandRefusal? = nil, done: Bool = false, language l: Language) -> String {
        let errors = problems(refusal)
        func input(_ field: String, _ value: String?, type: String = "text") -> String {
            labelled(field, value, type: type, maxLength: BrandRules.textLimit, errors: errors, language: l)
        }
        let owner = signedIn ? "" : "<fieldset><legend>\(escapeHTML(brandOwner(l)))</legend>\(input("reporterName", draft.reporterName))\(input("email", draft.email, type: "email"))</fieldset>"
        let form = done ? "<p class=\"notice\" role=\"status\">\(escapeHTML(received(l)))</p>" : """
            <form method="post" action="/products/\(escapeHTML(product.id))/report">\(BrowserSession.hiddenField(csrf))
            <label>\(escapeHTML(BrandWords.field("reason")(l)))<textarea name="reason" required maxlength="\(CounterfeitRules.reasonLimit)" rows="5"\(errors["reason"] != nil ? " aria-invalid=\"true\" aria-describedby=\"reason-error\"" : "")>\(escapeHTML(draft.reason ?? ""))</textarea></label>\(fieldError("reason", errors, language: l))
            \(owner)
            <button type="submit">\(escapeHTML(send(l)))</button>
            </form>
            """
        let main = """
            <section class="panel">
            <h1>\(escapeHTML(reportLink(l))): <a href="/products/\(escapeHTML(product.id))">\(escapeHTML(product.name(l)))</a></h1>
            <p>\(escapeHTML(reportIntro(l)))</p>
            \(form)
            </section>
            """
        return Layout.page(title: reportLink(l), language: l, path: "/products/\(product.id)/report", main: main)
    }

    static func filters<Status: RawRepresentable<String> & CaseIterable>(_ base: String, _ current: Status?, words: [Status: LocalizedText],
                                                                         language l: Language) -> String {
        ([nil] + Status.allCases.map(Optional.some)).map { status in
            let name = status.map { words[$0]?(l) ?? $0.rawValue } ?? all(l)
            let mark = status?.rawValue == current?.rawValue ? " aria-current=\"page\"" : ""
            return "<a href=\"\(base)\(status.map { "?status=\($0.rawValue)" } ?? "")\"\(mark)>\(escapeHTML(name))</a>"
        }.joined(separator: " · ")
    }

    static func authorisations(_ filed: [FiledAuthorisation], status: BrandAuthorisation.Status?, csrf: String, error: String? = nil,
                               language l: Language) -> String {
        let rows = filed.map { entry in
            let a = entry.authorisation
            let verdict = a.status == .pending ? """
                <form method="post" action="/ops/brands/\(escapeHTML(a.id))/review" class="inline">\(BrowserSession.hiddenField(csrf))
                <input type="text" name="reviewer" required maxlength="100" aria-label="\(escapeHTML(reviewer(l)))" placeholder="\(escapeHTML(reviewer(l)))">
                <input type="text" name="note" maxlength="1000" aria-label="\(escapeHTML(note(l)))" placeholder="\(escapeHTML(note(l)))">
                <button type="submit" name="review" value="accepted">\(escapeHTML(accept(l)))</button>
                <button type="submit" name="review" value="rejected">\(escapeHTML(reject(l)))</button></form>
                """ : "\(escapeHTML(entry.reviewer ?? ""))\(entry.reviewNote.map { " — " + escapeHTML($0) } ?? "")"
            return """
                <tr data-authorisation-id="\(escapeHTML(a.id))" data-status="\(a.status.rawValue)"><td>\(escapeHTML(entry.merchantName))</td><td>\(escapeHTML(a.brand))</td><td>\(escapeHTML(kinds[a.kind]?(l) ?? a.kind.rawValue))</td><td>\(escapeHTML(a.owner))</td><td>\(escapeHTML([a.office, a.registrationNumber].compactMap { $0 }.joined(separator: " ")))</td><td>\(a.classes.sorted().map(String.init).joined(separator: ", "))</td><td>\(a.validFrom) – \(a.validUntil)</td><td>\(escapeHTML(authorisationStatus[a.status]?(l) ?? a.status.rawValue))</td><td>\(verdict)</td></tr>
                """
        }.joined()
        let heads = [LocalizedText(en: "Merchant", zh: "商家"), BrandWords.field("brand"), BrandWords.field("kind"), BrandWords.field("owner"),
                     BrandWords.field("registrationNumber"), BrandWords.field("classes"), LocalizedText(en: "Valid", zh: "有效期"),
                     LocalizedText(en: "Status", zh: "状态"), LocalizedText(en: "Review", zh: "审核")]
            .map { "<th>\(escapeHTML($0(l)))</th>" }.joined()
        let main = """
            <section class="panel">
            <h1>\(escapeHTML(authorisationsTitle(l)))</h1>
            \(error.map { "<p class=\"error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? "")
            <nav class="filters">\(filters("/ops/brands", status, words: authorisationStatus, language: l))</nav>
            \(filed.isEmpty ? "<p>\(escapeHTML(none(l)))</p>" : "<div class=\"table-scroll\"><table class=\"authorisations\"><thead><tr>\(heads)</tr></thead><tbody>\(rows)</tbody></table></div>")
            <p><a href="/ops/counterfeits">\(escapeHTML(casesTitle(l)))</a></p>
            </section>
            """
        return Layout.page(title: authorisationsTitle(l), language: l, path: "/ops/brands", main: main)
    }

    static func cases(_ cases: [CounterfeitCase], status: CounterfeitCaseStatus?, language l: Language) -> String {
        let rows = cases.map { c in
            """
            <tr data-case-id="\(escapeHTML(c.id))" data-status="\(c.status.rawValue)"><td><a href="/ops/counterfeits/\(escapeHTML(c.id))">\(escapeHTML(c.productName(l)))</a></td><td>\(escapeHTML(c.brand))</td><td>\(escapeHTML(c.merchantName))</td><td>\(c.reports)</td><td>\(escapeHTML(caseStatus[c.status]?(l) ?? c.status.rawValue))</td><td>\(ShownTime.element(c.updatedAt, shown: ShownTime.inBeijing(c.updatedAt, l)))</td></tr>
            """
        }.joined()
        let heads = [BrandWords.field("productId"), BrandWords.field("brand"), LocalizedText(en: "Merchant", zh: "商家"), reports,
                     LocalizedText(en: "Status", zh: "状态"), LocalizedText(en: "Last change", zh: "最近更新")]
            .map { "<th>\(escapeHTML($0(l)))</th>" }.joined()
        let main = """
            <section class="panel">
            <h1>\(escapeHTML(casesTitle(l)))</h1>
            <nav class="filters">\(filters("/ops/counterfeits", status, words: caseStatus, language: l))</nav>
            \(cases.isEmpty ? "<p>\(escapeHTML(none(l)))</p>" : "<div class=\"table-scroll\"><table class=\"cases\"><thead><tr>\(heads)</tr></thead><tbody>\(rows)</tbody></table></div>")
            <p><a href="/ops/brands">\(escapeHTML(authorisationsTitle(l)))</a></p>
            </section>
            """
        return Layout.page(title: casesTitle(l), language: l, path: "/ops/counterfeits", main: main)
    }

    static func file(_ file: CounterfeitCaseFile, csrf: String, error: String? = nil, language l: Language) -> String {
        let c = file.summary
        let reportItems = file.reports.map { r in
            let who = r.reporterKind == "buyer" ? buyer(l) : [r.reporterName, r.email].compactMap { $0 }.joined(separator: " · ")
            return "<li data-reporter=\"\(escapeHTML(r.reporterKind))\">\(ShownTime.element(r.reportedAt, shown: ShownTime.inBeijing(r.reportedAt, l))) · \(escapeHTML(who)): \(escapeHTML(r.reason))</li>"
        }.joined()
        let actionItems = file.actions.map { a in
            "<li data-action=\"\(a.action.rawValue)\">\(ShownTime.element(a.at, shown: ShownTime.inBeijing(a.at, l))) · \(escapeHTML(actionWords[a.action]?(l) ?? a.action.rawValue)) · \(escapeHTML(a.actor))\(a.note.map { " — " + escapeHTML($0) } ?? "")</li>"
        }.joined()
        let orderRows = file.affectedOrders.map { o in
            "<tr data-order-id=\"\(escapeHTML(o.orderID))\"><td><a href=\"/ops/orders/\(escapeHTML(o.orderID))\">\(escapeHTML(o.orderID))</a></td><td>\(escapeHTML(o.status.rawValue))</td><td>\(o.quantity)</td><td>\(escapeHTML(Money(minorUnits: o.goodsCNY, currency: .CNY).formatted(l)))</td><td>\(ShownTime.element(o.placedAt, shown: ShownTime.inBeijing(o.placedAt, l)))</td></tr>"
        }.joined()
        let possible = CounterfeitAction.allCases.filter { $0.after(c.status) != nil }
        let buttons = possible.map { action in
            let confirm = action == .takeDown ? " data-confirm=\"\(escapeHTML(takeDownQuestion(l)))\" onclick=\"return confirm(this.dataset.confirm)\"" : ""
            return "<button type=\"submit\" name=\"action\" value=\"\(action.rawValue)\"\(confirm)>\(escapeHTML(actionWords[action]?(l) ?? action.rawValue))</button>"
        }.joined(separator: " ")
        let form = possible.isEmpty ? "" : """
            <form method="post" action="/ops/counterfeits/\(escapeHTML(c.id))/actions">\(BrowserSession.hiddenField(csrf))
            <input type="text" name="reviewer" required maxlength="100" aria-label="\(escapeHTML(reviewer(l)))" placeholder="\(escapeHTML(reviewer(l)))">
            <input type="text" name="note" maxlength="1000" aria-label="\(escapeHTML(caseNote(l)))" placeholder="\(escapeHTML(caseNote(l)))">
            \(buttons)</form>
            """
        let main = """
            <section class="panel" data-case-id="\(escapeHTML(c.id))" data-status="\(c.status.rawValue)">
            <h1>\(escapeHTML(casesTitle(l))): <a href="/products/\(escapeHTML(c.productID))">\(escapeHTML(c.productName(l)))</a></h1>
            <p>\(escapeHTML(BrandWords.field("brand")(l))): \(escapeHTML(c.brand)) · \(escapeHTML(c.merchantName)) · \(escapeHTML(caseStatus[c.status]?(l) ?? c.status.rawValue))</p>
            \(error.map { "<p class=\"error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? "")
            \(form)
            <h2>\(escapeHTML(reports(l)))</h2><ul class="reports">\(reportItems)</ul>
            <h2>\(escapeHTML(actions(l)))</h2>\(actionItems.isEmpty ? "<p>\(escapeHTML(none(l)))</p>" : "<ul class=\"actions\">\(actionItems)</ul>")
            <h2>\(escapeHTML(affected(l)))</h2>\(orderRows.isEmpty ? "<p>\(escapeHTML(none(l)))</p>" : "<div class=\"table-scroll\"><table class=\"affected\"><tbody>\(orderRows)</tbody></table></div>")
            </section>
            """
        return Layout.page(title: casesTitle(l), language: l, path: "/ops/counterfeits/\(c.id)", main: main)
    }

    static let merchantTitle = LocalizedText(en: "Your brands", zh: "我的品牌授权")
    static let merchantIntro = LocalizedText(
        en: "A product of a brand is published only while an accepted authorisation for it is on file: the brand owner's letter, or the trademark registration. Ops review each filing.",
        zh: "品牌商品须有已审核通过的品牌授权方可上架：品牌方授权书或商标注册证。每份文件均由运营人员审核。")
    static let file = LocalizedText(en: "File an authorisation", zh: "提交品牌授权")
    static let classesHint = LocalizedText(en: "Nice classes, separated by commas (3 cosmetics, 14 watches, 18 bags, 25 clothing and shoes, 29–30 food)",
                                           zh: "尼斯分类类别，以逗号分隔（3 化妆品，14 钟表，18 箱包，25 服装鞋帽，29–30 食品）")

    /// The merchant's own filings and the form to file another, with what was typed kept.
    static func merchantBrands(_ filed: [FiledAuthorisation], merchant: Merchant, csrf: String, draft: BrandAuthorisationDraft = .init(),
                               refusal: BrandRefusal? = nil, language l: Language) -> String {
        let errors = problems(refusal)
        func input(_ field: String, _ value: String?, type: String = "text", hint: LocalizedText? = nil) -> String {
            labelled(field, value, type: type, label: hint, errors: errors, language: l)
        }
        let kindOptions = BrandAuthorisation.Kind.allCases.map { kind in
            "<option value=\"\(kind.rawValue)\"\(draft.kind == kind.rawValue ? " selected" : "")>\(escapeHTML(kinds[kind]?(l) ?? kind.rawValue))</option>"
        }.joined()
        let rows = filed.map { entry in
            let a = entry.authorisation
            return """
                <tr data-authorisation-id="\(escapeHTML(a.id))" data-status="\(a.status.rawValue)"><td>\(escapeHTML(a.brand))</td><td>\(escapeHTML(kinds[a.kind]?(l) ?? a.kind.rawValue))</td><td>\(a.classes.sorted().map(String.init).joined(separator: ", "))</td><td>\(a.validFrom) – \(a.validUntil)</td><td>\(escapeHTML(authorisationStatus[a.status]?(l) ?? a.status.rawValue))\(entry.reviewNote.map { " — " + escapeHTML($0) } ?? "")</td></tr>
                """
        }.joined()
        let heads = [BrandWords.field("brand"), BrandWords.field("kind"), BrandWords.field("classes"), LocalizedText(en: "Valid", zh: "有效期"),
                     LocalizedText(en: "Status", zh: "状态")].map { "<th>\(escapeHTML($0(l)))</th>" }.joined()
        let main = """
            <section class="panel">
            <h1>\(escapeHTML(merchantTitle(l))) · \(escapeHTML(merchant.name(l)))</h1>
            <p>\(escapeHTML(merchantIntro(l)))</p>
            \(filed.isEmpty ? "<p>\(escapeHTML(none(l)))</p>" : "<div class=\"table-scroll\"><table class=\"authorisations\"><thead><tr>\(heads)</tr></thead><tbody>\(rows)</tbody></table></div>")
            <h2>\(escapeHTML(file(l)))</h2>
            <form method="post" action="/merchant/brands" class="stacked">\(BrowserSession.hiddenField(csrf))
            \(input("brand", draft.brand))
            <label>\(escapeHTML(BrandWords.field("kind")(l)))<select name="kind">\(kindOptions)</select></label>
            \(input("owner", draft.owner))
            \(input("office", draft.office))
            \(input("registrationNumber", draft.registrationNumber))
            \(input("classes", draft.classes.map { $0.map(String.init).joined(separator: ", ") }, hint: classesHint))
            \(input("validFrom", draft.validFrom, type: "date"))
            \(input("validUntil", draft.validUntil, type: "date"))
            <button type="submit">\(escapeHTML(file(l)))</button>
            </form>
            </section>
            """
        return Layout.page(title: merchantTitle(l), language: l, path: "/merchant/brands", main: main)
    }

    /// The first problem of each field in `refusal`, by the name the form gives it (a list's
    /// items under the list's own name: "classes[1]" is "classes").
    static func problems(_ refusal: BrandRefusal?) -> [String: BrandProblem.Reason] {
        Dictionary((refusal?.problems ?? []).map { ($0.field.replacing(/\[\d+\]/, with: ""), $0.reason) }, uniquingKeysWith: { first, _ in first })
    }

    /// What is wrong with `field`, said beside it, or nothing.
    static func fieldError(_ field: String, _ errors: [String: BrandProblem.Reason], language l: Language) -> String {
        errors[field].map { "<p class=\"field-error\" id=\"\(field)-error\">\(escapeHTML(BrandWords.problem($0)(l)))</p>" } ?? ""
    }

    /// A labelled input holding what was typed, marked and described when it was refused.
    static func labelled(_ field: String, _ value: String?, type: String, label: LocalizedText? = nil, maxLength: Int? = nil,
                         errors: [String: BrandProblem.Reason], language l: Language) -> String {
        let limit = maxLength.map { " maxlength=\"\($0)\"" } ?? ""
        let invalid = errors[field] != nil ? " aria-invalid=\"true\" aria-describedby=\"\(field)-error\"" : ""
        return """
            <label>\(escapeHTML((label ?? BrandWords.field(field))(l)))<input type="\(type)" name="\(field)" value="\(escapeHTML(value ?? ""))"\(limit)\(invalid)></label>\(fieldError(field, errors, language: l))
            """
    }
}
