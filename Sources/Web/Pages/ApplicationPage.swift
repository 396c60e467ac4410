import Commerce
import Foundation
import Money
import Services

/// The public page where an overseas business applies: the whole application in one form,
/// saved as a draft at any time, each refusal beside its field and what was typed kept.
enum ApplicationPage {
    struct Shown {
        var stored: StoredApplication?
        /// Its checks, ops' notes and what is left, once it has been submitted.
        var file: ApplicationFile?
        var documents: [StoredDocument] = []
        /// The form's values: what was typed, or the saved application's.
        var values: [String: String] = [:]
        var problems: [ApplicationProblem] = []
        var notice: LocalizedText?
        var resumeKey: String?
        var resumeRefused = false
        /// A merchant API key just issued to the approved applicant: shown this once.
        var issuedKey: String?
    }

    static func render(_ shown: Shown, csrf: String, language l: Language) -> String {
        let errors = Dictionary(shown.problems.map { ($0.field, $0.reason) }, uniquingKeysWith: { first, _ in first })
        let editable = shown.stored.map { $0.status.editable } ?? true
        func field(_ name: String, type: String = "text", attributes: String = "") -> String {
            let id = "f-" + name.replacingOccurrences(of: "[", with: "-").replacingOccurrences(of: "]", with: "").replacingOccurrences(of: ".", with: "-")
            let error = errors[name].map { "<span class=\"field-error\" id=\"\(id)-error\" role=\"alert\">\(escapeHTML(ApplicationWords.problem($0)(l)))</span>" } ?? ""
            let invalid = errors[name] == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(id)-error\""
            let disabled = editable ? "" : " disabled"
            let control = type == "textarea"
                ? "<textarea id=\"\(id)\" name=\"\(escapeHTML(name))\" rows=\"3\"\(invalid)\(disabled)\(attributes)>\(escapeHTML(shown.values[name] ?? ""))</textarea>"
                : "<input id=\"\(id)\" type=\"\(type)\" name=\"\(escapeHTML(name))\" value=\"\(escapeHTML(shown.values[name] ?? ""))\"\(invalid)\(disabled)\(attributes)>"
            return "<label for=\"\(id)\">\(escapeHTML(ApplicationWords.field(name)(l)))</label>\(control)\(error)"
        }
        let owners = (0..<ApplicationForm.ownerRows).map { row in
            """
            <fieldset class="owner"><legend>\(escapeHTML(ApplicationWords.owner(l))) \(row + 1)</legend>
            \(field("owners[\(row)].name", attributes: " maxlength=\"100\" autocomplete=\"off\""))
            \(field("owners[\(row)].sharePercent", type: "number", attributes: " min=\"25\" max=\"100\" step=\"1\""))
            \(field("owners[\(row)].nationality", attributes: " maxlength=\"2\" size=\"2\""))
            </fieldset>
            """
        }.joined()
        let complete = errors["ownersComplete"].map { "<span class=\"field-error\" role=\"alert\">\(escapeHTML(ApplicationWords.problem($0)(l)))</span>" } ?? ""
        let due = shown.stored.map { ApplicationDocuments.due($0.application) } ?? []
        let dueList = !editable || due.isEmpty || !shown.problems.isEmpty ? "" : """
            <div class="due"><h2>\(escapeHTML(ApplicationWords.stillMissing(l)))</h2><ul>\(due.map { "<li>\(escapeHTML(ApplicationWords.field($0)(l)))</li>" }.joined())</ul></div>
            """
        let status = shown.stored.map { stored in
            "<p class=\"application-status\" data-status=\"\(stored.status.rawValue)\">\(escapeHTML(ApplicationWords.applicationNumber(l))) \(escapeHTML(stored.id)) · <strong>\(escapeHTML(ApplicationWords.status[stored.status]?(l) ?? stored.status.rawValue))</strong></p>"
        } ?? ""
        let buttons = editable ? """
            <p class="actions"><button type="submit" name="action" value="save">\(escapeHTML(ApplicationWords.saveDraft(l)))</button>
            <button type="submit" name="action" value="submit" onclick="return confirm('\(escapeHTML(ApplicationWords.submitQuestion(l)))')">\(escapeHTML(ApplicationWords.submit(l)))</button></p>
            """ : ""
        let main = """
            <section class="panel application">
            <h1>\(escapeHTML(ApplicationWords.title(l)))</h1>
            <p>\(escapeHTML(ApplicationWords.intro(l)))</p>
            \(status)
            \(shown.notice.map { "<p class=\"notice\" role=\"status\">\(escapeHTML($0(l)))</p>" } ?? "")
            \(shown.problems.isEmpty ? "" : "<p class=\"form-error\" role=\"alert\">\(escapeHTML(ApplicationWords.fixBelow(l)))</p>")
            \(dueList)
            \(shown.file.map { progress($0, language: l) } ?? "")
            <form method="post" action="/merchants/apply" class="stacked" novalidate>\(BrowserSession.hiddenField(csrf))
            <input type="hidden" name="revision" value="\(shown.stored.map { String($0.revision) } ?? "")">
            <fieldset><legend>\(escapeHTML(ApplicationWords.business(l)))</legend>
            \(field("legalName", attributes: " maxlength=\"200\" autocomplete=\"organization\""))
            \(field("country", attributes: " maxlength=\"2\" size=\"2\" autocomplete=\"country\""))
            \(field("registrationNumber", attributes: " maxlength=\"40\""))
            \(field("dunsNumber", attributes: " maxlength=\"11\" inputmode=\"numeric\""))
            \(field("vatNumber", attributes: " maxlength=\"20\""))
            \(field("lei", attributes: " maxlength=\"20\""))
            \(field("address.line1", attributes: " maxlength=\"200\" autocomplete=\"address-line1\""))
            \(field("address.line2", attributes: " maxlength=\"200\" autocomplete=\"address-line2\""))
            \(field("address.city", attributes: " maxlength=\"100\" autocomplete=\"address-level2\""))
            \(field("address.postalCode", attributes: " maxlength=\"20\" autocomplete=\"postal-code\""))
            </fieldset>
            <fieldset><legend>\(escapeHTML(ApplicationWords.people(l)))</legend>
            \(field("representative.name", attributes: " maxlength=\"100\" autocomplete=\"name\""))
            \(field("representative.role", attributes: " maxlength=\"100\""))
            \(field("representative.email", type: "email", attributes: " maxlength=\"254\" autocomplete=\"email\""))
            <p>\(escapeHTML(ApplicationWords.ownersNote(l)))</p>
            \(errors["owners"].map { "<span class=\"field-error\" role=\"alert\">\(escapeHTML(ApplicationWords.problem($0)(l)))</span>" } ?? "")
            \(owners)
            <label class="check"><input type="checkbox" name="ownersComplete"\(shown.values["ownersComplete"] == "on" ? " checked" : "")\(editable ? "" : " disabled")> \(escapeHTML(ApplicationWords.field("ownersComplete")(l)))</label>\(complete)
            </fieldset>
            <fieldset><legend>\(escapeHTML(ApplicationWords.payoutSection(l)))</legend>
            \(field("payout.holderName", attributes: " maxlength=\"200\""))
            \(field("payout.currency", attributes: " maxlength=\"3\" size=\"3\""))
            \(field("payout.iban", attributes: " maxlength=\"42\" autocomplete=\"off\""))
            \(field("payout.bic", attributes: " maxlength=\"11\""))
            \(field("payout.routingNumber", attributes: " maxlength=\"11\" inputmode=\"numeric\""))
            \(field("payout.accountNumber", attributes: " maxlength=\"40\" autocomplete=\"off\""))
            </fieldset>
            <fieldset><legend>\(escapeHTML(ApplicationWords.trade(l)))</legend>
            \(field("brands", type: "textarea", attributes: " placeholder=\"\(escapeHTML(ApplicationWords.listNote(l)))\""))
            \(field("categories", type: "textarea", attributes: " placeholder=\"\(escapeHTML(ApplicationWords.listNote(l)))\""))
            </fieldset>
            \(buttons)
            </form>
            \(portalSection(shown, csrf: csrf, language: l))
            \(shown.stored.map { documentsSection($0, shown.documents, csrf: csrf, language: l) } ?? "")
            \(resumeSection(shown, csrf: csrf, language: l))
            </section>
            """
        return Layout.page(title: ApplicationWords.title(l), language: l, path: "/merchants/apply", main: main)
    }

