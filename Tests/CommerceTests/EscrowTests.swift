import Commerce
import Foundation
import Ledger
import Money
import Testing

/// The payment plans run against the real ledger rules, in memory.
@Suite("Escrow, release and refunds")
struct EscrowTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func rate(_ text: String, _ base: Currency = .USD) throws -> ExchangeRate {
        try ExchangeRate(base: base, quote: .CNY, rate: try ExactDecimal(parsing: text), source: "test", asOf: now)
    }

    static func order(_ id: String, goods: Int64, freight: Int64, tax: Int64, currency: Currency = .USD) throws -> OrderAmounts {
        try OrderAmounts(orderID: id, merchantID: "m-\(id)", merchantCurrency: currency, goods: Money(minorUnits: goods, currency: .CNY),
                     freight: Money(minorUnits: freight, currency: .CNY), tax: Money(minorUnits: tax, currency: .CNY))
    }

    /// Books in which buyer c1 has paid `order` through the bank channel.
    static func paid(_ order: OrderAmounts) throws -> Books {
        var books = Books()
        books.open(Escrow.accounts(channel: "bank", consumerID: "c1", orders: [order])
                   + EscrowRelease.accounts(merchantID: order.merchantID, currency: .USD))
        try books.apply(Escrow.paying(paymentID: "p1", channel: "bank", consumerID: "c1", orders: [order]))
        return books
    }

    /// A ledger in memory that keeps what each batch records, as the store would.
    struct Books {
        var state = LedgerState(accounts: [], balances: [:], pending: [], recorded: [])

        mutating func open(_ accounts: [Account]) {
            for account in accounts where state.accounts[account.id] == nil { state.accounts[account.id] = account }
        }

        mutating func apply(_ requests: [TransferRequest]) throws {
            let outcome = try Ledger.apply(requests, to: state, at: EscrowTests.now)
            state.balances.merge(outcome.balances) { _, new in new }
            for transfer in outcome.recorded {
                state.recorded[transfer.id] = transfer
                if transfer.kind == .pending { state.pending[transfer.id] = PendingTransfer(transfer: transfer, status: .pending) }
            }
            for (id, status) in outcome.resolved { state.pending[id]?.status = status }
        }

        func holds(of orderID: String) -> [EscrowHold] {
            state.pending.values.filter { $0.status == .pending && $0.transfer.debit == Commerce.Books.escrow(orderID).id }
                .compactMap { held in
                    guard let part = EscrowPart(rawValue: held.transfer.code.replacingOccurrences(of: "hold:", with: "")) else { return nil }
                    return EscrowHold(transferID: held.transfer.id, part: part, amount: held.transfer.amount)
                }
        }

        func net(_ id: String) -> Int64 {
            let b = state.balances[id] ?? Balance()
            return b.creditsPosted - b.debitsPosted
        }
    }

    @Test("paying splits each order's escrow into goods, tax and freight holds, and the books balance")
    func paying() throws {
        let orders = [try Self.order("o1", goods: 71_000, freight: 3_000, tax: 6_000), try Self.order("o2", goods: 10_000, freight: 0, tax: 910)]
        var books = Books()
        books.open(Escrow.accounts(channel: "bank", consumerID: "c1", orders: orders))
        try books.apply(Escrow.paying(paymentID: "p1", channel: "bank", consumerID: "c1", orders: orders))
        #expect(books.net(Commerce.Books.escrow("o1").id) == 80_000)
        #expect(books.net(Commerce.Books.escrow("o2").id) == 10_910)
        #expect(books.holds(of: "o1").count == 3)
        #expect(books.holds(of: "o2").count == 2, "no hold for zero freight")
        #expect(books.net(Commerce.Books.buyer("c1").id) == 0)
        #expect(LedgerInvariants.violations(accounts: Array(books.state.accounts.values), balances: books.state.balances).isEmpty)
    }

    @Test("release converts at the rate of the moment, books the difference from the quote's rate, and takes commission")
    func release() throws {
        // USD 100.00 quoted at 7.1 = CNY 710.00; released at 7.2: 710 / 7.2 = 98.611… → 98.61, a loss of 1.39.
        let order = try Self.order("o1", goods: 71_000, freight: 3_000, tax: 6_000)
        var books = try Self.paid(order)
        let (requests, settlement) = try EscrowRelease.plan(
            order: order, holds: books.holds(of: "o1"), listed: Money(minorUnits: 10_000, currency: .USD),
            quotedGoods: order.goods, quoteRate: try Self.rate("7.1"), releaseRate: try Self.rate("7.2"), commissionBasisPoints: 500)
        try books.apply(requests)
        #expect(settlement.converted == Money(minorUnits: 9_861, currency: .USD))
        #expect(settlement.fxGain == Money(minorUnits: -139, currency: .USD))
        #expect(settlement.commission == Money(minorUnits: 500, currency: .USD))
        #expect(books.net(Commerce.Books.merchant(order.merchantID, .USD).id) == 10_000 - 500)
        #expect(books.net(Commerce.Books.escrow("o1").id) == 0)
        #expect(books.net(Commerce.Books.customsTax.id) == 6_000)
        #expect(books.net(Commerce.Books.freight.id) == 3_000)
        #expect(books.holds(of: "o1").isEmpty)
        #expect(LedgerInvariants.violations(accounts: Array(books.state.accounts.values), balances: books.state.balances).isEmpty)
    }

    @Test("a partial refund before release gives back part of the holds; the merchant's share shrinks in proportion")
    func partialRefundBeforeRelease() throws {
        let order = try Self.order("o1", goods: 71_000, freight: 3_000, tax: 6_000)
        var books = try Self.paid(order)
        let state = RefundableOrder(order: order, consumerID: "c1", channel: "bank", refunded: .zero(.CNY),
                                    holds: books.holds(of: "o1"), released: false)
        let refund = try Refund.plan("r1", amount: Money(minorUnits: 35_500, currency: .CNY), of: state, rate: nil)
        #expect(!refund.isFull)
        try books.apply(refund.requests)
        #expect(books.net(Commerce.Books.escrow("o1").id) == 80_000 - 35_500)
        let goodsHeld = books.holds(of: "o1").filter { $0.part == .goods }.map(\.amount.minorUnits)
        #expect(goodsHeld == [71_000 - 35_500])
        let (_, settlement) = try EscrowRelease.plan(
            order: order, holds: books.holds(of: "o1"), listed: Money(minorUnits: 10_000, currency: .USD),
            quotedGoods: order.goods, quoteRate: try Self.rate("7.1"), releaseRate: try Self.rate("7.1"), commissionBasisPoints: 0)
        #expect(settlement.share == Money(minorUnits: 5_000, currency: .USD), "half the goods refunded, half the price paid")
        #expect(settlement.fxGain.isZero)
    }

    @Test("refunds can never pass what was paid, and refuse zero, negative and foreign amounts")
    func refundLimits() throws {
        let order = try Self.order("o1", goods: 1_000, freight: 100, tax: 10)
        let paid = RefundableOrder(order: order, consumerID: "c1", channel: "bank", refunded: Money(minorUnits: 1_000, currency: .CNY),
                                   holds: [], released: true)
        #expect(throws: RefundError.exceedsPaid(asked: Money(minorUnits: 111, currency: .CNY), refundable: Money(minorUnits: 110, currency: .CNY))) {
            try Refund.plan("r", amount: Money(minorUnits: 111, currency: .CNY), of: paid, rate: try Self.rate("7"))
        }
        #expect(throws: RefundError.amountMustBePositive) { try Refund.plan("r", amount: .zero(.CNY), of: paid, rate: nil) }
        #expect(throws: RefundError.amountMustBePositive) {
            try Refund.plan("r", amount: Money(minorUnits: -5, currency: .CNY), of: paid, rate: nil)
        }
        #expect(throws: RefundError.wrongCurrency(.USD)) { try Refund.plan("r", amount: Money(minorUnits: 5, currency: .USD), of: paid, rate: nil) }
    }

    @Test("after release a refund is clawed back from the merchant at the rate of the moment")
    func refundAfterRelease() throws {
        let order = try Self.order("o1", goods: 71_000, freight: 3_000, tax: 6_000)
        var books = try Self.paid(order)
        try books.apply(try EscrowRelease.plan(
            order: order, holds: books.holds(of: "o1"), listed: Money(minorUnits: 10_000, currency: .USD), quotedGoods: order.goods,
            quoteRate: try Self.rate("7.1"), releaseRate: try Self.rate("7.1"), commissionBasisPoints: 0).requests)
        let state = RefundableOrder(order: order, consumerID: "c1", channel: "bank", refunded: .zero(.CNY), holds: [], released: true)
        try books.apply(try Refund.plan("r1", amount: Money(minorUnits: 14_200, currency: .CNY), of: state, rate: try Self.rate("7.1")).requests)
        #expect(books.net(Commerce.Books.merchant(order.merchantID, .USD).id) == 10_000 - 2_000, "CNY 142.00 at 7.1 is USD 20.00")
        #expect(books.net(Commerce.Books.channel("bank").id) == -80_000 + 14_200)
    }
}
