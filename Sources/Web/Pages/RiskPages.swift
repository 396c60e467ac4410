import Commerce
import Foundation
import Money
import Services

/// The risk console's pages, in both languages: the rules with their dry run, the cases, and one
/// case whole with its graph.
enum RiskPages {
    struct Draft {
        let text: String
        let days: Int
        let refusal: RiskRuleSet.Problem?
    }

    static func rules(_ rules: RiskRuleSet, version: Int64, history: [RiskRuleService.Version], draft: Draft?, dryRun: RiskRuleService.DryRun?,
                      merchants: [(merchantID: String, percent: Int64)], saved: Bool, csrf: String, language l: Language) -> String {
        let text = draft?.text ?? rules.text
        let refusal = draft?.refusal.map { problem in
            "<p class=\"form-error\" role=\"alert\" data-field=\"rules\" data-line=\"\(problem.line)\">\(escapeHTML(W.lineAtFault(problem.line)(l))) \(escapeHTML(problem.message(l)))</p>"
        } ?? ""
        let signals = RiskSignal.allCases.map { "<tr><td><code>\(escapeHTML($0.name))</code></td><td>\(escapeHTML($0.meaning(l)))</td></tr>" }.joined()
        let versions = history.map { version in
            "<li>v\(version.version) · \(ShownTime.element(version.createdAt, shown: ShownTime.inBeijing(version.createdAt, l))) · \(escapeHTML(version.author)) · \(escapeHTML(version.note))</li>"
        }.joined()
        let concentration = merchants.prefix(10).map { "<tr><td>\(escapeHTML($0.merchantID))</td><td class=\"amount\">\($0.percent) %</td></tr>" }.joined()
        let main = """
            <section class="panel risk-rules">
            <h1>\(escapeHTML(W.rulesTitle(l)))</h1>
            <p class="note">\(escapeHTML(W.rulesExplanation(l)))</p>
            <p class="rules-version" data-version="\(version)">\(escapeHTML(W.inForce(l))): \(version == 0 ? escapeHTML(W.defaults(l)) : "v\(version)")\(saved ? " · " + escapeHTML(W.saved(l)) : "")</p>
            \(refusal)
            <form method="post" action="/ops/risk/rules" class="stacked rules-form">\(BrowserSession.hiddenField(csrf))
            <label>\(escapeHTML(W.rulesText(l))) <textarea name="rules" rows="18" spellcheck="false" required>\(escapeHTML(text))</textarea></label>
            <label>\(escapeHTML(W.note(l))) <input type="text" name="note" maxlength="500"></label>
            <label>\(escapeHTML(W.days(l))) <input type="number" name="days" min="1" max="30" value="\(draft?.days ?? 7)"></label>
            <div><button type="submit" name="intent" value="dry-run" id="dry-run">\(escapeHTML(W.dryRun(l)))</button>
            <button type="submit" name="intent" value="save" id="save-rules" onclick="return confirm('\(escapeHTML(W.saveQuestion(l)))')">\(escapeHTML(W.saveRules(l)))</button></div>
            </form>
            \(dryRun.map { results($0, language: l) } ?? "")
            </section>
            <section class="panel"><h2>\(escapeHTML(W.signals(l)))</h2><div class="table-scroll"><table class="records signals">\(signals)</table></div></section>
            <section class="panel"><h2>\(escapeHTML(W.merchants(l)))</h2><p class="note">\(escapeHTML(W.merchantsExplanation(l)))</p>
            <table class="records merchant-concentration">\(concentration)</table></section>
            <section class="panel"><h2>\(escapeHTML(W.versions(l)))</h2><ul class="rule-versions">\(versions)</ul></section>
            """
        return Layout.page(title: W.rulesTitle(l), language: l, path: "/ops/risk", main: main)
    }

