import Commerce
import HTTPTypes
import Money

extension Problem {
    /// A document refused for what its bytes are, said in `language`; too large is 413.
    static func document(_ problem: DocumentProblem, language: Language) -> Problem {
        let detail = ApplicationWords.document(problem)(language)
        if case .tooLarge = problem {
            return Problem(type: "body-too-large", title: "The document is too large", status: .contentTooLarge, detail: detail, field: "body")
        }
        let field = if case .notWhatItClaims = problem { "Content-Type" } else { "body" }
        return Problem(type: "document-refused", title: "The document cannot be accepted", status: .unprocessableContent, detail: detail,
                       field: field)
    }

    /// A product photo refused for what its bytes are, said in `language`; too large is 413.
    static func photo(_ problem: PhotoProblem, language: Language) -> Problem {
        if case .document(let document) = problem { return .document(document, language: language) }
        let detail = CatalogueWords.photo(problem)(language)
        if case .tooLarge = problem {
            return Problem(type: "body-too-large", title: "The photo is too large", status: .contentTooLarge, detail: detail, field: "body")
        }
        return Problem(type: "photo-refused", title: "The photo cannot be used", status: .unprocessableContent, detail: detail, field: "body")
    }

    /// An application refused for the fields in `refusal`, each said in `language`.
    static func application(_ refusal: ApplicationRefusal, language: Language) -> Problem {
        fields(type: "application-invalid", title: "The application needs attention", refusal.problems.map { problem in
            FieldError(field: problem.field, code: problem.reason.code,
                       detail: "\(ApplicationWords.field(problem.field)(language)): \(ApplicationWords.problem(problem.reason)(language))")
        })
    }

    /// A partner bank's batch refused: every problem, each said with the client it belongs to
    /// ("client 2, line 3") and its field's name in `language`.
    static func onboarding(_ refusal: OnboardingRefusal, language: Language) -> Problem {
        fields(type: "onboarding-invalid", title: "The batch needs attention: nothing was onboarded", refusal.problems.map { problem in
            FieldError(field: problem.field, code: problem.reason.code,
                       detail: "\(BankWords.place(of: problem.field, lines: refusal.lines)(language))\(ApplicationWords.problem(problem.reason)(language))")
        })
    }

    /// Ops' filing of a partner bank, or a bank's flagship store, refused for the fields in
    /// `refusal`, each said in `language`.
    static func bankFiling(_ refusal: ApplicationRefusal, language: Language) -> Problem {
        fields(type: "filing-invalid", title: "The filing needs attention", refusal.problems.map { problem in
            FieldError(field: problem.field, code: problem.reason.code,
                       detail: "\(BankWords.label(problem.field)(language))\(ApplicationWords.problem(problem.reason)(language))")
        })
    }

    /// A brand authorisation or counterfeit report refused for the fields in `refusal`, each said
    /// in `language`.
    static func brand(_ refusal: BrandRefusal, language: Language) -> Problem {
        fields(type: "brand-invalid", title: "The filing needs attention", refusal.problems.map { problem in
            FieldError(field: problem.field, code: problem.reason.code,
                       detail: "\(BrandWords.field(problem.field)(language)): \(BrandWords.problem(problem.reason)(language))")
        })
    }

    /// A 422 for every field in `errors`; `field` is the first, for clients that read only one.
    private static func fields(type: String, title: String, _ errors: [FieldError]) -> Problem {
        var problem = Problem(type: type, title: title, status: .unprocessableContent, detail: errors.map(\.detail).joined(separator: " "),
                              field: errors.first?.field)
        problem.errors = errors
        return problem
    }
}
