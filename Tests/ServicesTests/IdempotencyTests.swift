import Foundation
import Services
import Storage
import TestSupport
import Testing

@Suite("Idempotency keys")
struct IdempotencyTests {
    func work(_ value: String) -> () async throws -> (changes: [Change], response: StoredResponse) {
        {
            ([.write(SQL("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = settings.value || ?",
                         bind: "calls", value, value))],
             StoredResponse(status: 201, contentType: "text/plain", body: Array(value.utf8)))
        }
    }

    @Test("a replay returns the first response and does the work no second time; another body is refused",
          arguments: StoreKind.allCases)
    func replay(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let service = IdempotencyService(store: store)
            let first = try await service.perform(scope: "s", key: "k1", request: Array("a".utf8), at: Date(), work("a"))
            let again = try await service.perform(scope: "s", key: "k1", request: Array("a".utf8), at: Date(), work("a"))
            #expect(first == .fresh(StoredResponse(status: 201, contentType: "text/plain", body: Array("a".utf8))))
            #expect(again == .replayed(first.response))
            await #expect(throws: IdempotencyError.keyReused("k1")) {
                try await service.perform(scope: "s", key: "k1", request: Array("b".utf8), at: Date(), work("b"))
            }
            let other = try await service.perform(scope: "other scope", key: "k1", request: Array("b".utf8), at: Date(), work("b"))
            #expect(other == .fresh(StoredResponse(status: 201, contentType: "text/plain", body: Array("b".utf8))))
            let calls = try await store.read(SQL("SELECT value FROM settings WHERE key = 'calls'"))
            #expect(try calls.first?.text("value") == "ab")
        }
    }

    @Test("concurrent requests with one key do the work once", arguments: StoreKind.allCases)
    func concurrent(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let service = IdempotencyService(store: store)
            let outcomes = try await withThrowingTaskGroup(of: IdempotencyService.Outcome.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await service.perform(scope: "s", key: "same", request: [1], at: Date(), work("x")) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { if case .fresh = $0 { true } else { false } }.count == 1)
            #expect(Set(outcomes.map(\.response.body)) == [Array("x".utf8)])
            let calls = try await store.read(SQL("SELECT value FROM settings WHERE key = 'calls'"))
            #expect(try calls.first?.text("value") == "x")
        }
    }

    @Test func keys() throws {
        #expect(throws: IdempotencyError.missingKey) { try IdempotencyService.validate(key: nil) }
        #expect(throws: IdempotencyError.malformedKey) { try IdempotencyService.validate(key: "") }
        #expect(throws: IdempotencyError.malformedKey) { try IdempotencyService.validate(key: "has space") }
        #expect(throws: IdempotencyError.malformedKey) { try IdempotencyService.validate(key: String(repeating: "k", count: 256)) }
        #expect(try IdempotencyService.validate(key: "order-2026-11-11-000001") == "order-2026-11-11-000001")
    }
}
