import Commerce
import Money

/// The frame every page shares: language, header with the language switch, main, footer.
enum Layout {
    /// `refreshAfter`: seconds after which the browser loads the page again (a code's expiry, a
    /// charge being paid), with no script.
    static func page(title: String, language: Language, path: String, main: String, refreshAfter: Int? = nil) -> String {
        let l = language
        let switcher = Language.allCases.map { other in
            let label = other == .zhCN ? "中文" : "English"
            let current = other == l ? " aria-current=\"true\"" : ""
            return "<a href=\"\(escapeHTML(path))?lang=\(other.rawValue)\" hreflang=\"\(other.rawValue)\" data-lang=\"\(other.rawValue)\"\(current)>\(label)</a>"
        }.joined(separator: " ")
        return """
            <!doctype html>
            <html lang="\(l.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            \(refreshAfter.map { "<meta http-equiv=\"refresh\" content=\"\($0)\">" } ?? "")
            <title>\(escapeHTML(title)) · \(escapeHTML(Words.siteName(l)))</title>
            <link rel="stylesheet" href="/assets/site.css">
            </head>
            <body>
            <header class="top">
            <a class="brand" href="/">\(escapeHTML(Words.siteName(l)))</a>
            <nav class="shop"><a href="/cart" id="nav-cart">\(escapeHTML(Words.cart(l)))\(PageViewer.current.map { $0.cartItems > 0 ? " <span class=\"cart-count\" data-count=\"\($0.cartItems)\">\($0.cartItems)</span>" : "" } ?? "")</a> <a href="/orders">\(escapeHTML(Words.orders(l)))</a> \(PageViewer.current.map { viewer in " <a href=\"/account/messages\" id=\"nav-messages\">\(escapeHTML(NoticePageWords.messages(l)))\(viewer.unreadMessages > 0 ? " <span class=\"cart-count unread-count\" data-count=\"\(viewer.unreadMessages)\">\(viewer.unreadMessages)</span>" : "")</a>" } ?? "") <a href="/wallet" id="nav-wallet">\(escapeHTML(Words.walletLink(l)))</a> <a href="/account" id="nav-account"\(PageViewer.current == nil ? "" : " data-signed-in=\"true\"")>\(escapeHTML(PageViewer.current.map { $0.name.isEmpty ? Words.signedIn(l) : $0.name } ?? Words.account(l)))</a></nav>
            <nav class="languages" aria-label="\(escapeHTML(Words.language(l)))">\(switcher)</nav>
            \(consoleSignOut(path: path, language: l))
            </header>
            \(opsMenu(path: path, language: l))
            <main>
            \(main)
            </main>
            <footer>\(escapeHTML(Words.footer(l))) · <a href="/merchants/apply">\(escapeHTML(ApplicationWords.applicantLink(l)))</a></footer>
            </body>
            </html>
            """
    }

    /// Ops' console menu, on every ops and hub page but the sign-in: each desk one click away.
    static func opsMenu(path: String, language l: Language) -> String {
        guard path.hasPrefix("/ops/") || path == "/hub" || path.hasPrefix("/hub/"), !path.hasSuffix("/signin") else { return "" }
        let links = opsDesks.map { target, label in
            let current = path == target || path.hasPrefix(target + "/") ? " aria-current=\"page\"" : ""
            return "<a href=\"\(target)\"\(current)>\(escapeHTML(label(l)))</a>"
        }.joined()
        return "<nav class=\"ops-menu\" aria-label=\"\(escapeHTML(Words.opsMenu(l)))\">\(links)\(path == "/ops/find" ? "" : opsSearchBox(query: "", language: l))</nav>"
    }

    /// Rows a console's list shows a page.
    static let perPage = 25

    /// The page a list is asked for: 1 when none or nonsense, at most the ten-thousandth.
    static func pageNumber(_ text: String?) -> Int {
        min(10_000, max(1, text.flatMap { Int($0) } ?? 1))
    }

    /// Previous and next links of a console's list; `query`: the list's other parameters, each ending in &.
    static func pager(path: String, query: String, page: Int, hasMore: Bool, language l: Language) -> String {
        let previous = page > 1 ? "<a href=\"\(path)?\(escapeHTML(query))page=\(page - 1)\" rel=\"prev\">\(escapeHTML(Words.previous(l)))</a>" : ""
        let next = hasMore ? "<a href=\"\(path)?\(escapeHTML(query))page=\(page + 1)\" rel=\"next\">\(escapeHTML(Words.next(l)))</a>" : ""
        return "<nav class=\"pager\">\(previous)\(next)</nav>"
    }

