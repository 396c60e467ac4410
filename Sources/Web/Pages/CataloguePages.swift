import Commerce
import Foundation
import Money
import Services

/// The merchant's catalogue in its portal: its products with their state, and the form that
/// creates or edits one (its SKUs, prices, stock, whether it ships to China and why not, its photo).
enum CataloguePages {
    /// `requirements`: the file of the application the merchant came from, whose progress says
    /// what it may do and what stands in the way.
    static func list(_ products: [Product], withdrawn: [String: ProductWithdrawal.Reason], requirements: ApplicationFile?, merchant: Merchant,
                     language l: Language) -> String {
        let rows = products.map { product in
            let state: LocalizedText = switch withdrawn[product.id] {
            case .brandLapsed: CatalogueWords.withdrawnBrand
            case .counterfeit: CatalogueWords.withdrawnCounterfeit
            case nil: product.shipsToChina ? CatalogueWords.onSale : CatalogueWords.notToChina
            }
            let prices = Set(product.skus.map { $0.price.formatted(l) }).sorted().joined(separator: " / ")
            let stock = product.skus.reduce(Int64(0)) { $0 + $1.available }
            return """
                <tr data-product="\(escapeHTML(product.id))"><td><img src="\(escapeHTML(ProductImage.url(product, .tile)))" alt="" width="48" height="48" class="thumb"></td>
                <td><a href="/merchant/products/\(escapeHTML(product.id))">\(escapeHTML(product.name(l)))</a><br><small>\(escapeHTML(product.id))</small></td>
                <td>\(escapeHTML(prices))</td><td class="stock">\(stock)</td><td class="state">\(escapeHTML(state(l)))</td></tr>
                """
        }.joined()
        let main = """
            <section class="panel catalogue" data-merchant-id="\(escapeHTML(merchant.id))">
            <h1>\(escapeHTML(merchant.name(l))) · \(escapeHTML(CatalogueWords.title(l)))</h1>
            \(requirements.map { ApplicationPage.progress($0, language: l) } ?? "")
            <p><a href="/merchant/products/new" id="new-product">\(escapeHTML(CatalogueWords.new(l)))</a></p>
            \(products.isEmpty ? "<p>\(escapeHTML(CatalogueWords.none(l)))</p>" : "<table class=\"products\"><thead><tr><th></th><th></th><th>\(escapeHTML(CatalogueWords.price(l)))</th><th>\(escapeHTML(CatalogueWords.stock(l)))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>")
            </section>
            """
        return Layout.page(title: CatalogueWords.title(l), language: l, path: "/merchant/products", main: main)
    }

