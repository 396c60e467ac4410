import Commerce
import Hummingbird
import Logging
import Money
import Storage

/// Wraps every request: turns errors into responses (problem+json under /api, an HTML page
/// elsewhere), remembers a language chosen with `?lang=`, and records route, status and latency.
struct ObservingMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: PlatformMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            try BrowserGuard.checkOrigin(request)
            response = try await next(request, context)
        } catch {
            response = respond(to: error, request: request, context: context)
        }
        BrowserGuard.secure(&response.headers)
        if !ObservingMiddleware.isForMachines(request.uri.path), let device = DeviceIdentifier.cookie(for: request) {
            response.setCookie(device)
        }
        if request.uri.query != nil, let asked = request.uri.queryParameters.get("lang"), let language = Language(rawValue: asked) {
            response.setCookie(LanguageChoice.rememberingCookie(language))
        }
        metrics.recordRequest(route: context.endpointPath ?? "NotFound", method: request.method.rawValue,
                              status: response.status.code, seconds: started.secondsElapsed)
        return response
    }

    private func respond(to error: any Error, request: Request, context: Context) -> Response {
        let problem: Problem
        if let refusal = error as? ApplicationRefusal {
            problem = .application(refusal, language: LanguageChoice.language(of: request))
        } else if let refusal = error as? OnboardingRefusal {
            problem = .onboarding(refusal, language: LanguageChoice.language(of: request))
        } else if let refusal = error as? BrandRefusal {
            problem = .brand(refusal, language: LanguageChoice.language(of: request))
        } else if let known = Problem.from(error) {
            problem = known
        } else {
            context.logger.error("unhandled error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            problem = .internalError
        }
        if ObservingMiddleware.isForMachines(request.uri.path) { return problem.response() }
        return ErrorPage.response(problem, language: LanguageChoice.language(of: request), path: request.uri.path,
                                  back: ErrorPage.back(from: request))
    }

    /// Paths read by programs rather than people: they get problem+json, never an HTML page.
    static func isForMachines(_ path: String) -> Bool {
        path.hasPrefix("/api/") || ["/healthz", "/readyz", "/metrics", "/openapi.yaml"].contains(path)
    }
}