    /// For an approved applicant: the way into the merchant portal, a key issued on asking and
    /// shown once (only its hash is kept).
    static func portalSection(_ shown: Shown, csrf: String, language l: Language) -> String {
        guard let stored = shown.stored, stored.status == .approved, stored.merchantID != nil else { return "" }
        let issued = shown.issuedKey.map { key in
            "<p class=\"notice\" role=\"status\">\(escapeHTML(ApplicationWords.keyIssued(l)))</p><p><code class=\"merchant-key\">\(escapeHTML(key))</code></p>"
        } ?? ""
        return """
            <div class="portal"><h2>\(escapeHTML(ApplicationWords.portalTitle(l)))</h2><p>\(escapeHTML(ApplicationWords.portalHelp(l)))</p>\(issued)
            <form method="post" action="/merchants/apply/key">\(BrowserSession.hiddenField(csrf))<button type="submit">\(escapeHTML(ApplicationWords.issueKey(l)))</button></form>
            <p><a href="/merchant/signin">\(escapeHTML(ApplicationWords.portalLink(l)))</a></p></div>
            """
    }

    /// The documents uploaded and a form for each kind; the file goes up as it is, by fetch, so
    /// that its bytes (not a form's encoding of them) are what the server checks.
    static func documentsSection(_ stored: StoredApplication, _ documents: [StoredDocument], csrf: String, language l: Language) -> String {
        let listed = documents.map { document in
            "<li data-document-id=\"\(escapeHTML(document.id))\" data-review=\"\(document.review.rawValue)\">\(escapeHTML(ApplicationWords.documentKinds[document.kind]?(l) ?? document.kind.rawValue)) · \(escapeHTML(document.type.rawValue)) · \(document.size / 1024 + 1) KB · \(escapeHTML(ApplicationWords.documentReviews[document.review]?(l) ?? document.review.rawValue))\(document.note.map { " — " + escapeHTML($0) } ?? "")</li>"
        }.joined()
        let open = stored.status.editable || stored.status == .submitted
        let forms = !open ? "" : DocumentKind.allCases.map { kind in
            """
            <form class="document-upload" data-kind="\(kind.rawValue)"><label>\(escapeHTML(ApplicationWords.documentKinds[kind]?(l) ?? kind.rawValue)) <input type="file" accept="application/pdf,image/jpeg,image/png"></label>
            <button type="submit">\(escapeHTML(ApplicationWords.upload(l)))</button><span class="field-error" role="alert"></span></form>
            """
        }.joined()
        return """
            <div class="documents"><h2>\(escapeHTML(ApplicationWords.documentsTitle(l)))</h2><p>\(escapeHTML(ApplicationWords.documentsNote(l)))</p>
            <ul class="document-list">\(listed)</ul>\(forms)</div>
            <script>
            document.querySelectorAll('form.document-upload').forEach(function (form) {
              form.addEventListener('submit', async function (event) {
                event.preventDefault();
                var file = form.querySelector('input[type=file]').files[0];
                if (!file) return;
                var answer = await fetch('/merchants/apply/documents?kind=' + form.dataset.kind + '&csrf=\(escapeHTML(csrf))',
                  { method: 'POST', headers: { 'Content-Type': file.type || 'application/octet-stream' }, body: file });
                if (answer.ok) { location.reload(); return; }
                var problem = await answer.json().catch(function () { return {}; });
                form.querySelector('.field-error').textContent = problem.detail || answer.status;
              });
            });
            </script>
            """
    }

