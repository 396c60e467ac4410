import Storage
import Testing

@Suite("Database URLs")
struct DatabaseURLTests {
    @Test func sqlitePaths() throws {
        #expect(try DatabaseURL(parsing: "sqlite:data/x.sqlite") == .sqlite(path: "data/x.sqlite"))
        #expect(try DatabaseURL(parsing: "sqlite:///tmp/x.sqlite") == .sqlite(path: "/tmp/x.sqlite"))
    }

    @Test func postgresAddresses() throws {
        let url = try DatabaseURL(parsing: "postgres://shop:s%40cret@db.internal:6543/crossborder")
        guard case .postgres(let address) = url else { Issue.record("not postgres"); return }
        #expect(address.host == "db.internal")
        #expect(address.port == 6543)
        #expect(address.username == "shop")
        #expect(address.password == "s@cret")
        #expect(address.database == "crossborder")
        #expect(!url.description.contains("cret"), "the password must not be shown")
        guard case .postgres(let defaulted) = try DatabaseURL(parsing: "postgresql://u@h/d") else { return }
        #expect(defaulted.port == 5432)
    }

    @Test(arguments: [
        "", "mysql://u@h/d", "sqlite:", "postgres://h/d", "postgres://u@h", "postgres://u@h:70000/d",
        "postgres://u:p@h/d?sslmode=verify", "postgres://u@/d", "postgres://u@h/d?sslrootcert=/ca.pem",
        "postgres://u@h/d?sslmode=require&sslrootcert=", "postgres://u@h/d?timeout=3",
    ])
    func malformed(text: String) {
        #expect(throws: DatabaseURL.Malformed.self) { try DatabaseURL(parsing: text) }
    }

    @Test("sslmode and sslrootcert as libpq spells them")
    func tlsOptions() throws {
        for mode in DatabaseURL.TLSMode.allCases {
            guard case .postgres(let address) = try DatabaseURL(parsing: "postgres://u@h/d?sslmode=\(mode.rawValue)") else { return }
            #expect(address.tls == mode)
        }
        guard case .postgres(let full) = try DatabaseURL(parsing: "postgres://u@h/d?sslmode=verify-full&sslrootcert=/etc/ca.pem") else { return }
        #expect(full.tls == .verifyFull && full.rootCertificate == "/etc/ca.pem")
        guard case .postgres(let plain) = try DatabaseURL(parsing: "postgres://u@h/d") else { return }
        #expect(plain.tls == .disable && plain.rootCertificate == nil)
    }

    @Test func malformedHidesPassword() {
        do {
            _ = try DatabaseURL(parsing: "postgres://u:topsecret@h:99999/d")
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("topsecret"))
        }
    }
}
