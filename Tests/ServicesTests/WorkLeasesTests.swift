import Foundation
@testable import Services
import Storage
import TestSupport
import Testing

@Suite("Background work divided among processes")
struct WorkLeasesTests {
    @Test("a process gets only the items no other holds; released or run out, they are free again", arguments: StoreKind.allCases)
    func leases(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let first = WorkLeases(store: store, holder: "p-first")
            let second = WorkLeases(store: store, holder: "p-second")
            let now = Date()
            #expect(try await first.claim("declare", ["o-1", "o-2", "o-2"], at: now) == ["o-1", "o-2", "o-2"])
            #expect(try await second.claim("declare", ["o-2", "o-3"], at: now) == ["o-3"], "o-2 is the first's")
            #expect(try await second.claim("send", ["o-2"], at: now) == ["o-2"], "another kind of work is another lease")
            #expect(try await first.claim("declare", ["o-1", "o-3"], at: now + 1) == ["o-1"], "its own again, not the other's")
            try await first.release("declare", ["o-1"], at: now + 2)
            #expect(try await second.claim("declare", ["o-1", "o-2"], at: now + 2) == ["o-1"])
            let later = now + WorkLeases.term + 1
            #expect(try await second.claim("declare", ["o-2"], at: later) == ["o-2"], "the first's lease ran out")
            #expect(try await first.claim("declare", ["o-2"], at: later) == [])
        }
    }
}
