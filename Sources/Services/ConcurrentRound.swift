/// Background rounds work on many independent items (customs' results; declaring and sending
/// go in chunks instead, `DeclarationService.declaring`). One at a time, each item waited for
/// its own commit and a round managed some sixty orders a second while checkout took four
/// hundred (`bench checkout`); several at once share group commits and keep up.
enum ConcurrentRound {
    /// Items taken per round, so that a backlog is worked off in bounded steps.
    static let limit = 2_000
    /// Items under way at once: at 310 orders/s, 16 declared no more and doubled checkout's p99
    /// (202 ms against 103–130 ms with 8); 4 fell behind (`bench checkout --rate 310`).
    static let width = 8

    /// What a round did: the items it finished, so that a round can record them together in
    /// one statement, and every item that failed with its error, so that none fails unseen.
    struct Outcome<Item: Sendable>: Sendable {
        let done: [Item]
        let failures: [(item: Item, error: any Error)]
        var failure: (any Error)? { failures.first?.error }
    }

    /// Runs `body` on every item, `width` at a time. One item's failure does not stop the
    /// others.
    static func run<Item: Sendable>(_ items: [Item], _ body: @escaping @Sendable (Item) async throws -> Void) async -> Outcome<Item> {
        await withTaskGroup(of: (Item, (any Error)?).self) { group in
            var next = items.makeIterator()
            func start(_ item: Item) {
                group.addTask {
                    do { try await body(item) } catch { return (item, error) }
                    return (item, nil)
                }
            }
            for _ in 0..<width {
                guard let item = next.next() else { break }
                start(item)
            }
            var done: [Item] = []
            var failures: [(item: Item, error: any Error)] = []
            while let (item, failure) = await group.next() {
                if let failure {
                    failures.append((item, failure))
                } else {
                    done.append(item)
                }
                if let item = next.next() { start(item) }
            }
            return Outcome(done: done, failures: failures)
        }
    }
}
