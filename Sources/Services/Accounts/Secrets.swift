import Crypto
import Foundation
import Storage

/// The few operations every secret goes through: making one, keeping only its digest, and
/// comparing two without a timing leak. API keys, session and CSRF tokens, the ops token and
/// idempotency request hashes all use these.
public enum Secrets {
    /// 256 random bits in URL-safe base64 without padding, after `prefix` ("mk_", "s_").
    public static func token(prefix: String = "") -> String {
        prefix + SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Lower-case hex SHA-256: what is stored in place of a token.
    public static func digest(_ bytes: some DataProtocol) -> String {
        Hex.lowercase(SHA256.hash(data: bytes))
    }

    /// Compares digests, so the time taken does not depend on where the two differ.
    public static func same(_ a: String, _ b: String) -> Bool {
        SHA256.hash(data: Data(a.utf8)) == SHA256.hash(data: Data(b.utf8))
    }
}
