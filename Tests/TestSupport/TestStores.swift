import Foundation
import Logging
import Storage

/// Runs `body` against a new, migrated store of `kind`: a temporary SQLite file, or a fresh
/// database in the throwaway PostgreSQL cluster. Returns false, having printed why, only when
/// the machine has no PostgreSQL server programs and this is not CI (`CI=true`), so the caller
/// can skip; in CI, or when the cluster fails to start for any other reason, it throws.
@discardableResult
public func withTestStore(
    _ kind: StoreKind, migrated: Bool = true, metrics: any StoreMetrics = UnobservedStore(),
    _ body: (any Store) async throws -> Void
) async throws -> Bool {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    let url: DatabaseURL
    switch kind {
    case .sqlite:
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crossborder-test-\(UUID().uuidString)")
        url = .sqlite(path: folder.appendingPathComponent("test.sqlite").path)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(url)
    case .postgres:
        switch ThrowawayPostgres.shared {
        case .failure(let unavailable):
            guard unavailable.programsMissing, !isCI else {
                throw ThrowawayPostgres.Unavailable(reason: "PostgreSQL is needed here\(isCI ? " (CI=true)" : ""): \(unavailable.reason)")
            }
            print("skipping the PostgreSQL run: \(unavailable.reason)")
            return false
        case .success(let cluster):
            url = .postgres(try cluster.freshDatabase())
            try await run(url)
        }
    }
    return true

    func run(_ url: DatabaseURL) async throws {
        try await withStore(url, logger: logger, metrics: metrics) { store in
            if migrated { try await store.migrate() }
            try await body(store)
        }
    }
}

/// CI says so with CI=true; there nothing may be skipped for want of a database.
public var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

extension StoreKind: CaseIterable {
    public static let allCases: [StoreKind] = [.sqlite, .postgres]
}
