import Foundation
import Money

/// One money movement through a channel, as the channel's statement or our ledger has it.
public struct ChannelMovement: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case charge, refund
    }

    public let reference: String
    public let kind: Kind
    public let amount: Money

    public init(reference: String, kind: Kind, amount: Money) {
        self.reference = reference
        self.kind = kind
        self.amount = amount
    }
}

/// A difference between a channel's statement and the ledger.
public struct Mismatch: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The channel moved money the ledger does not know of.
        case missingInLedger = "missing-in-ledger"
        /// The ledger booked money the channel did not move.
        case missingInStatement = "missing-in-statement"
        case amountDiffers = "amount-differs"
        /// The statement lists the same movement more than once.
        case duplicateInStatement = "duplicate-in-statement"
    }

    public let kind: Kind
    public let reference: String
    public let movement: ChannelMovement.Kind
    public let statement: Money?
    public let ledger: Money?
}

public enum StatementError: Error, Equatable, Sendable, CustomStringConvertible {
    case csv(String)
    case missingColumn(String)
    case row(line: Int, problem: String)

    public var description: String {
        switch self {
        case .csv(let problem): return "the statement is not valid CSV: \(problem)"
        case .missingColumn(let name): return "the statement has no '\(name)' column"
        case .row(let line, let problem): return "statement line \(line): \(problem)"
        }
    }
}

/// Matching a channel's statement against the ledger, movement by movement.
public enum Reconciliation {
    /// The statement's columns: reference (our payment or refund id), type (charge or refund),
    /// amount (decimal, in major units) and currency.
    public static let columns = ["reference", "type", "amount", "currency"]

    public static func parseStatement(_ text: String) throws(StatementError) -> [ChannelMovement] {
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch { throw .csv(error.description) }
        var movements: [ChannelMovement] = []
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var position: [String: Int] = [:]
        for name in columns {
            guard let index = header.firstIndex(of: name) else { throw .missingColumn(name) }
            position[name] = index
        }
        for row in table.rows {
            func field(_ name: String) -> String {
                guard let index = position[name], index < row.fields.count else { return "" }
                return row.fields[index].trimmingCharacters(in: .whitespaces)
            }
            let reference = field("reference")
            guard !reference.isEmpty else { throw .row(line: row.line, problem: "the reference is empty") }
            guard let kind = ChannelMovement.Kind(rawValue: field("type")) else {
                throw .row(line: row.line, problem: "the type must be charge or refund")
            }
            do {
                let currency = try Currency(code: field("currency"))
                movements.append(ChannelMovement(reference: reference, kind: kind, amount: try Money(decimal: field("amount"), currency: currency)))
            } catch {
                throw .row(line: row.line, problem: error.description)
            }
        }
        return movements
    }

    public static func statementCSV(_ movements: [ChannelMovement]) -> String {
        (["reference,type,amount,currency"] + movements.map { "\($0.reference),\($0.kind.rawValue),\($0.amount.decimalText),\($0.amount.currency.code)" })
            .joined(separator: "\n") + "\n"
    }

    /// Every difference, in the statement's order and then the ledger's.
    public static func mismatches(statement: [ChannelMovement], ledger: [ChannelMovement]) -> [Mismatch] {
        struct Key: Hashable { let reference: String; let kind: ChannelMovement.Kind }
        let booked = Dictionary(ledger.map { (Key(reference: $0.reference, kind: $0.kind), $0.amount) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<Key>()
        var found: [Mismatch] = []
        for movement in statement {
            let key = Key(reference: movement.reference, kind: movement.kind)
            guard seen.insert(key).inserted else {
                found.append(Mismatch(kind: .duplicateInStatement, reference: key.reference, movement: key.kind,
                                      statement: movement.amount, ledger: booked[key]))
                continue
            }
            guard let amount = booked[key] else {
                found.append(Mismatch(kind: .missingInLedger, reference: key.reference, movement: key.kind,
                                      statement: movement.amount, ledger: nil))
                continue
            }
            if amount != movement.amount {
                found.append(Mismatch(kind: .amountDiffers, reference: key.reference, movement: key.kind,
                                      statement: movement.amount, ledger: amount))
            }
        }
        for movement in ledger where !seen.contains(Key(reference: movement.reference, kind: movement.kind)) {
            found.append(Mismatch(kind: .missingInStatement, reference: movement.reference, movement: movement.kind,
                                  statement: nil, ledger: movement.amount))
        }
        return found
    }
}
