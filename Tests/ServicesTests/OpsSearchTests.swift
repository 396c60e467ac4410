import Commerce
import Foundation
@testable import Services
import Storage
import TestSupport
import Testing

/// Ops' one search box finds what is quoted to them, a buyer only masked.
@Suite("Ops search")
struct OpsSearchTests {
    @Test("an order, its group, its payment, a held order, a buyer by e-mail or identity number; nothing for a stranger", arguments: StoreKind.allCases)
    func find(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let ring = try await RiskServiceTests.Ring(store)
            try await ring.rules.save("rule everyone: review when identity.orders_24h >= 1", author: "test", note: "", at: Date())
            let (consumer, address) = try await ring.buyer(7)
            let bought = try await ring.buy(consumer, to: address, key: "find-7")
            let search = OpsSearch(store: store, cipher: CheckoutTests.cipher)

            let byOrder = try await search.find(" \(bought.orderIDs[0]) ")
            #expect(byOrder.map(\.kind) == [.order])
            #expect(byOrder[0].detail.contains("held by risk review"))
            #expect(try await search.find(bought.groupID).map(\.label) == bought.orderIDs)
            let byPayment = try await search.find(bought.payment.id)
            #expect(byPayment.map(\.kind) == [.payment] && byPayment[0].link.hasSuffix(bought.groupID))

            for query in ["BUYER7@example.cn", CheckoutTests.idNumber(7)] {
                let found = try await search.find(query)
                #expect(found.first?.kind == .buyer, "\(query)")
                #expect(found.first?.label == "b***@example.cn")
                #expect(found.first?.detail.contains(CheckoutTests.idNumber(7)) == false, "the identity number masked")
                #expect(found.dropFirst().map(\.label) == bought.orderIDs)
            }
            #expect(try await search.find("nobody@example.cn").isEmpty)
            #expect(try await search.find("").isEmpty)
        }
    }
}