    /// Ops' one search box (`/ops/find`).
    static func opsSearchBox(query: String, language l: Language) -> String {
        "<form method=\"get\" action=\"/ops/find\" class=\"inline ops-find\" role=\"search\"><input type=\"search\" name=\"q\" value=\"\(escapeHTML(query))\" maxlength=\"100\" aria-label=\"\(escapeHTML(OpsFindPage.W.title(l)))\" placeholder=\"\(escapeHTML(Words.opsFindPlaceholder(l)))\"> <button type=\"submit\">\(escapeHTML(OpsFindPage.W.title(l)))</button></form>"
    }

    static let opsDesks: [(String, LocalizedText)] = [
        ("/ops/dashboard", LocalizedText(en: "Dashboard", zh: "看板")),
        ("/ops/declarations", LocalizedText(en: "Declarations", zh: "申报单")),
        ("/ops/parcels", LocalizedText(en: "Parcels", zh: "包裹")),
        ("/hub", LocalizedText(en: "Hub", zh: "集货仓")),
        ("/ops/ledger", LocalizedText(en: "Ledger", zh: "账本")),
        ("/ops/reconciliation", LocalizedText(en: "Reconciliation", zh: "对账")),
        ("/ops/returns", LocalizedText(en: "Returns", zh: "退货")),
        ("/ops/failures", LocalizedText(en: "Failed work", zh: "失败任务")),
        ("/ops/applications", LocalizedText(en: "Merchants", zh: "商家入驻")),
        ("/ops/brands", LocalizedText(en: "Brands", zh: "品牌授权")),
        ("/ops/counterfeits", LocalizedText(en: "Counterfeits", zh: "假货举报")),
        ("/ops/tax-free", LocalizedText(en: "Tax free", zh: "退税")),
        ("/ops/search", LocalizedText(en: "Search words", zh: "搜索词库")),
        ("/ops/risk", LocalizedText(en: "Risk rules", zh: "风控规则")),
        ("/ops/risk/cases", LocalizedText(en: "Risk cases", zh: "风控案件")),
    ]

    /// On a console's pages (ops, the hub, a merchant's portal, a partner bank's), the button that ends its session.
    static func consoleSignOut(path: String, language l: Language) -> String {
        guard !path.hasSuffix("/signin") else { return "" }
        let action = path.hasPrefix("/merchant/") ? "/merchant/signout" : path.hasPrefix("/ops") || path.hasPrefix("/hub") ? "/ops/signout"
            : path == "/bank" || path.hasPrefix("/bank/") ? "/bank/signout" : nil
        return action.map { "<form method=\"post\" action=\"\($0)\" class=\"signout\"><button type=\"submit\">\(escapeHTML(Words.signOut(l)))</button></form>" } ?? ""
    }

