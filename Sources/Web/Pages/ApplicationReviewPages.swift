import Commerce
import Foundation
import Money
import Services

/// Ops' pages for applications: the queue with its filters, and one application's whole file —
/// what was applied beside what the register and the bank answered, the screening, the
/// requirements left, every decision with who took it, and the form to decide.
enum ApplicationReviewPages {
    static let queueTitle = LocalizedText(en: "Merchant applications", zh: "商家入驻申请")
    static let all = LocalizedText(en: "All", zh: "全部")
    static let none = LocalizedText(en: "No applications here.", zh: "暂无申请。")
    static let applied = LocalizedText(en: "Applied with", zh: "申请填写")
    static let registerSays = LocalizedText(en: "The register says", zh: "登记机构信息")
    static let bankSays = LocalizedText(en: "The bank says", zh: "银行信息")
    static let screening = LocalizedText(en: "Sanctions screening", zh: "制裁名单筛查")
    static let possibleHits = LocalizedText(en: "Possible hits, to clear or confirm", zh: "疑似命中，需排除或确认")
    static let clear = LocalizedText(en: "No listed name matches", zh: "未命中名单")
    static let pending = LocalizedText(en: "Waiting for the provider's answer", zh: "等待服务商答复")
    static let history = LocalizedText(en: "Decisions", zh: "审核记录")
    static let decide = LocalizedText(en: "Decide", zh: "审核决定")
    static let reviewer = LocalizedText(en: "Your name (recorded with the decision)", zh: "审核人姓名（随决定记录）")
    static let reason = LocalizedText(en: "Reason (the applicant sees it; needed to reject or ask for changes)", zh: "理由（申请人可见；拒绝或要求修改时必填）")
    static let standing = LocalizedText(en: "Standing and risk band", zh: "经营状态与风险等级")
    static let people = LocalizedText(en: "Representative and owners", zh: "联系人与股东")

    static func queue(_ entries: [ApplicationReview.QueueEntry], filter: [StoredApplication.Status], language l: Language) -> String {
        let filters = ([nil] + StoredApplication.Status.allCases.filter { $0 != .draft }.map(Optional.some)).map { status in
            let name = status.map { ApplicationWords.status[$0]?(l) ?? $0.rawValue } ?? all(l)
            let current = (status.map { filter == [$0] } ?? filter.isEmpty) ? " aria-current=\"page\"" : ""
            return "<a href=\"/ops/applications\(status.map { "?status=\($0.rawValue)" } ?? "")\"\(current)>\(escapeHTML(name))</a>"
        }.joined(separator: " · ")
        let rows = entries.map { entry in
            """
            <tr data-application-id="\(escapeHTML(entry.id))" data-status="\(entry.status.rawValue)"><td><a href="/ops/applications/\(escapeHTML(entry.id))">\(escapeHTML(entry.legalName.isEmpty ? entry.id : entry.legalName))</a></td><td>\(escapeHTML(entry.country))</td><td>\(escapeHTML(ApplicationWords.status[entry.status]?(l) ?? entry.status.rawValue))</td><td>\(entry.submittedAt.map { ShownTime.element($0, shown: ShownTime.inBeijing($0, l)) } ?? "—")</td></tr>
            """
        }.joined()
        let main = """
            <section class="panel">
            <h1>\(escapeHTML(queueTitle(l)))</h1>
            <nav class="filters">\(filters)</nav>
            \(entries.isEmpty ? "<p>\(escapeHTML(none(l)))</p>" : "<div class=\"table-scroll\"><table class=\"applications\"><thead><tr><th>\(escapeHTML(ApplicationWords.field("legalName")(l)))</th><th>\(escapeHTML(ApplicationWords.field("country")(l)))</th><th>\(escapeHTML(ApplicationWords.requirementsTitle(l)))</th><th>\(escapeHTML(LocalizedText(en: "Submitted", zh: "提交时间")(l)))</th></tr></thead><tbody>\(rows)</tbody></table></div>")
            </section>
            """
        return Layout.page(title: queueTitle(l), language: l, path: "/ops/applications", main: main)
    }

    static let open = LocalizedText(en: "Open", zh: "打开")
    static let accept = LocalizedText(en: "Accept", zh: "通过")
    static let reject = LocalizedText(en: "Reject", zh: "驳回")
    static let note = LocalizedText(en: "Note (the applicant sees it; needed to reject)", zh: "备注（申请人可见；驳回时必填）")