    private static func results(_ run: RiskRuleService.DryRun, language l: Language) -> String {
        let actions = RiskRuleSet.Action.allCases.map { action in
            "<tr data-action=\"\(action.rawValue)\"><th>\(escapeHTML(W.action(action)(l)))</th><td class=\"amount now\">\(run.inForce[action] ?? 0)</td><td class=\"amount draft\">\(run.draft[action] ?? 0)</td></tr>"
        }.joined()
        let matches = run.matches.map { "<li><code>\(escapeHTML($0.rule))</code>: \($0.orders)</li>" }.joined()
        let changes = run.changes.map { change in
            "<tr><td>\(escapeHTML(change.orderID))</td><td>\(ShownTime.element(change.at, shown: ShownTime.inBeijing(change.at, l)))</td><td>\(escapeHTML(W.action(change.now)(l))) → \(escapeHTML(W.action(change.draft)(l)))</td><td>\(escapeHTML(change.reason))</td></tr>"
        }.joined()
        return """
            <section class="dry-run" data-orders="\(run.orders)">
            <h2>\(escapeHTML(W.dryRunOf(l))) \(run.days) \(escapeHTML(W.daysShort(l))) · \(run.orders) \(escapeHTML(W.ordersWord(l)))</h2>
            <table class="records"><tr><th></th><th>\(escapeHTML(W.inForce(l)))</th><th>\(escapeHTML(W.draft(l)))</th></tr>\(actions)</table>
            <ul class="rule-matches">\(matches)</ul>
            <div class="table-scroll"><table class="records dry-run-changes">\(changes)</table></div>
            </section>
            """
    }

    static func cases(_ found: [RiskCaseService.Summary], status: String?, page: Int, language l: Language) -> String {
        let rows = found.prefix(Layout.perPage).map { summary in
            """
            <tr data-case="\(escapeHTML(summary.id))" data-status="\(escapeHTML(summary.status))"><td><a href="/ops/risk/cases/\(escapeHTML(summary.id))">\(escapeHTML(summary.id))</a></td>
            <td>\(escapeHTML(W.status(summary.status)(l)))</td><td class="amount">\(summary.heldOrders)</td>
            <td>\(ShownTime.element(summary.updatedAt, shown: ShownTime.inBeijing(summary.updatedAt, l)))</td><td>\(escapeHTML(summary.reason))</td></tr>
            """
        }.joined()
        let filters = [nil, "open", "actioned", "cleared"].map { option in
            let label = option.map { W.status($0)(l) } ?? W.all(l)
            let current = option == status ? " aria-current=\"true\"" : ""
            return "<a href=\"/ops/risk/cases\(option.map { "?status=\($0)" } ?? "")\"\(current)>\(escapeHTML(label))</a>"
        }.joined(separator: " · ")
        let main = """
            <section class="panel risk-cases">
            <h1>\(escapeHTML(W.casesTitle(l)))</h1>
            <p class="filters">\(filters)</p>
            <div class="table-scroll"><table class="records cases"><tr><th>\(escapeHTML(W.caseWord(l)))</th><th>\(escapeHTML(W.statusWord(l)))</th><th>\(escapeHTML(W.held(l)))</th><th>\(escapeHTML(W.updated(l)))</th><th>\(escapeHTML(W.reason(l)))</th></tr>\(rows)</table></div>
            \(found.isEmpty ? "<p class=\"note\">\(escapeHTML(W.noCases(l)))</p>" : "")
            \(Layout.pager(path: "/ops/risk/cases", query: status.map { "status=\($0)&" } ?? "", page: page, hasMore: found.count > Layout.perPage, language: l))
            </section>
            """
        return Layout.page(title: W.casesTitle(l), language: l, path: "/ops/risk/cases", main: main)
    }

