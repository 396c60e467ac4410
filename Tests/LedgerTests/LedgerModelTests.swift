import Commerce
import Foundation
import Ledger
import Money
import TestSupport
import Testing

/// Random sequences of what the platform does with money — pay into escrow, hold for a
/// merchant, release in whole or part, refund by voiding, pay out — after which the books
/// balance, no flagged account is negative, each pending transfer resolved at most once, and
/// the stored balances equal those derived again from the transfers.
@Suite("Ledger model")
struct LedgerModelTests {
    static let accounts: [Account] = [
        Account(id: "channel", currency: .CNY),
        Account(id: "escrow", currency: .CNY, flags: .debitsMustNotExceedCredits),
        Account(id: "merchant-a", currency: .CNY, flags: .debitsMustNotExceedCredits),
        Account(id: "merchant-b", currency: .CNY, flags: .debitsMustNotExceedCredits),
        Account(id: "customs", currency: .CNY, flags: .debitsMustNotExceedCredits),
        Account(id: "bank", currency: .CNY),
    ]

    @Test("after any sequence the invariants of money hold", arguments: 0..<40)
    func randomSequences(seed: Int) throws {
        var random = SplitMix(state: UInt64(seed) &* 7919 &+ 17)
        var state = LedgerState(accounts: Self.accounts, balances: [:], pending: [], recorded: [])
        var history: [Transfer] = []
        var resolutions: [String: Int] = [:]
        var clock = Date(timeIntervalSince1970: 1_795_000_000)
        for step in 0..<150 {
            clock += 1
            let request = Self.randomRequest(step: step, state: state, random: &random)
            do {
                let outcome = try Ledger.apply(request, to: state, at: clock)
                state.balances.merge(outcome.balances) { _, new in new }
                for transfer in outcome.recorded {
                    history.append(transfer)
                    state.recorded[transfer.id] = transfer
                    if transfer.kind == .pending {
                        state.pending[transfer.id] = PendingTransfer(transfer: transfer, status: .pending)
                    }
                }
                for (id, status) in outcome.resolved {
                    state.pending[id]?.status = status
                    resolutions[id, default: 0] += 1
                }
            } catch {
                // A refused batch changes nothing; the state is simply not updated.
            }
            let problems = LedgerInvariants.violations(accounts: Self.accounts, balances: state.balances)
            #expect(problems.isEmpty, "seed \(seed), step \(step): \(problems)")
        }
        #expect(resolutions.values.allSatisfy { $0 == 1 }, "seed \(seed): a pending transfer resolved twice")
        let derived = try Ledger.balances(replaying: history)
        let model = Self.modelBalances(history: history, pending: state.pending)
        for account in Self.accounts {
            let stored = state.balances[account.id] ?? Balance()
            #expect((derived[account.id] ?? Balance()) == stored, "seed \(seed): \(account.id) replayed")
            #expect((model[account.id] ?? Balance()) == stored, "seed \(seed): \(account.id) against the model")
        }
        #expect(!history.isEmpty)
    }

    /// The balances as the rules describe them, computed without the ledger's own arithmetic:
    /// posted sums are what single transfers and posts moved; pending sums are the holds still open.
    static func modelBalances(history: [Transfer], pending: [String: PendingTransfer]) -> [String: Balance] {
        var balances: [String: Balance] = [:]
        for transfer in history {
            switch transfer.kind {
            case .single, .post:
                balances[transfer.debit, default: Balance()].debitsPosted += transfer.amount.minorUnits
                balances[transfer.credit, default: Balance()].creditsPosted += transfer.amount.minorUnits
            case .pending where pending[transfer.id]?.status == .pending:
                balances[transfer.debit, default: Balance()].debitsPending += transfer.amount.minorUnits
                balances[transfer.credit, default: Balance()].creditsPending += transfer.amount.minorUnits
            case .pending, .void:
                break  // a resolved hold and its void leave no trace in the sums
            }
        }
        return balances
    }

    static func randomRequest(step: Int, state: LedgerState, random: inout SplitMix) -> [TransferRequest] {
        func amount(_ max: Int64) -> Money { Money(minorUnits: Int64.random(in: -2...max, using: &random), currency: .CNY) }
        let open = state.pending.values.filter { $0.status == .pending }.map(\.transfer).sorted { $0.id < $1.id }
        let settled = state.pending.values.filter { $0.status != .pending }.map(\.transfer)
        let merchants = ["merchant-a", "merchant-b", "customs"]
        switch Int.random(in: 0..<7, using: &random) {
        case 0, 1:  // the buyer pays into escrow, then a hold for a merchant, linked
            let paid = amount(50_000)
            return [.single(id: "pay-\(step)", debit: "channel", credit: "escrow", amount: paid, code: "pay"),
                    .pending(id: "hold-\(step)", debit: "escrow", credit: merchants.randomElement(using: &random)!,
                             amount: paid, code: "hold")]
        case 2:  // release, in whole or in part
            guard let pending = open.randomElement(using: &random) else { return [] }
            return [.post(id: "release-\(step)", pending: pending.id, amount: amount(pending.amount.minorUnits + 10), code: "release")]
        case 3:  // refund before release
            guard let pending = (open + settled).randomElement(using: &random) else { return [] }
            return [.void(id: "refund-\(step)", pending: pending.id, code: "refund")]
        case 4:  // payout from a merchant's payable to its bank
            return [.single(id: "payout-\(step)", debit: merchants.randomElement(using: &random)!, credit: "bank",
                            amount: amount(30_000), code: "payout")]
        case 5:  // a refund of leftover escrow to the channel
            return [.single(id: "return-\(step)", debit: "escrow", credit: "channel", amount: amount(20_000), code: "refund")]
        default:  // a retry of an earlier request, or one that reuses an id
            guard let earlier = state.recorded.values.randomElement(using: &random) else { return [] }
            return [.single(id: earlier.id, debit: earlier.debit, credit: earlier.credit, amount: earlier.amount, code: earlier.code)]
        }
    }
}
