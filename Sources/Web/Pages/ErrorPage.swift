import Commerce
import Hummingbird
import Money

/// The HTML page a browser gets when something goes wrong.
enum ErrorPage {
    static func response(_ problem: Problem, language: Language) -> Response {
        let title = problem.status == 404 ? LocalizedText(en: "Page not found", zh: "页面不存在")(language) : problem.title
        let main = """
            <section class="error" data-problem="\(escapeHTML(problem.type))">
            <h1>\(escapeHTML(title))</h1>
            <p>\(escapeHTML(problem.detail))</p>
            <p><a href="/">\(escapeHTML(Words.backHome(language)))</a></p>
            </section>
            """
        return Responses.html(Layout.page(title: title, language: language, path: "/", main: main),
                              status: HTTPResponse.Status(code: problem.status))
    }
}