    static func detail(_ detail: RiskCaseService.Detail, csrf: String, refused: String?, language l: Language) -> String {
        let id = detail.summary.id
        func action(_ name: String, _ label: String, fields: [String: String], confirm: Bool = false) -> String {
            let hidden = fields.sorted { $0.key < $1.key }.map { "<input type=\"hidden\" name=\"\($0.key)\" value=\"\(escapeHTML($0.value))\">" }.joined()
            return "<form method=\"post\" action=\"/ops/risk/cases/\(escapeHTML(id))/actions\" class=\"inline\"\(confirm ? " onsubmit=\"return confirm('\(escapeHTML(W.sure(l)))')\"" : "")>\(BrowserSession.hiddenField(csrf))<input type=\"hidden\" name=\"action\" value=\"\(name)\">\(hidden)<button type=\"submit\" data-action=\"\(name)\">\(escapeHTML(label))</button></form>"
        }
        let identities = detail.identities.map { person in
            "<tr data-identity=\"\(escapeHTML(String(person.key.prefix(10))))\"><td>\(escapeHTML(person.name))</td><td><code>\(escapeHTML(person.number))</code></td><td>\(person.blocked ? escapeHTML(W.blocked(l)) : action("block", W.block(l), fields: ["kind": "identity", "key": person.key], confirm: true))</td></tr>"
        }.joined()
        let attributes = detail.attributes.map { attribute in
            "<tr data-kind=\"\(attribute.kind)\"><td>\(escapeHTML(W.kind(attribute.kind)(l)))</td><td>\(escapeHTML(attribute.label))</td><td>\(attribute.blocked ? escapeHTML(W.blocked(l)) : action("block", W.block(l), fields: ["kind": attribute.kind, "key": attribute.key], confirm: true))</td></tr>"
        }.joined()
        let orders = detail.orders.prefix(200).map { order in
            let buttons = order.held ? action("release", W.release(l), fields: ["order": order.id]) + action("cancel", W.cancel(l), fields: ["order": order.id], confirm: true) : ""
            return "<tr data-order=\"\(escapeHTML(order.id))\" data-held=\"\(order.held)\"><td>\(escapeHTML(order.id))</td><td>\(ShownTime.element(order.at, shown: ShownTime.inBeijing(order.at, l)))</td><td>\(escapeHTML(order.merchantID))</td><td class=\"amount\">\(escapeHTML(order.value.formatted(l)))</td><td>\(escapeHTML(order.status))\(order.held ? " · " + escapeHTML(W.heldWord(l)) : "")</td><td>\(buttons)</td></tr>"
        }.joined()
        let merchants = detail.merchants.map { "<li>\(escapeHTML($0.id)): \(escapeHTML($0.value.formatted(l)))</li>" }.joined()
        let events = detail.events.map { event in
            "<li>\(ShownTime.element(event.at, shown: ShownTime.inBeijing(event.at, l))) · \(escapeHTML(event.actor)) · <strong>\(escapeHTML(event.action))</strong> \(escapeHTML(event.note))</li>"
        }.joined()
        let main = """
            <section class="panel risk-case" data-case="\(escapeHTML(id))" data-status="\(escapeHTML(detail.summary.status))">
            <h1>\(escapeHTML(W.caseWord(l))) \(escapeHTML(id))</h1>
            <p>\(escapeHTML(W.status(detail.summary.status)(l))) · \(escapeHTML(detail.summary.reason))</p>
            \(refused.map { "<p class=\"form-error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? "")
            <p>\(detail.summary.status == "cleared" ? "" : action("clear", W.clear(l), fields: [:], confirm: true)) <a href="/ops/risk/cases/\(escapeHTML(id))/export.json" id="export-case">\(escapeHTML(W.export(l)))</a></p>
            \(RiskGraphSVG.render(detail, language: l))
            <h2>\(escapeHTML(W.identities(l))) (\(detail.identities.count))</h2>
            <div class="table-scroll"><table class="records identities">\(identities)</table></div>
            <h2>\(escapeHTML(W.links(l)))</h2>
            <div class="table-scroll"><table class="records links">\(attributes)</table></div>
            <h2>\(escapeHTML(W.ordersWord(l))) (\(detail.orders.count))</h2>
            <div class="table-scroll"><table class="records case-orders">\(orders)</table></div>
            <h2>\(escapeHTML(W.merchants(l)))</h2><ul>\(merchants)</ul>
            <h2>\(escapeHTML(W.timeline(l)))</h2><ol class="timeline case-timeline">\(events)</ol>
            </section>
            """
        return Layout.page(title: "\(W.caseWord(l)) \(id)", language: l, path: "/ops/risk/cases/\(id)", main: main)
    }

    enum W {
        static let rulesTitle = LocalizedText(en: "Risk rules", zh: "风控规则")
        static let rulesExplanation = LocalizedText(
            en: "One statement a line: set, score, rule. A rule holds an order for review or blocks it when all its conditions hold; try a draft on the last days' orders before saving it.",
            zh: "每行一条语句：set、score、rule。规则的条件全部满足时，订单将被暂扣复核或拦截；保存前可先用近几天的订单试运行草稿。")
        static let inForce = LocalizedText(en: "In force", zh: "现行")
        static let defaults = LocalizedText(en: "the shipped defaults", zh: "出厂默认规则")
        static let saved = LocalizedText(en: "saved", zh: "已保存")
        static func lineAtFault(_ line: Int) -> LocalizedText {
            line == 0 ? LocalizedText(en: "The rules as a whole:", zh: "规则整体：") : LocalizedText(en: "Line \(line):", zh: "第 \(line) 行：")
        }
        static let rulesText = LocalizedText(en: "Rules", zh: "规则")
        static let note = LocalizedText(en: "Why (kept with the version)", zh: "修改说明（随版本保存）")
        static let days = LocalizedText(en: "Dry run over the last days", zh: "试运行的天数")
        static let dryRun = LocalizedText(en: "Dry run", zh: "试运行")
        static let saveRules = LocalizedText(en: "Save and put in force", zh: "保存并生效")
        static let saveQuestion = LocalizedText(en: "Put these rules in force for every order from now?", zh: "确定让这些规则立即对所有订单生效？")
        static let dryRunOf = LocalizedText(en: "What the draft would have done over", zh: "草稿在以下期间的效果：")
        static let daysShort = LocalizedText(en: "days", zh: "天")
        static let ordersWord = LocalizedText(en: "orders", zh: "订单")
        static let draft = LocalizedText(en: "Draft", zh: "草稿")
        static let signals = LocalizedText(en: "Signals the rules can use", zh: "规则可用的信号")
        static let merchants = LocalizedText(en: "Merchants", zh: "商家")
        static let merchantsExplanation = LocalizedText(en: "Share of each merchant's sales in 30 days from its three largest clusters of linked identities.",
                                                        zh: "各商家近30天销售额中来自其最大三个关联身份群的占比。")
        static let versions = LocalizedText(en: "Saved versions", zh: "历史版本")
        static let casesTitle = LocalizedText(en: "Risk cases", zh: "风控案件")
        static let caseWord = LocalizedText(en: "Case", zh: "案件")
        static let statusWord = LocalizedText(en: "Status", zh: "状态")
        static let held = LocalizedText(en: "Held orders", zh: "暂扣订单")
        static let heldWord = LocalizedText(en: "held", zh: "暂扣中")
        static let updated = LocalizedText(en: "Last activity", zh: "最近处理")
        static let reason = LocalizedText(en: "Reason", zh: "原因")
        static let noCases = LocalizedText(en: "No case.", zh: "暂无案件。")
        static let all = LocalizedText(en: "All", zh: "全部")
        static let identities = LocalizedText(en: "Identities", zh: "身份")
        static let links = LocalizedText(en: "What links them", zh: "关联要素")
        static let timeline = LocalizedText(en: "Timeline", zh: "处理记录")
        static let clear = LocalizedText(en: "Clear the case (held orders go on)", zh: "解除案件（暂扣订单继续申报）")
        static let export = LocalizedText(en: "Export for customs (JSON)", zh: "导出给海关（JSON）")
        static let block = LocalizedText(en: "Block", zh: "拦截")
        static let blocked = LocalizedText(en: "Blocked", zh: "已拦截")
        static let release = LocalizedText(en: "Release", zh: "放行")
        static let cancel = LocalizedText(en: "Cancel and refund", zh: "取消并退款")
        static let sure = LocalizedText(en: "Are you sure?", zh: "确定执行？")

        static func status(_ status: String) -> LocalizedText {
            switch status {
            case "open": LocalizedText(en: "Open", zh: "待处理")
            case "cleared": LocalizedText(en: "Cleared", zh: "已解除")
            case "actioned": LocalizedText(en: "Acted on", zh: "已处置")
            default: LocalizedText(en: status, zh: status)
            }
        }

        static func action(_ action: RiskRuleSet.Action) -> LocalizedText {
            switch action {
            case .allow: LocalizedText(en: "Allow", zh: "放行")
            case .review: LocalizedText(en: "Review", zh: "复核")
            case .block: LocalizedText(en: "Block", zh: "拦截")
            }
        }

        static func kind(_ kind: String) -> LocalizedText {
            switch kind {
            case "address": LocalizedText(en: "Address", zh: "收货地址")
            case "phone": LocalizedText(en: "Recipient phone", zh: "收件电话")
            case "device": LocalizedText(en: "Device", zh: "设备")
            case "payer": LocalizedText(en: "Payer account", zh: "支付账户")
            default: LocalizedText(en: "Identity", zh: "身份")
            }
        }
    }
}
