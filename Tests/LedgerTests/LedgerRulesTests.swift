import Foundation
import Ledger
import Money
import Testing

@Suite("Ledger rules")
struct LedgerRulesTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let accounts = [
        Account(id: "buyer", currency: .CNY),
        Account(id: "escrow", currency: .CNY, flags: .debitsMustNotExceedCredits),
        Account(id: "merchant", currency: .CNY, flags: .debitsMustNotExceedCredits),
        Account(id: "usd", currency: .USD),
    ]

    func cny(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .CNY) }

    func state(_ outcome: LedgerOutcome? = nil, from base: LedgerState? = nil) -> LedgerState {
        var state = base ?? LedgerState(accounts: accounts, balances: [:], pending: [], recorded: [])
        guard let outcome else { return state }
        state.balances.merge(outcome.balances) { _, new in new }
        for transfer in outcome.recorded {
            state.recorded[transfer.id] = transfer
            if transfer.kind == .pending { state.pending[transfer.id] = PendingTransfer(transfer: transfer, status: .pending) }
        }
        for (id, status) in outcome.resolved { state.pending[id]?.status = status }
        return state
    }

    @Test("a transfer debits one account and credits the other by the same amount")
    func single() throws {
        let outcome = try Ledger.apply([.single(id: "t1", debit: "buyer", credit: "escrow", amount: cny(1000), code: "pay")],
                                       to: state(), at: now)
        #expect(outcome.balances["buyer"] == Balance(debitsPosted: 1000))
        #expect(outcome.balances["escrow"] == Balance(creditsPosted: 1000))
        #expect(outcome.recorded.map(\.id) == ["t1"])
    }

    @Test("escrow: a pending transfer is posted in part, the rest released, and it resolves only once")
    func pendingPostedInPart() throws {
        let funded = state(try Ledger.apply([.single(id: "f", debit: "buyer", credit: "escrow", amount: cny(5000), code: "pay")],
                                            to: state(), at: now))
        let held = state(try Ledger.apply([.pending(id: "p", debit: "escrow", credit: "merchant", amount: cny(5000), code: "hold")],
                                          to: funded, at: now), from: funded)
        #expect(held.balances["escrow"] == Balance(debitsPending: 5000, creditsPosted: 5000))
        let posted = try Ledger.apply([.post(id: "r", pending: "p", amount: cny(3000), code: "release")], to: held, at: now)
        #expect(posted.balances["escrow"] == Balance(debitsPosted: 3000, creditsPosted: 5000))
        #expect(posted.balances["merchant"] == Balance(creditsPosted: 3000))
        #expect(posted.resolved == ["p": .posted])
        let after = state(posted, from: held)
        #expect(throws: LedgerError.pendingAlreadyResolved(transfer: "v", pending: "p", status: .posted)) {
            try Ledger.apply([.void(id: "v", pending: "p", code: "refund")], to: after, at: now)
        }
        #expect(throws: LedgerError.postExceedsPending(transfer: "r2", pending: "p")) {
            try Ledger.apply([.post(id: "r2", pending: "p", amount: cny(6000), code: "x")], to: held, at: now)
        }
        let voided = try Ledger.apply([.void(id: "v", pending: "p", code: "refund")], to: held, at: now)
        #expect(voided.balances["escrow"] == Balance(creditsPosted: 5000))
        #expect(voided.resolved == ["p": .voided])
    }

    @Test("a flagged account can never go below zero, counting reservations")
    func flags() throws {
        #expect(throws: LedgerError.debitsWouldExceedCredits(transfer: "t", account: "escrow")) {
            try Ledger.apply([.pending(id: "t", debit: "escrow", credit: "merchant", amount: cny(1), code: "x")], to: state(), at: now)
        }
    }

    @Test("linked transfers succeed or fail together")
    func linked() throws {
        let batch: [TransferRequest] = [
            .single(id: "a", debit: "buyer", credit: "escrow", amount: cny(100), code: "x"),
            .single(id: "b", debit: "escrow", credit: "merchant", amount: cny(150), code: "x"),
        ]
        #expect(throws: LedgerError.debitsWouldExceedCredits(transfer: "b", account: "escrow")) {
            try Ledger.apply(batch, to: state(), at: now)
        }
        let within: [TransferRequest] = [batch[0], .single(id: "b", debit: "escrow", credit: "merchant", amount: cny(100), code: "x")]
        #expect(try Ledger.apply(within, to: state(), at: now).recorded.count == 2)
    }

    @Test("bad transfers are refused and name themselves", arguments: [
        (TransferRequest.single(id: "t", debit: "buyer", credit: "escrow", amount: Money(minorUnits: 0, currency: .CNY), code: "x"),
         LedgerError.amountMustBePositive(transfer: "t")),
        (.single(id: "t", debit: "buyer", credit: "escrow", amount: Money(minorUnits: -5, currency: .CNY), code: "x"),
         .amountMustBePositive(transfer: "t")),
        (.single(id: "t", debit: "buyer", credit: "buyer", amount: Money(minorUnits: 5, currency: .CNY), code: "x"),
         .sameAccount(transfer: "t")),
        (.single(id: "t", debit: "buyer", credit: "nobody", amount: Money(minorUnits: 5, currency: .CNY), code: "x"),
         .unknownAccount(transfer: "t", account: "nobody")),
        (.single(id: "t", debit: "buyer", credit: "usd", amount: Money(minorUnits: 5, currency: .CNY), code: "x"),
         .currencyMismatch(transfer: "t", account: "usd", expected: .USD, got: .CNY)),
        (.post(id: "t", pending: "none", amount: Money(minorUnits: 5, currency: .CNY), code: "x"),
         .unknownPending(transfer: "t", pending: "none")),
    ])
    func refused(request: TransferRequest, error: LedgerError) {
        #expect(throws: error) { try Ledger.apply([request], to: state(), at: now) }
    }

    @Test("asking again with the same id is answered with the first transfer; other content is refused")
    func idempotent() throws {
        let request = TransferRequest.single(id: "t", debit: "buyer", credit: "escrow", amount: cny(10), code: "x")
        let first = state(try Ledger.apply([request], to: state(), at: now))
        let again = try Ledger.apply([request], to: first, at: now + 60)
        #expect(again.recorded.isEmpty && again.balances.isEmpty)
        #expect(again.replayed.map(\.at) == [now])
        #expect(throws: LedgerError.idReusedWithDifferentContent(transfer: "t")) {
            try Ledger.apply([.single(id: "t", debit: "buyer", credit: "escrow", amount: cny(11), code: "x")], to: first, at: now)
        }
        #expect(throws: LedgerError.duplicateInBatch(transfer: "u")) {
            let u = TransferRequest.single(id: "u", debit: "buyer", credit: "escrow", amount: cny(1), code: "x")
            return try Ledger.apply([u, u], to: state(), at: now)
        }
    }

    @Test("a balance that would overflow is refused")
    func overflow() throws {
        let full = state(try Ledger.apply([.single(id: "a", debit: "buyer", credit: "escrow", amount: cny(.max), code: "x")],
                                          to: state(), at: now))
        #expect(throws: LedgerError.overflow(transfer: "b")) {
            try Ledger.apply([.single(id: "b", debit: "buyer", credit: "escrow", amount: cny(1), code: "x")], to: full, at: now)
        }
    }
}

