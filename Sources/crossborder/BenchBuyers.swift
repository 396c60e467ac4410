import Commerce
import Foundation
import Money
import Services
import Storage

/// The benchmark's buyers and goods, made straight in the database before the server starts:
/// signed up (a cheap bcrypt cost, since signing up is not what is measured), signed in,
/// with an address and a verified identity each; the cheapest demo SKUs that pass customs'
/// limits given stock enough for the run, or one SKU given exactly the flash sale's stock.
struct BenchBuyers: Sendable {
    struct Buyer: Sendable {
        let headers: [(String, String)]
        let addressID: String
    }

    let buyers: [Buyer]
    let skus: [String]
    let run = UUID().uuidString.prefix(8)

    static func prepare(_ store: any Store, cipher: FieldCipher, count: Int, flashStock: Int?, history: Int) async throws -> BenchBuyers {
        try await store.migrate()
        try await DemoLoader.loadIfAbsent(into: store, at: Date())
        // Every order is still decided by the risk rules (their cost is part of the figure), but
        // without the velocity rule: each bench buyer orders dozens of times in seconds by design,
        // which a real buyer would not, and held orders would never reach customs in the run.
        let rules = DefaultRiskRules.text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("rule velocity:") }.joined(separator: "\n")
        try await RiskRuleService(store: store, engine: RiskEngine()).save(rules, author: "bench checkout", note: "the shipped rules but velocity", at: Date())
        let accounts = AccountService(store: store, cipher: cipher, bcryptCost: 4)
        let identities = IdentityService(store: store, cipher: cipher, checker: SandboxIdentityChecker(delay: .zero))
        var buyers: [Buyer] = []
        var first: (Consumer, String)?
        for n in 0..<count {
            let email = "bench\(n)-\(UUID().uuidString.prefix(6))@example.cn"
            let consumer = try await accounts.signUp(email: email, password: "bench passphrase \(n)", displayName: "", at: Date())
            let (_, token) = try await accounts.signIn(email: email, password: "bench passphrase \(n)", at: Date())
            // Each buyer their own phone, as real buyers have: one phone for all would link them into one cluster.
            let phone = String(format: "138%08d", n)
            _ = try await identities.enrol(consumer, name: "王小明", idNumber: idNumber(n), mobile: phone, at: Date())
            let address = try await accounts.addAddress(
                DeliveryAddress(province: "上海市", city: "上海市", district: "浦东新区", street: "世纪大道\(n % 999 + 1)号", recipient: "王小明",
                                mobile: phone), for: consumer, at: Date())
            if first == nil { first = (consumer, address.id) }
            buyers.append(Buyer(headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")], addressID: address.id))
        }
        guard let (consumer, addressID) = first else { throw CommandFailure("--buyers must be at least 1") }
        // The SKUs one buyer may order one of, cheapest first.
        let checkout = CheckoutService(store: store, rates: RateService(store: store, maxAge: .infinity))
        let catalog = CatalogService(store: store)
        var priced: [(id: String, total: Int64)] = []
        for row in try await store.read(SQL("SELECT id FROM skus ORDER BY id")) {
            let id = try row.text("id")
            guard let listing = try await catalog.sku(id) else { continue }
            let sku = listing.sku
            let item = ParcelItem(product: listing.product, sku: SKU(id: sku.id, variant: sku.variant, price: sku.price,
                                                                     weightGrams: sku.weightGrams, onHand: 1, reserved: 0,
                                                                     netContent: sku.netContent), quantity: 1)
            // Totals ending in the sandbox bank's test digits (13, 14, 51, 99 fen) fail on purpose.
            let quote: Quote
            do { quote = try await checkout.quoting([(listing.merchant, item)], id: "probe", for: consumer, addressID: addressID, at: Date()).quote } catch is CheckoutError {
                continue  // not sold as one item (above the limit, say): left out of the benchmark
            }
            guard ![13, 14, 51, 99].contains(quote.total.minorUnits % 100) else { continue }
            priced.append((id, quote.total.minorUnits))
        }
        let chosen = priced.sorted { $0.total < $1.total }.prefix(flashStock == nil ? 8 : 1).map(\.id)
        guard !chosen.isEmpty else { throw CommandFailure("no demo SKU can be ordered") }
        try await store.apply([.write(SQL("UPDATE skus SET on_hand = ?, reserved = 0 WHERE id IN (\(SQL.placeholders(chosen.count)))",
                                          [.integer(Int64(flashStock ?? 100_000_000))] + chosen.map { $0.sqlValue }))])
        if history > 0, let listing = try await catalog.sku(chosen[0]) {
            Console.error("adding \(history) completed orders from a year ago")
            try await BenchHistory.fill(store, orders: history, consumerID: consumer.id, merchantID: listing.merchant.id,
                                        skuID: chosen[0], productID: listing.product.id)
        }
        return BenchBuyers(buyers: buyers, skus: chosen)
    }

    /// GB 11643 numbers, a different birth day (and then sequence) for each buyer.
    static func idNumber(_ n: Int) -> String {
        let birth = Date(timeIntervalSince1970: -315_619_200 + Double(n % 10_000) * 86_400)  // from 1960-01-01
        let day = Day(beijing: birth)
        let body = Array("310115" + String(format: "%04d%02d%02d%03d", day.year, day.month, day.day, n / 10_000 + 1))
        return String(body) + String(ResidentIDNumber.checkCharacter(for: body[...]))
    }

    func request(connection: Int, n: Int, connections: Int) -> LoadDriver.Request {
        let buyer = buyers[(connection + n * connections) % buyers.count]
        let sku = skus[(connection * 7 + n) % skus.count]
        let body = #"{"skuId":"\#(sku)","quantity":1,"addressId":"\#(buyer.addressID)","channel":"bank"}"#
        return LoadDriver.Request(method: "POST", path: "/api/v1/me/buy-now",
                                  headers: buyer.headers + [("Idempotency-Key", "\(run)-\(connection)-\(n)")], body: Array(body.utf8))
    }

    /// The buyers as a Lua chunk for wrk's script (Benchmarks/wrk/buy-now.lua): each buyer's
    /// Authorization header and address, the SKUs, and the data key the server must use to
    /// read the buyers' sealed identities.
    func lua(dataKey: String) -> String {
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        let rows = buyers.map { buyer in
            let authorization = buyer.headers.first { $0.0 == "Authorization" }?.1 ?? ""
            return "  { authorization = \(quoted(authorization)), address = \(quoted(buyer.addressID)) },"
        }
        return (["-- written by `crossborder bench checkout --prepare-only`", "data_key = \(quoted(dataKey))", "run = \(quoted(String(run)))",
                 "skus = { " + skus.map(quoted).joined(separator: ", ") + " }", "buyers = {"] + rows + ["}", ""]).joined(separator: "\n")
    }

    /// An answer that is not a new order, by status and problem type.
    static func kind(of answer: LoadDriver.Answer) -> String {
        let problem = (try? JSONSerialization.jsonObject(with: Data(answer.body))) as? [String: Any]
        return "\(answer.status) \(problem?["type"] as? String ?? "")".trimmingCharacters(in: .whitespaces)
    }

    /// After the run: the books balance, the orders declared to customs, and a flash sale's SKU
    /// is sold out exactly — nothing left, nothing oversold, every unit held by an order.
    static func check(_ store: any Store, flashSKU: String?) async throws -> [String: Double] {
        var results: [String: Double] = [:]
        let report = try await LedgerCheck(store: store).run()
        results["ledger_problems"] = Double(report.problems.count)
        results["order_problems"] = Double(try await OrderBooksCheck(store: store).run().count)
        let orders = try await store.read(SQL(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM orders WHERE status IN ('paid', 'declared', 'cleared', 'shipped', 'delivered', 'completed')"))
        results["orders_paid_stored"] = Double(try orders.first?.integer("n") ?? 0)
        // Full checkout includes the customs records: how many orders the background rounds
        // declared before the server stopped (history orders need none).
        let declared = try await store.read(SQL("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM declarations"))
        results["orders_declared"] = Double(try declared.first?.integer("n") ?? 0)
        // How far the customs round is behind checkout when the run ends: paid orders of
        // verified buyers still waiting for their declaration.
        let waiting = try await store.read(SQL(
            """
            SELECT CAST(COUNT(*) AS BIGINT) AS n FROM orders o JOIN buyer_identities b ON b.consumer_id = o.consumer_id
            WHERE o.status = 'paid' AND b.status = 'verified' AND NOT EXISTS (SELECT 1 FROM declarations d WHERE d.order_id = o.id)
            """))
        results["declarations_behind_orders"] = Double(try waiting.first?.integer("n") ?? 0)
        if let flashSKU {
            let sku = try await store.read(SQL("SELECT on_hand, reserved FROM skus WHERE id = ?", bind: flashSKU))
            let sold = try await store.read(SQL(
                """
                SELECT CAST(COALESCE(SUM(l.quantity), 0) AS BIGINT) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id
                WHERE l.sku_id = ? AND o.status NOT IN ('cancelled', 'refunded')
                """, bind: flashSKU))
            let onHand = try sku.first?.integer("on_hand") ?? 0, reserved = try sku.first?.integer("reserved") ?? 0
            results["flash_stock_left"] = Double(onHand - reserved)
            results["flash_units_sold"] = Double(try sold.first?.integer("n") ?? 0)
            results["flash_oversold"] = Double(max(0, reserved - onHand))
        }
        return results
    }
}
