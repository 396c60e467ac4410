import Foundation
import Logging
import Storage
import TestSupport
import Testing

/// TLS to PostgreSQL, against the throwaway cluster with a certificate of its own: encrypted
/// with `require`, checked against its authority and host name with `verify-full`, and refused
/// when the certificate is not one the client was told to trust.
@Suite("PostgreSQL over TLS")
struct PostgresTLSTests {
    func cluster() throws -> (ThrowawayPostgres, String)? {
        switch ThrowawayPostgres.shared {
        case .failure(let unavailable):
            if unavailable.programsMissing, !isCI { print("skipping TLS: \(unavailable.reason)"); return nil }
            throw unavailable
        case .success(let cluster):
            guard let certificate = cluster.certificate else {
                if isCI { throw ThrowawayPostgres.Unavailable(reason: "CI=true and openssl made no certificate for the cluster") }
                print("skipping TLS: openssl made no certificate")
                return nil
            }
            return (cluster, certificate)
        }
    }

    /// Whether the session the store runs on is encrypted, by the server's own account.
    func encrypted(_ address: DatabaseURL.PostgresAddress) async throws -> Bool {
        try await withStore(.postgres(address), logger: Logger(label: "tls") { _ in SwiftLogNoOpLogHandler() }) { store in
            let rows = try await store.read(SQL("SELECT CAST(ssl AS TEXT) AS ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
            return try rows.first?.text("ssl") == "true"
        }
    }

    @Test("sslmode=require and verify-full with the cluster's certificate connect encrypted; disable does not encrypt")
    func connects() async throws {
        guard let (cluster, certificate) = try cluster() else { return }
        #expect(try await encrypted(cluster.freshDatabase(tls: .require)))
        #expect(try await encrypted(cluster.freshDatabase(tls: .verifyFull, rootCertificate: certificate)))
        #expect(try await encrypted(cluster.freshDatabase(tls: .verifyCA, rootCertificate: certificate)))
        #expect(try await !encrypted(cluster.freshDatabase(tls: .disable)))
    }

    @Test("verify-full refuses a server whose certificate no trusted authority signed")
    func refusesStranger() async throws {
        guard let (cluster, _) = try cluster() else { return }
        let stranger = try #require(cluster.strangerCertificate())
        await #expect(throws: (any Error).self) {
            _ = try await encrypted(cluster.freshDatabase(tls: .verifyFull, rootCertificate: stranger))
        }
    }
}
