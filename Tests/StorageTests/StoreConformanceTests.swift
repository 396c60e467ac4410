import Foundation
import Storage
import TestSupport
import Testing

/// Every store adapter must behave the same: these run against SQLite and PostgreSQL alike.
@Suite("Store conformance")
struct StoreConformanceTests {
    @Test("migrations bring an empty database to the latest version, and running them again does nothing",
          arguments: StoreKind.allCases)
    func migrations(kind: StoreKind) async throws {
        try await withTestStore(kind, migrated: false) { store in
            #expect(try await store.schemaVersion() == 0)
            await #expect(throws: StoreError.schemaBehind(database: 0, known: Migrations.latestVersion)) {
                try await store.requireCurrentSchema()
            }
            let applied = try await store.migrate()
            #expect(applied == Migrations.all.map(\.version))
            #expect(try await store.schemaVersion() == Migrations.latestVersion)
            #expect(try await store.migrate().isEmpty)
            try await store.requireCurrentSchema()
        }
    }

    @Test("a database migrated by a newer program is refused, not downgraded", arguments: StoreKind.allCases)
    func schemaTooNew(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let newer = Migrations.latestVersion + 1
            try await store.apply([.write(SQL(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from the future', 0)", bind: newer))])
            await #expect(throws: StoreError.schemaTooNew(database: newer, known: Migrations.latestVersion)) {
                try await store.migrate()
            }
            await #expect(throws: StoreError.schemaTooNew(database: newer, known: Migrations.latestVersion)) {
                try await store.requireCurrentSchema()
            }
        }
    }

    @Test("every kind of value goes in and comes back as it was", arguments: StoreKind.allCases)
    func valuesRoundTrip(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let blob = kind == .postgres ? "BYTEA" : "BLOB"
            try await store.apply([.write(SQL("CREATE TABLE scratch (id BIGINT PRIMARY KEY, n BIGINT, t TEXT, b \(blob))"))])
            let values: [(Int64, SQLValue, SQLValue, SQLValue)] = [
                (1, .integer(.max), .text("加州坚果混合装 — 'quoted' ? \"and\" more"), .blob([0, 1, 254, 255])),
                (2, .integer(.min), .text(""), .blob([])),
                (3, .null, .null, .null),
            ]
            try await store.apply(values.map { id, n, t, b in
                .write(SQL("INSERT INTO scratch (id, n, t, b) VALUES (?, ?, ?, ?)", [.integer(id), n, t, b]))
            })
            let rows = try await store.read(SQL("SELECT id, n, t, b FROM scratch ORDER BY id"))
            #expect(rows.count == values.count)
            for (row, expected) in zip(rows, values) {
                #expect(row["id"] == .integer(expected.0))
                #expect(row["n"] == expected.1)
                #expect(row["t"] == expected.2)
                #expect(row["b"] == expected.3)
            }
            let byEmptyText = try await store.read(SQL("SELECT id FROM scratch WHERE t = ?", [.text("")]))
            #expect(byEmptyText.map { $0["id"] } == [.integer(2)], "an empty text is bound as text, not NULL")
            let byBytes = try await store.read(SQL("SELECT id FROM scratch WHERE b = ?", [values[0].3]))
            #expect(byBytes.map { $0["id"] } == [.integer(1)])
            let literal = try await store.read(SQL("SELECT 'is this ? a placeholder' AS t, ? AS n", bind: 7))
            #expect(literal.first?["t"] == .text("is this ? a placeholder"))
            #expect(try literal.first?.integer("n") == 7)
        }
    }

    @Test("a unit of work is all or nothing: a failed guard undoes the changes before it", arguments: StoreKind.allCases)
    func atomicity(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let changes: [Change] = [
                .write(SQL("INSERT INTO settings (key, value) VALUES ('a', '1')")),
                .guarded(SQL("UPDATE settings SET value = '2' WHERE key = 'missing' RETURNING key"), conflict: "no such row"),
            ]
            await #expect(throws: StoreError.conflict("no such row")) { try await store.apply(changes) }
            let remaining = try await store.read(SQL("SELECT key FROM settings"))
            #expect(remaining.isEmpty)
        }
    }

    @Test("a broken constraint is a conflict, and nothing of the unit is written", arguments: StoreKind.allCases)
    func constraintIsConflict(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            try await store.apply([.write(SQL("INSERT INTO settings (key, value) VALUES ('k', 'first')"))])
            await #expect {
                try await store.apply([
                    .write(SQL("INSERT INTO settings (key, value) VALUES ('other', 'x')")),
                    .write(SQL("INSERT INTO settings (key, value) VALUES ('k', 'second')")),
                ])
            } throws: { error in
                if case StoreError.conflict = error { return true }
                return false
            }
            let rows = try await store.read(SQL("SELECT key, value FROM settings ORDER BY key"))
            #expect(rows.map { $0["value"] } == [.text("first")])
        }
    }

    @Test("applyEach: a unit that fails rolls back alone and gets its own error; the others commit together", arguments: StoreKind.allCases)
    func unitsInOneTransaction(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            try await store.apply([.write(SQL("INSERT INTO settings (key, value) VALUES ('k', 'first')"))])
            let outcomes = try await store.applyEach([
                [.write(SQL("INSERT INTO settings (key, value) VALUES ('a', '1')"))],
                [.write(SQL("INSERT INTO settings (key, value) VALUES ('b', '1')")),
                 .guarded(SQL("UPDATE settings SET value = '2' WHERE key = 'missing' RETURNING key"), conflict: "no such row")],
                [.write(SQL("INSERT INTO settings (key, value) VALUES ('c', '1')"))],
                [.write(SQL("INSERT INTO settings (key, value) VALUES ('k', 'second')"))],
                [.write(SQL("UPDATE settings SET value = 'after' WHERE key = 'a'"))],
            ])
            #expect(outcomes.map { $0 == nil } == [true, false, true, false, true])
            #expect(outcomes[1] as? StoreError == .conflict("no such row"))
            let rows = try await store.read(SQL("SELECT key, value FROM settings ORDER BY key"))
            #expect(try rows.map { "\(try $0.text("key"))=\(try $0.text("value"))" } == ["a=after", "c=1", "k=first"],
                    "a later unit sees an earlier one; failed units left nothing")
        }
    }

    @Test("applyEach stores every value as bound: quotes, backslashes, question marks, other scripts, negative numbers, nulls, bytes",
          arguments: StoreKind.allCases)
    func valuesThroughUnits(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            try await store.apply([.write(SQL(
                "CREATE TABLE bound_values (n BIGINT PRIMARY KEY, t TEXT, i BIGINT, b \(kind == .postgres ? "BYTEA" : "BLOB"))"))])
            let texts = ["it's", "back\\slash \\' end\\", "a ? b", "E'x'", "-- not a comment", "关税 ✓", "$1 $$ ;", ""]
            let integers: [Int64] = [-1, 0, .max, .min, -42, 7, 1_000_000_000_000, -3]
            let bytes: [UInt8] = [0, 1, 0x27, 0x5c, 0x7f, 0xff]
            var units = texts.indices.map { n -> [Change] in
                [.write(SQL("INSERT INTO bound_values (n, t, i, b) VALUES (?, ?, ?, ?)",
                            [.integer(Int64(n)), .text(texts[n]), .integer(integers[n]), n == 0 ? .null : .blob(bytes)]))]
            }
            // Written without spaces, a negative value after a minus would read as a comment.
            units.append([.guarded(SQL("UPDATE bound_values SET i = i -? WHERE n = ? RETURNING n", bind: -5, 1), conflict: "one row")])
            let outcomes = try await store.applyEach(units)
            #expect(outcomes.allSatisfy { $0 == nil }, "\(outcomes)")
            let rows = try await store.read(SQL("SELECT n, t, i, b FROM bound_values ORDER BY n"))
            #expect(try rows.map { try $0.text("t") } == texts)
            var moved = integers
            moved[1] += 5
            #expect(try rows.map { try $0.integer("i") } == moved)
            #expect(rows.map { $0["b"] } == [.null] + Array(repeating: .blob(bytes), count: texts.count - 1))
        }
    }

    @Test("concurrent read-decide-apply units on one row lose no update, committed alone or in groups",
          arguments: StoreKind.allCases, [false, true])
    func concurrentGuardedUpdates(kind: StoreKind, grouped: Bool) async throws {
        try await withTestStore(kind) { plain in
            let store: any Store = grouped ? GroupCommitStore(plain) : plain
            try await store.apply([.write(SQL("INSERT INTO settings (key, value) VALUES ('counter', '0')"))])
            let workers = 16
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<workers {
                    group.addTask {
                        try await store.transact(attempts: 1000) { reader in
                            let current = try await reader.read(SQL("SELECT value FROM settings WHERE key = 'counter'"))
                            let value = try current.first?.text("value") ?? "0"
                            let next = String((Int(value) ?? 0) + 1)
                            return ([.guarded(SQL(
                                "UPDATE settings SET value = ? WHERE key = 'counter' AND value = ? RETURNING key",
                                bind: next, value), conflict: "counter moved")], ())
                        }
                    }
                }
                try await group.waitForAll()
            }
            let final = try await store.read(SQL("SELECT value FROM settings WHERE key = 'counter'"))
            #expect(try final.first?.text("value") == String(workers))
        }
    }
}