    /// The product form: `product` when editing one that exists (its photo can then be sent),
    /// `values` what the form holds, `errors` what was refused, by input.
    static func form(_ product: Product?, values: [String: String], errors: [String: LocalizedText], saved: Bool, merchant: Merchant,
                     csrf: String, language l: Language) -> String {
        func input(_ name: String, type: String = "text", required: Bool = false) -> String {
            let invalid = errors[name] != nil ? " aria-invalid=\"true\" aria-describedby=\"\(escapeHTML(name))-error\"" : ""
            let field = type == "textarea"
                ? "<textarea name=\"\(escapeHTML(name))\" rows=\"3\"\(required ? " required" : "")\(invalid)>\(escapeHTML(values[name] ?? ""))</textarea>"
                : "<input type=\"\(type)\" name=\"\(escapeHTML(name))\" value=\"\(escapeHTML(values[name] ?? ""))\"\(required ? " required" : "")\(invalid)>"
            return "<label>\(escapeHTML(CatalogueWords.field(name)(l)))\(field)</label>" + error(name)
        }
        func error(_ name: String) -> String {
            errors[name].map { "<p class=\"field-error\" id=\"\(escapeHTML(name))-error\">\(escapeHTML($0(l)))</p>" } ?? ""
        }
        let rowCount = min(ProductDraft.maxSKUs, (0...ProductDraft.maxSKUs).filter { values["skus[\($0)].id"] != nil }.count + 1)
        let rows = (0..<rowCount).map { index in
            "<fieldset class=\"sku\" data-row=\"\(index)\">" + CatalogueForm.skuFields.map { input("skus[\(index)].\($0)") }.joined() + "</fieldset>"
        }.joined()
        let id = product.map { "<input type=\"hidden\" name=\"id\" value=\"\(escapeHTML($0.id))\"><p class=\"meta\">\(escapeHTML($0.id))</p>" } ?? input("id", required: true)
        let action = product.map { "/merchant/products/\($0.id)" } ?? "/merchant/products/new"
        let notice = saved ? "<p class=\"notice\" role=\"status\" id=\"saved\">\(escapeHTML(CatalogueWords.saved(l)))</p>"
            : errors.isEmpty ? "" : "<p class=\"error\" role=\"alert\" id=\"refused\">\(escapeHTML(CatalogueWords.refused(l)))</p>"
        let ships = values["shipsToChina"] == "on" ? " checked" : ""
        let main = """
            <section class="panel product-form">
            <h1>\(escapeHTML((product == nil ? CatalogueWords.new : CatalogueWords.edit)(l)))</h1>
            <p><a href="/merchant/products">\(escapeHTML(CatalogueWords.title(l)))</a></p>
            \(notice)
            \(product.map { photoSection($0, language: l) } ?? "")
            <form method="post" action="\(escapeHTML(action))" class="stacked" id="product-form">\(BrowserSession.hiddenField(csrf))
            <input type="hidden" name="artwork" value="\(escapeHTML(values["artwork"] ?? ""))">
            \(id)
            \(input("nameEn", required: true))\(input("nameZh", required: true))
            \(input("descriptionEn", type: "textarea", required: true))\(input("descriptionZh", type: "textarea", required: true))
            \(input("category", required: true))\(input("brand", required: true))\(input("hsCode", required: true))\(input("originCountry", required: true))
            <label><input type="checkbox" name="shipsToChina"\(ships)> \(escapeHTML(CatalogueWords.field("shipsToChina")(l)))</label>
            \(input("noShipReasonEn"))\(input("noShipReasonZh"))
            <h2>\(escapeHTML(CatalogueWords.skus(l)))</h2>\(error("skus"))
            \(rows)
            <button type="submit">\(escapeHTML(CatalogueWords.save(l)))</button></form>
            </section>
            """
        return Layout.page(title: (product == nil ? CatalogueWords.new : CatalogueWords.edit)(l), language: l,
                           path: product.map { "/merchant/products/\($0.id)" } ?? "/merchant/products/new", main: main)
    }

    /// The photo, and the form whose script draws the chosen picture at each `PhotoSize` (no
    /// larger than it is) and sends each to the API with the console's session.
    static func photoSection(_ product: Product, language l: Language) -> String {
        let sizes = PhotoSize.allCases.map { "{name: '\($0.rawValue)', side: \($0.maxSide)}" }.joined(separator: ", ")
        return """
            <div class="photo-upload"><h2>\(escapeHTML(CatalogueWords.photo(l)))</h2>
            <img src="\(escapeHTML(ProductImage.url(product, .tile)))" alt="" width="96" height="96" class="thumb" id="photo-now">
            <p>\(escapeHTML(CatalogueWords.photoHelp(l)))</p>
            <form id="photo-form"><input type="file" accept="image/jpeg,image/png" name="photo">
            <button type="submit">\(escapeHTML(CatalogueWords.upload(l)))</button><span class="field-error" role="alert" id="photo-error"></span></form></div>
            <script>
            document.getElementById('photo-form').addEventListener('submit', async function (event) {
              event.preventDefault();
              var file = event.target.querySelector('input[type=file]').files[0];
              if (!file) return;
              var shown = document.getElementById('photo-error');
              var picture;
              try { picture = await createImageBitmap(file); } catch (e) { shown.textContent = '\(escapeHTML(CatalogueWords.photo(.notAPhoto)(l)))'; return; }
              for (var size of [\(sizes)]) {
                var scale = Math.min(1, size.side / Math.max(picture.width, picture.height));
                var canvas = document.createElement('canvas');
                canvas.width = Math.round(picture.width * scale); canvas.height = Math.round(picture.height * scale);
                canvas.getContext('2d').drawImage(picture, 0, 0, canvas.width, canvas.height);
                var blob = await new Promise(function (done) { canvas.toBlob(done, 'image/jpeg', 0.85); });
                var key = (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));
                var answer = await fetch('/api/v1/merchant/products/\(escapeHTML(product.id))/photos/' + size.name,
                  { method: 'PUT', headers: { 'Content-Type': 'image/jpeg', 'Idempotency-Key': key }, body: blob });
                if (!answer.ok) {
                  var problem = await answer.json().catch(function () { return {}; });
                  shown.textContent = problem.detail || answer.status; return;
                }
              }
              location.reload();
            });
            </script>
            """
    }
}
