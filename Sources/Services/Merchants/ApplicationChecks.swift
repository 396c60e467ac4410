import Commerce
import Foundation
import Storage

/// A check of one submission as it is kept: where it stands, the provider's answer as it came,
/// and how often the provider was asked.
public struct CheckRecord: Sendable, Equatable {
    public let outcome: CheckOutcome
    /// The provider's answer, as JSON: the register's record, the bank's holder, the list's hits.
    public let answer: String?
    public let attempts: Int64
}

/// The rows of `application_checks`.
enum ApplicationChecks {
    /// A fresh set of checks for the submission `stored` has just become: pending, but for those
    /// a partner bank's attestation stands for, passed with the attestation as their answer.
    static func starting(_ stored: StoredApplication, attested: [VerificationCheck: String] = [:], at now: Date) -> [Change] {
        [.write(SQL("DELETE FROM application_checks WHERE application_id = ?", bind: stored.id))]
            + VerificationCheck.allCases.map { check in
                let answer = attested[check]
                return .write(SQL(
                    """
                    INSERT INTO application_checks (application_id, check_name, submission, state, answer, attempts, next_attempt_at, answered_at)
                    VALUES (?, ?, ?, ?, ?, 0, ?, ?)
                    """,
                    bind: stored.id, check.rawValue, stored.submissions, encoded(answer == nil ? CheckState.pending : .passed), answer,
                    now.millisecondsSince1970, answer == nil ? nil : now.millisecondsSince1970))
            }
    }

    static func records(of id: String, in store: any Store) async throws -> [CheckRecord] {
        try await store.read(SQL("SELECT * FROM application_checks WHERE application_id = ? ORDER BY check_name", bind: id)).map(record)
    }

    static func record(_ row: Row) throws -> CheckRecord {
        guard let check = VerificationCheck(rawValue: try row.text("check_name")),
              let state = try? JSONDecoder().decode(CheckState.self, from: Data(try row.text("state").utf8)) else {  // safe: refused just below
            throw StoreError.decoding(column: "state", expected: "a check and its state")
        }
        return CheckRecord(outcome: CheckOutcome(check: check, state: state,
                                                 answeredAt: try row.optionalInteger("answered_at").map(Date.init(millisecondsSince1970:))),
                           answer: try row.optionalText("answer"), attempts: try row.integer("attempts"))
    }

    static func encoded(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"  // safe: these values always encode
    }
}
