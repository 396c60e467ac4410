/// Why a business identifier on an application is refused: which identifier, what is wrong
/// with it, and what its rule expects, so that the form can say it beside the field.
public struct IdentifierProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Characters the identifier never has, or not as many as it has.
        case shape
        /// The right shape, but the check digit does not match: a character is mistyped.
        case checkDigit
        /// A prefix or country the identifier's rule does not know.
        case unknownPrefix
    }

    public let identifier: String
    public let kind: Kind
    /// What the rule wants, in words: "9 digits", "2 letters and 6 digits".
    public let expected: String

    public init(_ identifier: String, _ kind: Kind, expected: String) {
        self.identifier = identifier
        self.kind = kind
        self.expected = expected
    }

    public var description: String {
        switch kind {
        case .shape: return "a \(identifier) is \(expected)"
        case .checkDigit: return "the \(identifier)'s check digit does not match: a character is mistyped"
        case .unknownPrefix: return "a \(identifier) starts with \(expected)"
        }
    }
}
