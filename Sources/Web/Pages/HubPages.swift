import Commerce
import Money

/// The hub's scan-in screen, made for a keyboard-wedge scanner: weigh, scan, Enter.
enum HubPages {
    struct Result {
        let ok: Bool
        let text: String
    }

    static func screen(csrf: String, result: Result?) -> String {
        let panel = result.map { "<p class=\"scan-result \($0.ok ? "accepted" : "held")\" role=\"status\">\(escapeHTML($0.text))</p>" } ?? ""
        let main = """
            <section class="panel hub"><h1>Hub · scan in</h1>
            \(panel)
            <form method="post" action="/hub/scan" class="stacked" id="scan-form">\(BrowserSession.hiddenField(csrf))
            <label>Weight (g) <input type="number" name="weightGrams" min="1" max="100000" required></label>
            <label>Tracking number <input type="text" name="trackingNumber" autofocus required autocomplete="off" id="scan"></label>
            <button type="submit">Scan in</button></form>
            <h2>Bag</h2>
            <form method="post" action="/hub/bag" class="stacked" id="bag-form">\(BrowserSession.hiddenField(csrf))
            <label>Bag <input type="text" name="bagId" required autocomplete="off"></label>
            <label>Tracking number <input type="text" name="trackingNumber" required autocomplete="off"></label>
            <button type="submit">Into the bag</button></form>
            <h2>Close an air waybill</h2>
            <form method="post" action="/hub/air-waybill" class="stacked" id="awb-form">\(BrowserSession.hiddenField(csrf))
            <label>Air waybill <input type="text" name="number" required autocomplete="off" placeholder="176-12345675"></label>
            <label>Flight <input type="text" name="flight" required autocomplete="off" placeholder="CA988"></label>
            <label>Bags (space between) <input type="text" name="bags" required autocomplete="off"></label>
            <button type="submit">Close</button></form>
            <p class="note">Manifests: <code>/api/v1/hub/air-waybills/{number}/manifest?format=csv</code>.</p>
            </section>
            """
        return Layout.page(title: "Hub", language: .en, path: "/hub", main: main)
    }
}