    static func documents(_ documents: [StoredDocument], of id: String, csrf: String, language l: Language) -> String {
        let rows = documents.map { document in
            let base = "/ops/applications/\(escapeHTML(id))/documents/\(escapeHTML(document.id))"
            return """
                <li data-document-id="\(escapeHTML(document.id))" data-review="\(document.review.rawValue)">\(escapeHTML(ApplicationWords.documentKinds[document.kind]?(l) ?? document.kind.rawValue)) · \(escapeHTML(document.type.rawValue)) · \(document.size / 1024 + 1) KB · sha256 \(escapeHTML(String(document.sha256.prefix(12)))) · <a href="\(base)">\(escapeHTML(open(l)))</a> · \(escapeHTML(ApplicationWords.documentReviews[document.review]?(l) ?? document.review.rawValue))\(document.reviewer.map { " (" + escapeHTML($0) + ")" } ?? "")\(document.note.map { " — " + escapeHTML($0) } ?? "")
                <form method="post" action="\(base)/review" class="inline">\(BrowserSession.hiddenField(csrf))
                <input type="text" name="reviewer" required maxlength="100" placeholder="\(escapeHTML(reviewer(l)))" aria-label="\(escapeHTML(reviewer(l)))">
                <input type="text" name="note" maxlength="1000" placeholder="\(escapeHTML(note(l)))" aria-label="\(escapeHTML(note(l)))">
                <button type="submit" name="review" value="accepted">\(escapeHTML(accept(l)))</button> <button type="submit" name="review" value="rejected">\(escapeHTML(reject(l)))</button></form></li>
                """
        }.joined()
        return "<h2>\(escapeHTML(ApplicationWords.documentsTitle(l)))</h2><ul class=\"document-list\">\(rows.isEmpty ? "<li>—</li>" : rows)</ul>"
    }

