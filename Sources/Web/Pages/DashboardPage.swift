import Commerce
import Money
import Foundation

/// The ops dashboard page: figures and two SVG charts, redrawn from each server-sent event.
enum DashboardPage {
    static func render(language l: Language) -> String {
        let main = """
            <section class="panel dashboard" id="dashboard" data-updated="0">
            <h1>\(escapeHTML(W.title(l)))</h1>
            <div class="figures">
            <p>\(escapeHTML(W.perSecond(l))) <strong id="orders-per-second">—</strong></p>
            <p>\(escapeHTML(W.gmvMinute(l))) <strong id="gmv-minute">—</strong></p>
            <p>\(escapeHTML(W.gmvSession(l))) <strong id="gmv-session">—</strong></p>
            <p>\(escapeHTML(W.errors(l))) <strong id="error-rate">—</strong></p>
            </div>
            <h2>\(escapeHTML(W.chart(l)))</h2>
            <svg id="orders-chart" viewBox="0 0 600 160" width="100%" role="img" aria-label="orders per second">
            <line x1="0" y1="150" x2="600" y2="150" stroke="#999"/>
            <polyline id="orders-line" fill="none" stroke="#c0392b" stroke-width="2" points=""/>
            <text id="orders-max" x="4" y="14" font-size="12"></text>
            </svg>
            <h2>\(escapeHTML(W.top(l)))</h2>
            <svg id="top-chart" viewBox="0 0 600 150" width="100%" role="img" aria-label="top SKUs"></svg>
            <p class="note" id="stream-state">connecting…</p>
            </section>
            <script>
            (() => {
              const svg = "http://www.w3.org/2000/svg";
              const $ = (id) => document.getElementById(id);
              let sessionFen = 0n, lastSecond = 0;
              const fen = (amount) => { const [whole, part = ""] = amount.split("."); return BigInt(whole) * 100n + BigInt((part + "00").slice(0, 2)); };
              const yuan = (f) => "CNY " + (f / 100n).toLocaleString("en") + "." + String(f % 100n).padStart(2, "0");
              const events = new EventSource("/ops/dashboard/events");
              events.onopen = () => { $("stream-state").textContent = "live"; };
              events.onerror = () => { $("stream-state").textContent = "reconnecting…"; };
              events.addEventListener("figures", (message) => {
                const data = JSON.parse(message.data);
                const seconds = data.seconds;
                const latest = seconds[seconds.length - 1];
                $("orders-per-second").textContent = latest ? latest.orders : 0;
                $("gmv-minute").textContent = yuan(seconds.reduce((sum, s) => sum + fen(s.gmv.amount), 0n));
                for (const s of seconds) if (s.at > lastSecond) { if (lastSecond) sessionFen += fen(s.gmv.amount); }
                lastSecond = Math.max(lastSecond, ...seconds.map((s) => s.at));
                $("gmv-session").textContent = yuan(sessionFen);
                const answered = Math.max(data.answered, 1);
                $("error-rate").textContent = (100 * data.refused / answered).toFixed(1) + " % / " + (100 * data.failed / answered).toFixed(1) + " %";
                const peak = Math.max(1, ...seconds.map((s) => s.orders));
                $("orders-max").textContent = peak + " orders/s";
                $("orders-line").setAttribute("points", seconds.map((s, i) =>
                  (i * 600 / Math.max(seconds.length - 1, 1)).toFixed(1) + "," + (150 - 130 * s.orders / peak).toFixed(1)).join(" "));
                const chart = $("top-chart");
                chart.replaceChildren();
                const most = Math.max(1, ...data.top.map((t) => t.units));
                data.top.forEach((t, i) => {
                  const bar = document.createElementNS(svg, "rect");
                  bar.setAttribute("x", 220); bar.setAttribute("y", i * 28 + 4); bar.setAttribute("height", 20);
                  bar.setAttribute("width", (370 * t.units / most).toFixed(1)); bar.setAttribute("fill", "#2c7be5");
                  bar.dataset.sku = t.skuId;
                  const label = document.createElementNS(svg, "text");
                  label.setAttribute("x", 0); label.setAttribute("y", i * 28 + 19); label.setAttribute("font-size", 12);
                  label.textContent = t.name.slice(0, 30) + " · " + t.units;
                  chart.append(bar, label);
                });
                $("dashboard").dataset.updated = String(Number($("dashboard").dataset.updated) + 1);
              });
            })();
            </script>
            """
        return Layout.page(title: W.title(l), language: l, path: "/ops/dashboard", main: main)
    }

    enum W {
        static let title = LocalizedText(en: "Live sales", zh: "实时销售")
        static let perSecond = LocalizedText(en: "Orders per second", zh: "每秒订单数")
        static let gmvMinute = LocalizedText(en: "GMV, last minute", zh: "近一分钟成交额")
        static let gmvSession = LocalizedText(en: "GMV since this page opened", zh: "本页打开以来成交额")
        static let errors = LocalizedText(en: "Refused / failed answers, last second", zh: "近一秒被拒或失败的请求")
        static let chart = LocalizedText(en: "Orders per second, last minute", zh: "近一分钟每秒订单数")
        static let top = LocalizedText(en: "Top SKUs, last minute", zh: "近一分钟热销单品")
    }
}
