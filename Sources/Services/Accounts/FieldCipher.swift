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
        current + ":" + (try box(Data(text.utf8))).base64EncodedString()
    }

    public func open(_ sealed: String) throws -> String {
        let parts = sealed.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let data = Data(base64Encoded: String(parts[1])) else {
            throw Failure(description: "a sealed value must be keyid:base64 with a known key")
        }
        return String(decoding: try unbox(data, keyID: String(parts[0])), as: UTF8.self)
    }

    /// Bytes sealed as "keyid:" and the AES-GCM box, for files (documents) too large to keep as base64 text.
    public func seal(bytes: Data) throws -> Data {
        Data((current + ":").utf8) + (try box(bytes))
    }

    public func open(bytes sealed: Data) throws -> Data {
        guard let colon = sealed.firstIndex(of: UInt8(ascii: ":")) else { throw Failure(description: "sealed bytes start keyid:") }
        return try unbox(Data(sealed[sealed.index(after: colon)...]), keyID: String(decoding: sealed[..<colon], as: UTF8.self))
    }

    private func box(_ plain: Data) throws -> Data {
        guard let key = keys[current] else { throw Failure(description: "no key \(current)") }
        guard let combined = try AES.GCM.seal(plain, using: SymmetricKey(data: key)).combined else {
            throw Failure(description: "AES-GCM gave no combined form")
        }
        return combined
    }

    private func unbox(_ combined: Data, keyID: String) throws -> Data {
        guard let key = keys[keyID] else { throw Failure(description: "a sealed value must be keyid:base64 with a known key") }
        return try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: SymmetricKey(data: key))
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