@Suite("Ledger overflow")
struct LedgerOverflowTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// TigerBeetle checks that posted and pending debits together fit before it checks the
    /// limit: a wrapped sum would be negative and pass any limit.
    @Test("a flagged account whose debits with pending would pass Int64 refuses the move as an overflow")
    func flaggedSumOverflows() throws {
        let accounts = [Account(id: "buyer", currency: .CNY), Account(id: "escrow", currency: .CNY, flags: .debitsMustNotExceedCredits)]
        let balances = ["escrow": Balance(debitsPending: Int64.max - 5, creditsPosted: Int64.max)]
        let state = LedgerState(accounts: accounts, balances: balances, pending: [], recorded: [])
        #expect(throws: LedgerError.overflow(transfer: "t1")) {
            try Ledger.apply([.single(id: "t1", debit: "escrow", credit: "buyer", amount: Money(minorUnits: 10, currency: .CNY),
                                      code: "pay")], to: state, at: now)
        }
    }

    @Test("the invariants see an imbalance that a wrapping sum would hide")
    func invariantsDoNotWrap() {
        // Debits 2^64 in all against no credits: summed modulo 2^64 they would look balanced.
        let accounts = ["a", "b", "c"].map { Account(id: $0, currency: .CNY) }
        let balances = ["a": Balance(debitsPosted: .max), "b": Balance(debitsPosted: .max), "c": Balance(debitsPosted: 2)]
        let problems = LedgerInvariants.violations(accounts: accounts, balances: balances)
        #expect(problems.contains { $0.hasPrefix("CNY: posted debits") })
    }

    @Test("a replay that would overflow names the transfer instead of wrapping")
    func replayOverflows() {
        let transfers = (1...2).map { n in
            Transfer(id: "t\(n)", kind: .single, debit: "a", credit: "b", amount: Money(minorUnits: .max, currency: .CNY), pendingID: nil,
                     code: "x", at: now)
        }
        #expect(throws: LedgerError.overflow(transfer: "t2")) { try Ledger.balances(replaying: transfers) }
    }
}