    /// After a submission: each capability, what stands in its way and by when, and ops' notes.
    static func progress(_ file: ApplicationFile, language l: Language) -> String {
        guard file.application.submissions > 0 else { return "" }
        let capabilities = Capability.allCases.map { capability in
            let on = file.enabled(capability)
            return "<li data-capability=\"\(capability.rawValue)\" data-enabled=\"\(on)\">\(escapeHTML(ApplicationWords.capabilities[capability]?(l) ?? capability.rawValue)): \(escapeHTML((on ? ApplicationWords.enabled : ApplicationWords.notYet)(l)))</li>"
        }.joined()
        let left = file.requirements.map { requirement in
            let due = requirement.dueBy.map { " · " + ApplicationWords.dueBy(ShownTime.inBeijing($0, l))(l) } ?? ""
            return """
                <li data-requirement="\(requirement.code.rawValue)" data-status="\(requirement.status.rawValue)"><strong>\(escapeHTML(ApplicationWords.requirementNames[requirement.code]?(l) ?? requirement.code.rawValue))</strong> — \(escapeHTML(ApplicationWords.requirementStatus[requirement.status]?(l) ?? requirement.status.rawValue))\(escapeHTML(due))\(requirement.reason.map { "<br>" + escapeHTML(ApplicationWords.reason($0)(l)) } ?? "")</li>
                """
        }.joined()
        let notes = file.decisions.filter { $0.reason != nil && $0.submission == file.application.submissions }.map { decision in
            "<p class=\"decision-note\" data-decision=\"\(decision.kind.rawValue)\">\(escapeHTML(ApplicationWords.decisionReason(l))): \(escapeHTML(decision.reason ?? ""))</p>"
        }.joined()
        let held = file.enabled(.sell) && !file.enabled(.payouts) ? "<p>\(escapeHTML(ApplicationWords.payoutsHeld(l)))</p>" : ""
        return """
            <div class="requirements"><h2>\(escapeHTML(ApplicationWords.requirementsTitle(l)))</h2>
            <ul class="capabilities">\(capabilities)</ul>\(held)\(notes)
            <ul class="left">\(left)</ul></div>
            """
    }