    static func file(_ file: ApplicationFile, documents: [StoredDocument], csrf: String, error: String? = nil, language l: Language) -> String {
        let stored = file.application
        let a = stored.application
        func answer<T: Decodable>(_ check: VerificationCheck, _ type: T.Type) -> T? {
            file.checks.first { $0.outcome.check == check }?.answer.flatMap { try? JSONDecoder().decode(T.self, from: Data($0.utf8)) }  // safe: an answer that is not one shows as none
        }
        func state(_ check: VerificationCheck) -> CheckState { file.checks.first { $0.outcome.check == check }?.outcome.state ?? .pending }
        func row(_ label: LocalizedText, _ mine: String?, _ theirs: String?) -> String {
            "<tr><th>\(escapeHTML(label(l)))</th><td>\(escapeHTML(mine ?? "—"))</td><td>\(escapeHTML(theirs ?? "—"))</td></tr>"
        }
        let record = answer(.registry, RegistryRecord.self)
        let bank = answer(.bankAccount, BankAccountAnswer.self)
        let address = [a.address?.line1, a.address?.line2, a.address?.postalCode, a.address?.city].compactMap { $0 }.joined(separator: ", ")
        let registry = """
            <h2>\(escapeHTML(ApplicationWords.requirementNames[.registry]?(l) ?? ""))</h2>
            <table class="side-by-side" data-check="registry"><thead><tr><th></th><th>\(escapeHTML(applied(l)))</th><th>\(escapeHTML(registerSays(l)))</th></tr></thead><tbody>
            \(row(ApplicationWords.fields["legalName"] ?? queueTitle, a.legalName, record?.registeredName))
            \(row(ApplicationWords.fields["address.line1"] ?? queueTitle, address, record?.address))
            \(row(ApplicationWords.fields["country"] ?? queueTitle, a.country, record?.country))
            \(row(standing, a.registrationNumber ?? a.dunsNumber, record.map { "\($0.standing.rawValue) · \($0.riskBand)/5" }))
            </tbody></table>\(stateLine(state(.registry), language: l))
            """
        let account = a.payout.map { [$0.iban, $0.routingNumber, $0.accountNumber, $0.bic].compactMap { $0 }.joined(separator: " · ") }
        let payout = """
            <h2>\(escapeHTML(ApplicationWords.requirementNames[.bankAccount]?(l) ?? ""))</h2>
            <table class="side-by-side" data-check="bank-account"><thead><tr><th></th><th>\(escapeHTML(applied(l)))</th><th>\(escapeHTML(bankSays(l)))</th></tr></thead><tbody>
            \(row(ApplicationWords.fields["payout.holderName"] ?? queueTitle, a.payout?.holderName, bank?.holderName))
            \(row(ApplicationWords.fields["payout.iban"] ?? queueTitle, account, bank.map { $0.accountExists ? "✓" : "✗" }))
            \(row(ApplicationWords.fields["payout.currency"] ?? queueTitle, a.payout?.currency, nil))
            </tbody></table>\(stateLine(state(.bankAccount), language: l))
            """
        let hits: String = switch state(.sanctions) {
        case .review(.possibleSanctionsHit(let listed)):
            "<p class=\"form-error\" data-check=\"sanctions\">\(escapeHTML(possibleHits(l))): \(escapeHTML(listed.joined(separator: "; ")))</p>"
        case .pending: "<p data-check=\"sanctions\">\(escapeHTML(pending(l)))</p>"
        default: "<p data-check=\"sanctions\">\(escapeHTML(clear(l)))</p>"
        }
        let persons = ([a.representative.map { "\($0.name ?? "—") (\($0.role ?? "—"), \($0.email ?? "—"))" }]
            + (a.owners ?? []).map { "\($0.name ?? "—") · \($0.sharePercent.map { "\($0) %" } ?? "—") · \($0.nationality ?? "—")" })
            .compactMap { $0 }.map { "<li>\(escapeHTML($0))</li>" }.joined()
        let decisions = file.decisions.map { decision in
            "<li data-decision=\"\(decision.kind.rawValue)\">\(ShownTime.element(decision.decidedAt, shown: ShownTime.inBeijing(decision.decidedAt, l))) · \(escapeHTML(ApplicationWords.decisions[decision.kind]?(l) ?? decision.kind.rawValue)) · \(escapeHTML(decision.reviewer))\(decision.reason.map { " — " + escapeHTML($0) } ?? "")</li>"
        }.joined()
        let choices: [ApplicationDecision.Kind] = switch stored.status {
        case .submitted: [.approve, .reject, .requestChanges]
        case .approved: [.suspend]
        case .suspended: [.reinstate]
        case .draft, .changesRequested, .rejected: []
        }
        let decideForm = choices.isEmpty ? "" : """
            <h2>\(escapeHTML(decide(l)))</h2>
            <form method="post" action="/ops/applications/\(escapeHTML(stored.id))/decisions" class="stacked">\(BrowserSession.hiddenField(csrf))
            <label>\(escapeHTML(reviewer(l))) <input type="text" name="reviewer" required maxlength="100" autocomplete="name"></label>
            <label>\(escapeHTML(reason(l))) <textarea name="reason" rows="3" maxlength="1000"></textarea></label>
            <p class="actions">\(choices.map { "<button type=\"submit\" name=\"decision\" value=\"\($0.rawValue)\">\(escapeHTML(ApplicationWords.decisions[$0]?(l) ?? $0.rawValue))</button>" }.joined(separator: " "))</p>
            </form>
            """
        let main = """
            <section class="panel application-file" data-application-id="\(escapeHTML(stored.id))" data-status="\(stored.status.rawValue)">
            <p><a href="/ops/applications">\(escapeHTML(queueTitle(l)))</a></p>
            <h1>\(escapeHTML(a.legalName ?? stored.id))</h1>
            \(error.map { "<p class=\"form-error\" role=\"alert\">\(escapeHTML($0))</p>" } ?? "")
            <p>\(escapeHTML(stored.id)) · <strong>\(escapeHTML(ApplicationWords.status[stored.status]?(l) ?? stored.status.rawValue))</strong>\(stored.merchantID.map { " · " + escapeHTML($0) } ?? "")</p>
            \(ApplicationPage.progress(file, language: l))
            \(registry)
            \(payout)
            <h2>\(escapeHTML(screening(l)))</h2>\(hits)
            <h2>\(escapeHTML(people(l)))</h2><ul>\(persons)</ul>
            \(Self.documents(documents, of: stored.id, csrf: csrf, language: l))
            <p>\(escapeHTML(ApplicationWords.field("brands")(l))): \(escapeHTML((a.brands ?? []).joined(separator: ", "))) · \(escapeHTML(ApplicationWords.field("categories")(l))): \(escapeHTML((a.categories ?? []).joined(separator: ", ")))</p>
            <h2>\(escapeHTML(history(l)))</h2><ul class="decisions">\(decisions)</ul>
            \(decideForm)
            </section>
            """
        return Layout.page(title: a.legalName ?? stored.id, language: l, path: "/ops/applications/\(stored.id)", main: main)
    }

    private static func stateLine(_ state: CheckState, language l: Language) -> String {
        switch state {
        case .pending: return "<p class=\"check-state\" data-state=\"pending\">\(escapeHTML(pending(l)))</p>"
        case .passed: return "<p class=\"check-state\" data-state=\"passed\">✓</p>"
        case .failed(let reason): return "<p class=\"check-state form-error\" data-state=\"failed\">\(escapeHTML(ApplicationWords.reason(reason)(l)))</p>"
        case .review(let reason): return "<p class=\"check-state\" data-state=\"review\">\(escapeHTML(ApplicationWords.reason(reason)(l)))</p>"
        }
    }
}
