import Commerce
import Foundation
import Hummingbird
import Money
import Services

/// Ops' words for search (`SearchSynonyms`) at /ops/search: each group's words and the
/// narrower words it takes in, edited a group at a time, with a box that shows what a query
/// will look for.
struct SearchSynonymRoutes<Context: RequestContext> {
    let synonyms: SearchSynonymService
    let pages: PageResponses
    let configuration: WebConfiguration

    func register(on router: Router<Context>) {
        router.get("/ops/search") { request, _ in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let current = try await synonyms.current()
            let trying = request.uri.queryParameters.get("try").map { String($0.prefix(200)) }
            return pages.page(request) { csrf, l in SearchSynonymPages.page(current, trying: trying, csrf: csrf, language: l) }
        }
        router.post("/ops/search/groups") { request, _ in
            let form = try await pages.postedForm(request)
            try await OpsAuthorization.require(request, configuration)
            let group = SearchSynonyms.Group(id: (form["id"] ?? "").trimmingCharacters(in: .whitespaces),
                                             terms: SearchSynonymPages.words(form["terms"]), includes: SearchSynonymPages.words(form["includes"]))
            do {
                try await synonyms.save(group, at: Date())
                return pages.redirect(to: "/ops/search")
            } catch let error as CatalogError {
                let current = try await synonyms.current()
                var response = pages.page(request) { csrf, l in
                    SearchSynonymPages.page(current, trying: nil, csrf: csrf, refused: (group, error), language: l)
                }
                response.status = .unprocessableContent
                return response
            }
        }
        router.post("/ops/search/groups/:id/delete") { request, context in
            _ = try await pages.postedForm(request)
            try await OpsAuthorization.require(request, configuration)
            try await synonyms.delete(context.parameters.get("id") ?? "")
            return pages.redirect(to: "/ops/search")
        }
    }
}

enum SearchSynonymPages {
    /// Words as typed in a box: one a line or comma-separated, in either language's commas.
    static func words(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" || $0.isNewline }).map { String($0) }
    }

    static func page(_ synonyms: SearchSynonyms, trying: String?, csrf: String, refused: (SearchSynonyms.Group, CatalogError)? = nil,
                     language l: Language) -> String {
        func form(_ group: SearchSynonyms.Group?, error: CatalogError?) -> String {
            let id = group?.id ?? ""
            return """
                <form method="post" action="/ops/search/groups" class="stacked synonym-group" data-group="\(escapeHTML(id))">\(BrowserSession.hiddenField(csrf))
                \(error.map { "<p class=\"form-error\" role=\"alert\" data-field=\"\(escapeHTML($0.field))\">\(escapeHTML($0.message))</p>" } ?? "")
                <label>\(escapeHTML(W.groupID(l))) <input type="text" name="id" value="\(escapeHTML(id))" required maxlength="40" pattern="[A-Za-z0-9-]+"\(group == nil || error != nil ? "" : " readonly")></label>
                <label>\(escapeHTML(W.terms(l))) <textarea name="terms" rows="2" required>\(escapeHTML((group?.terms ?? []).joined(separator: ", ")))</textarea></label>
                <label>\(escapeHTML(W.includes(l))) <textarea name="includes" rows="2">\(escapeHTML((group?.includes ?? []).joined(separator: ", ")))</textarea></label>
                <button type="submit">\(escapeHTML(Words.save(l)))</button>
                </form>
                """
        }
        let groups = synonyms.groups.map { group in
            """
            <li>\(form(refused?.0.id == group.id ? refused?.0 : group, error: refused?.0.id == group.id ? refused?.1 : nil))
            <form method="post" action="/ops/search/groups/\(escapeHTML(group.id))/delete" class="inline" onsubmit="return confirm('\(escapeHTML(W.deleteQuestion(l)))')">\(BrowserSession.hiddenField(csrf))
            <button type="submit" class="delete-group">\(escapeHTML(Words.remove(l)))</button></form></li>
            """
        }.joined()
        let isNew = refused.map { failed in !synonyms.groups.contains { $0.id == failed.0.id } } ?? false
        let tried = trying.map { text in
            let clauses = synonyms.clauses(text).map { clause in
                "<li>" + clause.map { "<code>\(escapeHTML($0.joined(separator: " + ")))</code>" }.joined(separator: " \(escapeHTML(W.or(l))) ") + "</li>"
            }.joined()
            return "<h2>\(escapeHTML(W.looksFor(l))) “\(escapeHTML(text))”</h2><ol class=\"clauses\">\(clauses)</ol>"
        } ?? ""
        let main = """
            <section class="panel synonyms">
            <h1>\(escapeHTML(W.title(l)))</h1>
            <p class="note">\(escapeHTML(W.explanation(l)))</p>
            <form method="get" action="/ops/search" class="inline"><label>\(escapeHTML(W.tryQuery(l))) <input type="search" name="try" value="\(escapeHTML(trying ?? ""))"></label> <button type="submit">\(escapeHTML(W.show(l)))</button></form>
            \(tried)
            <h2>\(escapeHTML(W.newGroup(l)))</h2>
            \(form(isNew ? refused?.0 : nil, error: isNew ? refused?.1 : nil))
            <h2>\(escapeHTML(W.groups(l))) (\(synonyms.groups.count))</h2>
            <ul class="synonym-groups">\(groups)</ul>
            </section>
            """
        return Layout.page(title: W.title(l), language: l, path: "/ops/search", main: main)
    }

    enum W {
        static let title = LocalizedText(en: "Search words", zh: "搜索词库")
        static let explanation = LocalizedText(
            en: "Words in one group mean the same; a search for any of them finds all. Words a group takes in are narrower: 坚果 finds almonds, almonds do not find cashews. A change applies to the next search.",
            zh: "同一组的词含义相同，搜索其中任一个都会找到全部。“包含”的词含义更窄：搜“坚果”能找到扁桃仁，搜扁桃仁不会找到腰果。修改对下一次搜索立即生效。")
        static let groupID = LocalizedText(en: "Group (letters, digits, hyphens)", zh: "词组编号（字母、数字、连字符）")
        static let terms = LocalizedText(en: "Words that mean the same (comma or line between)", zh: "同义词（以逗号或换行分隔）")
        static let includes = LocalizedText(en: "Narrower words it also finds", zh: "同时包含的下位词")
        static let newGroup = LocalizedText(en: "New group", zh: "新建词组")
        static let groups = LocalizedText(en: "Groups", zh: "词组")
        static let deleteQuestion = LocalizedText(en: "Remove this group? Searches stop finding by its words at once.",
                                                  zh: "删除此词组？搜索将立即不再使用这些词。")
        static let tryQuery = LocalizedText(en: "Try a search", zh: "试搜")
        static let show = LocalizedText(en: "Show", zh: "查看")
        static let looksFor = LocalizedText(en: "Looks for", zh: "检索条件")
        static let or = LocalizedText(en: "or", zh: "或")
    }
}
