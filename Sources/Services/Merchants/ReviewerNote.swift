import Commerce

/// Who takes an ops decision and what they note, as every decision records them: a name of at
/// most 100 characters and an optional note of at most 1,000, neither with control characters.
public struct ReviewerNote: Sendable, Equatable {
    public let reviewer: String
    public let note: String?

    /// `noteField` is what the caller's form calls the note ("reason", "note"), for the error.
    public init(reviewer: String, note: String?, noteField: String = "note") throws(ReviewFailure) {
        guard let reviewer = ApplicationRules.present(reviewer).map({ String($0.prefix(100)) }) else { throw .reviewerRequired }
        let note = ApplicationRules.present(note).map { String($0.prefix(1000)) }
        for (field, text) in [("reviewer", reviewer), (noteField, note ?? "")] where ApplicationRules.hasControlCharacters(text) {
            throw .characters(field: field)
        }
        self.reviewer = reviewer
        self.note = note
    }
}