    /// The number and key that open the application elsewhere, or the form that takes them.
    private static func resumeSection(_ shown: Shown, csrf: String, language l: Language) -> String {
        if let stored = shown.stored, let key = shown.resumeKey {
            return """
                <details class="resume"><summary>\(escapeHTML(ApplicationWords.resumeTitle(l)))</summary>
                <p>\(escapeHTML(ApplicationWords.resumeHelp(l)))</p>
                <p>\(escapeHTML(ApplicationWords.applicationNumber(l))): <code>\(escapeHTML(stored.id))</code><br>\(escapeHTML(ApplicationWords.resumeKey(l))): <code class="resume-key">\(escapeHTML(key))</code></p>
                </details>
                <form method="post" action="/merchants/apply/new">\(BrowserSession.hiddenField(csrf))<button type="submit" class="secondary">\(escapeHTML(ApplicationWords.startOver(l)))</button></form>
                """
        }
        return """
            <h2>\(escapeHTML(ApplicationWords.resumeTitle(l)))</h2>
            \(shown.resumeRefused ? "<p class=\"form-error\" role=\"alert\">\(escapeHTML(ApplicationWords.resumeRefused(l)))</p>" : "")
            <form method="post" action="/merchants/apply/resume" class="stacked">\(BrowserSession.hiddenField(csrf))
            <label>\(escapeHTML(ApplicationWords.applicationNumber(l))) <input type="text" name="id" maxlength="40" autocomplete="off"></label>
            <label>\(escapeHTML(ApplicationWords.resumeKey(l))) <input type="password" name="key" maxlength="80" autocomplete="off"></label>
            <button type="submit">\(escapeHTML(ApplicationWords.resume(l)))</button>
            </form>
            """
    }
}
