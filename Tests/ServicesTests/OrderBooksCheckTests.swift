import Commerce
import Foundation
@testable import Services
import Storage
import TestSupport
import Testing

@Suite("Orders, stock and allowances agree")
struct OrderBooksCheckTests {
    @Test("a placed and paid order leaves nothing to report; a reservation or an allowance out of step is named", arguments: StoreKind.allCases)
    func check(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let shop = try await PaymentTests.Fixture(store)
            _ = try await shop.pay()
            let check = OrderBooksCheck(store: store)
            #expect(try await check.run().isEmpty)
            try await store.apply([.write(SQL("UPDATE skus SET reserved = reserved + 1 WHERE id = 'pp-nuts-1'"))])
            let stock = try await check.run()
            #expect(stock.count == 1 && stock.first?.contains("pp-nuts-1") == true, "\(stock)")
            try await store.apply([.write(SQL("UPDATE skus SET reserved = reserved - 1 WHERE id = 'pp-nuts-1'")),
                                   .write(SQL("UPDATE import_allowances SET used_fen = used_fen + 1"))])
            let allowance = try await check.run()
            #expect(allowance.count == 1 && allowance.first?.hasPrefix("allowance") == true, "\(allowance)")
            try await store.apply([.write(SQL("DELETE FROM import_allowances"))])
            let missing = try await check.run()
            #expect(missing.count == 1 && missing.first?.hasPrefix("orders of identity") == true, "\(missing)")
        }
    }
}
