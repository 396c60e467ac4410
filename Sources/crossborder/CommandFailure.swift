import Foundation
import Money
import Storage

/// A failure the command line reports as one sentence.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    /// Rewords what the lower layers throw into the sentence a person needs.
    static func from(_ error: any Error) -> CommandFailure {
        switch error {
        case let failure as CommandFailure: return failure
        case let error as StoreError: return CommandFailure(error.description)
        case let error as DatabaseURL.Malformed: return CommandFailure(error.description)
        case let error as RateCSV.Problem: return CommandFailure("cannot import rates: \(error)")
        case let error as MoneyError: return CommandFailure(error.description)
        default:
            let text = "\(error)"
            return CommandFailure(text.split(separator: "\n").first.map(String.init) ?? text)
        }
    }
}

/// Lines for people, written straight to the descriptor so that they appear at once and in
/// order even when output goes to a pipe.
enum Console {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
