import Commerce
import HTTPTypes
import Money

extension Problem {
    /// An application refused for the fields in `refusal`, each said in `language`; `field` is
    /// the first, for clients that read only one.
    static func application(_ refusal: ApplicationRefusal, language: Language) -> Problem {
        let errors = refusal.problems.map { problem in
            FieldError(field: problem.field, code: problem.reason.code,
                       detail: "\(ApplicationWords.field(problem.field)(language)): \(ApplicationWords.problem(problem.reason)(language))")
        }
        var problem = Problem(type: "application-invalid", title: "The application needs attention", status: .unprocessableContent,
                              detail: errors.map(\.detail).joined(separator: " "), field: errors.first?.field)
        problem.errors = errors
        return problem
    }
}
