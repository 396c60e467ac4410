extension Migrations {
    /// The search's synonyms and broader words (`SearchSynonyms`), one row a word, as the
    /// operator edits them at /ops/search.
    static let searchSynonyms = Migration(version: 28, name: "search synonyms") { _ in
        [
            """
            CREATE TABLE search_synonyms (
                group_id TEXT NOT NULL,
                word TEXT NOT NULL,
                role TEXT NOT NULL,
                position BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (group_id, role, word)
            )
            """,
        ]
    }
}
