import Foundation
import Ledger
import Money
import Services
import Storage
import TestSupport
import Testing

@Suite("Ledger in a store")
struct LedgerServiceTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let accounts = [
        Account(id: "channel:CNY", currency: .CNY),
        Account(id: "escrow:CNY", currency: .CNY, flags: .debitsMustNotExceedCredits),
        Account(id: "merchant:m1:CNY", currency: .CNY, flags: .debitsMustNotExceedCredits),
    ]

    func cny(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .CNY) }

    @Test("escrow is paid, held, released in part and the rest returned; the books balance", arguments: StoreKind.allCases)
    func escrowFlow(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let ledger = LedgerService(store: store)
            try await ledger.open(accounts, at: now)
            try await ledger.post([
                .single(id: "pay", debit: "channel:CNY", credit: "escrow:CNY", amount: cny(10_000), code: "pay"),
                .pending(id: "hold", debit: "escrow:CNY", credit: "merchant:m1:CNY", amount: cny(10_000), code: "hold"),
            ], at: now)
            try await ledger.post([
                .post(id: "release", pending: "hold", amount: cny(7_000), code: "release"),
                .single(id: "refund", debit: "escrow:CNY", credit: "channel:CNY", amount: cny(3_000), code: "refund"),
            ], at: now)
            let balances = try await ledger.balances(of: accounts.map(\.id))
            #expect(balances["escrow:CNY"] == Balance(debitsPosted: 10_000, creditsPosted: 10_000))
            #expect(balances["merchant:m1:CNY"] == Balance(creditsPosted: 7_000))
            let report = try await LedgerCheck(store: store).run()
            #expect(report.problems.isEmpty, "\(report.problems)")
            #expect(report.transfers == 4)
            await #expect(throws: LedgerError.pendingAlreadyResolved(transfer: "void", pending: "hold", status: .posted)) {
                try await ledger.post([.void(id: "void", pending: "hold", code: "late")], at: now)
            }
            let replay = try await ledger.post([.post(id: "release", pending: "hold", amount: cny(7_000), code: "release")], at: now)
            #expect(replay.recorded.isEmpty && replay.replayed.count == 1)
        }
    }

    @Test("concurrent batches on the same accounts lose nothing, and a hold resolves once", arguments: StoreKind.allCases)
    func concurrency(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let ledger = LedgerService(store: store)
            try await ledger.open(accounts, at: now)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await ledger.post([.single(id: "pay-\(index)", debit: "channel:CNY", credit: "escrow:CNY",
                                                       amount: cny(100), code: "pay")], at: now)
                    }
                }
                try await group.waitForAll()
            }
            try await ledger.post([.pending(id: "hold", debit: "escrow:CNY", credit: "merchant:m1:CNY", amount: cny(2_000), code: "hold")],
                                  at: now)
            let results = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<6 {
                    group.addTask {
                        let request: TransferRequest = index.isMultiple(of: 2)
                            ? .post(id: "release-\(index)", pending: "hold", amount: cny(2_000), code: "release")
                            : .void(id: "refund-\(index)", pending: "hold", code: "refund")
                        return (try? await ledger.post([request], at: now)) != nil
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            let balances = try await ledger.balances(of: ["escrow:CNY"])
            #expect(balances["escrow:CNY"]?.creditsPosted == 2_000)
            #expect(balances["escrow:CNY"]?.debitsPending == 0)
            let report = try await LedgerCheck(store: store).run()
            #expect(report.problems.isEmpty, "\(report.problems)")
        }
    }

    @Test("check finds a stored balance that no longer matches its transfers", arguments: StoreKind.allCases)
    func checkFindsTampering(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let ledger = LedgerService(store: store)
            try await ledger.open(accounts, at: now)
            try await ledger.post([.single(id: "pay", debit: "channel:CNY", credit: "escrow:CNY", amount: cny(500), code: "pay")], at: now)
            try await store.apply([.write(SQL("UPDATE ledger_accounts SET credits_posted = 600 WHERE id = 'escrow:CNY'"))])
            let problems = try await LedgerCheck(store: store).run().problems
            #expect(problems.contains { $0.contains("escrow:CNY") && $0.contains("differs from its transfers") })
            #expect(problems.contains { $0.hasPrefix("CNY: posted debits 500") })
        }
    }

    @Test("a refused batch records nothing", arguments: StoreKind.allCases)
    func refusedBatch(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let ledger = LedgerService(store: store)
            try await ledger.open(accounts, at: now)
            await #expect(throws: LedgerError.debitsWouldExceedCredits(transfer: "b", account: "escrow:CNY")) {
                try await ledger.post([
                    .single(id: "a", debit: "channel:CNY", credit: "escrow:CNY", amount: cny(100), code: "pay"),
                    .single(id: "b", debit: "escrow:CNY", credit: "merchant:m1:CNY", amount: cny(101), code: "x"),
                ], at: now)
            }
            #expect(try await LedgerCheck(store: store).run().transfers == 0)
        }
    }

    @Test("a move decided on a balance that changed meanwhile is refused by the database, not applied", arguments: StoreKind.allCases)
    func staleDecision(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let ledger = LedgerService(store: store)
            try await ledger.open(accounts, at: now)
            try await ledger.post([.single(id: "pay", debit: "channel:CNY", credit: "escrow:CNY", amount: cny(10_000), code: "pay")], at: now)
            let late: [TransferRequest] = [.single(id: "out-a", debit: "escrow:CNY", credit: "merchant:m1:CNY", amount: cny(8_000), code: "x")]
            let decidedOn = try await LedgerService.load(for: late, from: store)
            let decided = try Ledger.apply(late, to: decidedOn, at: now)
            // Meanwhile another batch takes half of the escrow.
            try await ledger.post([.single(id: "out-b", debit: "escrow:CNY", credit: "merchant:m1:CNY", amount: cny(5_000), code: "x")], at: now)
            await #expect(throws: StoreError.self) { try await store.apply(LedgerRecords.recording(decided, loaded: decidedOn, on: store.kind)) }
            let balances = try await ledger.balances(of: accounts.map(\.id))
            #expect(balances["escrow:CNY"] == Balance(debitsPosted: 5_000, creditsPosted: 10_000))
            #expect(balances["merchant:m1:CNY"] == Balance(creditsPosted: 5_000))
            #expect(try await LedgerCheck(store: store).run().problems.isEmpty)
        }
    }
}
