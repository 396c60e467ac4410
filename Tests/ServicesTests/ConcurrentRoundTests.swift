@testable import Services
import Testing

@Suite("Concurrent rounds")
struct ConcurrentRoundTests {
    actor Tally {
        var done: Set<Int> = []
        var running = 0
        var most = 0
        func start() { running += 1; most = max(most, running) }
        func end(_ item: Int) { running -= 1; done.insert(item) }
    }

    struct Refused: Error {}

    @Test("every item runs once, several at a time but never more than the width, and a failure does not stop the rest")
    func round() async throws {
        let tally = Tally()
        let items = Array(0..<(ConcurrentRound.width * 3))
        let clean = await ConcurrentRound.run(items) { item in
            await tally.start()
            try await Task.sleep(for: .milliseconds(2))
            await tally.end(item)
        }
        #expect(clean.failures.isEmpty)
        #expect(await tally.done == Set(items))
        let most = await tally.most
        #expect(most > 1 && most <= ConcurrentRound.width, "\(most) at once")
        let after = Tally()
        let failed = await ConcurrentRound.run(items) { item in
            if item == 0 { throw Refused() }
            try await Task.sleep(for: .milliseconds(5))  // the failure comes first
            await after.end(item)
        }
        #expect(failed.failures.map(\.item) == [0] && failed.failure is Refused)
        #expect(await after.done.count == items.count - 1, "the others still ran")
    }

    @Test("a round names the items that finished, leaving out the ones that failed, and every failure with its item")
    func finished() async throws {
        let items = Array(0..<(ConcurrentRound.width * 2 + 3))
        let refused: Set<Int> = [1, ConcurrentRound.width + 2]
        let round = await ConcurrentRound.run(items) { item in
            if refused.contains(item) { throw Refused() }
        }
        #expect(Set(round.done) == Set(items).subtracting(refused))
        #expect(round.done.count == items.count - refused.count, "each finished item once")
        #expect(Set(round.failures.map(\.item)) == refused && round.failures.allSatisfy { $0.error is Refused })
        let clean = await ConcurrentRound.run(items) { _ in }
        #expect(clean.failure == nil && clean.done.count == items.count)
    }
}