    static let stylesheet = """
        :root { --ink: #1d1d1f; --muted: #6e6e73; --line: #e3e3e8; --accent: #c8102e; --paper: #fafaf7; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif;
               color: var(--ink); background: var(--paper); line-height: 1.5; }
        header.top { display: flex; justify-content: space-between; align-items: center; padding: .75rem 1rem;
                     background: #fff; border-bottom: 1px solid var(--line); }
        .brand { font-weight: 700; font-size: 1.25rem; color: var(--accent); text-decoration: none; white-space: nowrap; }
        header.top { flex-wrap: wrap; gap: .25rem .75rem; }
        input, select, textarea, button { max-width: 100%; }
        .languages a { margin-left: .75rem; color: var(--muted); text-decoration: none; }
        .languages a[aria-current] { color: var(--ink); font-weight: 600; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
        .note { color: var(--muted); font-size: .875rem; }
        .stores { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); }
        .store { background: #fff; border: 1px solid var(--line); border-radius: .75rem; padding: 1rem; }
        .store h2 { font-size: 1.15rem; margin: 0; }
        .store .meta { color: var(--muted); font-size: .85rem; margin: .25rem 0 .75rem; }
        .badge { display: inline-block; font-size: .75rem; padding: .05rem .5rem; border-radius: 1rem; background: #eef3ff; color: #2a4a8a; }
        .products { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: .75rem; }
        .store .products { grid-template-columns: repeat(3, 1fr); gap: .5rem; }
        .product img { display: block; width: 100%; height: auto; aspect-ratio: 1; object-fit: cover; border-radius: .5rem; background: #f2f2f2; }
        .product .name { font-size: .8rem; display: block; }
        .product .price { font-weight: 600; font-size: .85rem; }
        .cart-line img.thumb { vertical-align: middle; object-fit: cover; border-radius: .25rem; background: #f2f2f2; margin-right: .4rem; }
        .cart-count { display: inline-block; min-width: 1.2rem; padding: 0 .3rem; border-radius: 1rem; background: var(--accent); color: #fff;
                      font-size: .75rem; text-align: center; }
        .product .store-name { display: block; color: var(--muted); font-size: .75rem; }
        .product .blocked { color: var(--accent); font-size: .75rem; }
        .products a { color: inherit; text-decoration: none; }
        .store h2 a { color: inherit; }
        form.search { display: flex; gap: .5rem; margin: 0 0 1rem; }
        form.search input { flex: 1; font-size: 1rem; padding: .5rem .75rem; border: 1px solid var(--line); border-radius: .5rem; }
        form.search button, form.sort button { padding: .5rem 1rem; border: 0; border-radius: .5rem; background: var(--accent); color: #fff; }
        form.sort { margin: .5rem 0; }
        .pager { display: flex; gap: 1rem; justify-content: center; margin: 1rem 0; }
        .product-detail { display: grid; grid-template-columns: minmax(12rem, 20rem) 1fr; gap: 1.5rem; background: #fff;
                          border: 1px solid var(--line); border-radius: .75rem; padding: 1rem; }
        .product-detail img { width: 100%; height: auto; border-radius: .5rem; }
        .skus { list-style: none; padding: 0; }
        .sku { padding: .5rem 0; border-bottom: 1px solid var(--line); }
        .sku .variant { display: inline-block; min-width: 6rem; }
        .stock { color: var(--muted); font-size: .85rem; margin-left: .5rem; }
        .sold-out, p.blocked { color: var(--accent); }
        @media (max-width: 40rem) { .product-detail { grid-template-columns: 1fr; } }
        nav.shop a { margin-left: .75rem; color: var(--ink); text-decoration: none; }
        nav.ops-menu { display: flex; flex-wrap: wrap; gap: .25rem .9rem; padding: .5rem 1rem; background: #f2f2f5; border-bottom: 1px solid var(--line); font-size: .9rem; }
        nav.ops-menu a { color: var(--ink); text-decoration: none; }
        nav.ops-menu a[aria-current] { color: var(--accent); font-weight: 600; }
        svg.case-graph { display: block; margin: 1rem 0; background: #fff; border: 1px solid var(--line); border-radius: .5rem; }
        .panel { background: #fff; border: 1px solid var(--line); border-radius: .75rem; padding: 1rem 1.25rem; margin-bottom: 1rem; }
        form.stacked { display: grid; gap: .6rem; max-width: min(28rem, 100%); }
        form.stacked label { display: grid; gap: .2rem; font-size: .9rem; }
        form.stacked input, form.stacked select { font-size: 1rem; padding: .45rem .6rem; border: 1px solid var(--line); border-radius: .4rem; }
        form.inline { display: inline-flex; gap: .4rem; align-items: center; margin-left: .5rem; }
        form.inline input[type=number] { width: 4.5rem; }
        button { cursor: pointer; }
        form.stacked button, .add-to-cart, #place-orders { padding: .55rem 1rem; border: 0; border-radius: .5rem; background: var(--accent); color: #fff; font-size: 1rem; }
        .form-error { color: var(--accent); }
        .field-error { display: block; color: var(--accent); font-size: .9rem; }
        .application fieldset { border: 1px solid var(--line); margin: 1rem 0; padding: .5rem 1rem; min-width: 0; }
        .application input, .application textarea { max-width: 100%; box-sizing: border-box; }
        table.landed-cost { border-collapse: collapse; min-width: 16rem; }
        table.landed-cost th { text-align: left; font-weight: normal; color: var(--muted); padding: .2rem 1rem .2rem 0; }
        table.landed-cost td { text-align: right; }
        table.landed-cost tr.total th, table.landed-cost tr.total td { font-weight: 700; color: var(--ink); border-top: 1px solid var(--line); }
        .timeline li, .orders li, .cart li { margin: .35rem 0; }
        .error { background: #fff; border: 1px solid var(--line); border-radius: .75rem; padding: 1.5rem; }
        footer { text-align: center; color: var(--muted); font-size: .8rem; padding: 2rem 1rem; }
        @media (max-width: 30rem) { .store .products { grid-template-columns: repeat(2, 1fr); } }
        .scan-result { padding: 1rem; font-size: 1.4rem; font-weight: 700; border-radius: 6px; }
        .scan-result.accepted { background: #dff5e1; color: #0b5d1e; }
        .scan-result.held { background: #fde2e1; color: #8a1c14; }
        table.records tr.mismatch, li.mismatch { background: #fde2e1; }
        .label svg.barcode { display: block; margin: 1rem 0; }
        .qr svg { display: block; width: min(80vw, 18rem); height: auto; margin: 1rem auto; }
        .code-digits { font-family: monospace; font-size: 1.4rem; text-align: center; letter-spacing: .1em; }
        table.records td.amount { text-align: right; }
        .table-scroll { overflow-x: auto; max-width: 100%; }
        label.choice { display: flex; gap: .4rem; align-items: center; }
        .debt { color: var(--accent); }
        @media print { header.top, footer, .no-print { display: none; } body { background: #fff; } .panel { border: 0; } }
        """
}
