import Crypto
import Foundation
import Storage

/// Encrypts personal data (mobile numbers now; identity numbers and face templates later) for
/// storage: AES-256-GCM with a key from configuration, the key's id written beside each value
/// ("k1:…") so that keys can be rotated and old values still read.
public struct FieldCipher: Sendable {
    let keys: [String: Data]
    let current: String

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// `keys` maps key ids to 32-byte keys; `current` encrypts, every key decrypts.
    public init(keys: [String: Data], current: String) throws {
        guard keys[current]?.count == 32 else { throw Failure(description: "the data key \(current) must be 32 bytes") }
        self.keys = keys
        self.current = current
    }

    /// A cipher with one key given as base64 (what CROSSBORDER_DATA_KEY holds).
    public init(base64Key: String, id: String = "k1") throws {
        guard let data = Data(base64Encoded: base64Key), data.count == 32 else {
            throw Failure(description: "a data key is 32 bytes, written in base64")
        }
        try self.init(keys: [id: data], current: id)
    }

    public func seal(_ text: String) throws -> String {
        guard let key = keys[current] else { throw Failure(description: "no key \(current)") }
        let box = try AES.GCM.seal(Data(text.utf8), using: SymmetricKey(data: key))
        guard let combined = box.combined else { throw Failure(description: "AES-GCM gave no combined form") }
        return current + ":" + combined.base64EncodedString()
    }

    public func open(_ sealed: String) throws -> String {
        let parts = sealed.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let key = keys[String(parts[0])], let data = Data(base64Encoded: String(parts[1])) else {
            throw Failure(description: "a sealed value must be keyid:base64 with a known key")
        }
        return String(decoding: try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: SymmetricKey(data: key)), as: UTF8.self)
    }

    /// A keyed fingerprint (HMAC-SHA256 under the current key) of a value that must be looked
    /// up but not stored: the same number always gives the same fingerprint, and without the
    /// key nobody can test guesses against it.
    public func fingerprint(_ text: String) -> String {
        let key = SymmetricKey(data: keys[current] ?? Data())
        return Hex.lowercase(HMAC<SHA256>.authenticationCode(for: Data(("fingerprint:" + text).utf8), using: key))
    }

    /// A new random key, base64, for `crossborder serve` to create on a first start.
    public static func newKey() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
    }
}
