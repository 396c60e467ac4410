import Commerce
import Foundation
import Hummingbird
import Services

/// The hub operator's API and screen. Operators sign in with the ops token. The screen works
/// with a keyboard-wedge scanner: the scan field has the focus, a scan types the number and
/// Enter, and the answer shows as a coloured panel, with no sound.
struct HubRoutes<Context: RequestContext> {
    let hub: HubService
    let idempotency: IdempotencyService
    let accounts: AccountService
    let configuration: WebConfiguration

    struct ScanInput: Decodable { let trackingNumber: String; let weightGrams: Int64; let hub: String? }
    struct BagInput: Decodable { let bagId: String; let trackingNumbers: [String]; let hub: String? }
    struct AirWaybillInput: Decodable { let number: String; let flight: String; let bags: [String]; let hub: String? }

    var pages: PageResponses { PageResponses(accounts: accounts, configuration: configuration) }

    func register(on router: Router<Context>) {
        router.post("/api/v1/hub/scans") { request, _ in
            try await OpsAuthorization.require(request, configuration)
            let input = try RequestBody.json(ScanInput.self, from: try await RequestBody.bytes(request, limit: configuration.maxBodyBytes))
            let result = try await hub.scanIn(input.trackingNumber, measuredGrams: input.weightGrams, hub: input.hub ?? "LAX", at: Date())
            return try Responses.json(ScanDocument(result), status: result.first ? .created : .ok)
        }
        router.post("/api/v1/hub/bags") { request, _ in
            try await OpsAuthorization.require(request, configuration)
            return try await idempotency.respond(to: request, principal: "ops", limit: configuration.maxBodyBytes, status: 200) { body in
                let input = try RequestBody.json(BagInput.self, from: body)
                try await hub.bag(input.bagId, trackingNumbers: input.trackingNumbers, hub: input.hub ?? "LAX", at: Date())
                return ([], try Responses.jsonBytes(["bagId": input.bagId]))
            }
        }
        router.post("/api/v1/hub/air-waybills") { request, _ in
            try await OpsAuthorization.require(request, configuration)
            return try await idempotency.respond(to: request, principal: "ops", limit: configuration.maxBodyBytes, status: 201) { body in
                let input = try RequestBody.json(AirWaybillInput.self, from: body)
                try await hub.closeAirWaybill(input.number, flight: input.flight, bagIDs: input.bags, hub: input.hub ?? "LAX", at: Date())
                return ([], try Responses.jsonBytes(["number": input.number]))
            }
        }
        for (path, stage) in [("departure", TrackingStage.departed), ("arrival", .arrived)] {
            router.post("/api/v1/hub/air-waybills/:number/\(path)") { request, context in
                try await OpsAuthorization.require(request, configuration)
                let number = context.parameters.get("number") ?? ""
                try await hub.report(number, stage: stage, at: Date())
                return try Responses.json(["number": number, "status": stage.rawValue])
            }
        }
        router.get("/api/v1/hub/air-waybills/:number/manifest") { request, context in
            try await OpsAuthorization.require(request, configuration)
            let format = try QueryParameter.choice(request, "format", of: ManifestFormat.self) ?? .json
            let lines = try await hub.manifest(context.parameters.get("number") ?? "")
            if format == .csv {
                return Responses.text(([ManifestLine.csvHeader] + lines.map(\.csvRow)).joined(separator: "\r\n") + "\r\n",
                                      contentType: "text/csv; charset=utf-8")
            }
            return try Responses.json(["parcels": lines])
        }
        router.get("/hub") { request, _ in
            if let signIn = try await OpsAuthorization.signInRedirect(request, configuration) { return signIn }
            let board = try await hub.board()
            return pages.page(request) { csrf, l in HubPages.screen(csrf: csrf, result: nil, board: board, language: l) }
        }
        router.post("/hub/scan") { request, _ in
            try await screenAction(request) { form in
                let number = (form["trackingNumber"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
                guard let grams = Int64(form["weightGrams"] ?? "") else { throw CatalogError(field: "weightGrams", "the scale's reading in grams") }
                let scan = try await hub.scanIn(number, measuredGrams: grams, hub: "LAX", at: Date())
                return switch scan.outcome {
                case .accepted: .init(ok: true, text: "\(number): received\(scan.first ? "" : " (scanned before)")")
                case .held(let reason): .init(ok: false, text: "\(number): HELD — \(reason)")
                }
            }
        }
        router.post("/hub/bag") { request, _ in
            try await screenAction(request) { form in
                let number = (form["trackingNumber"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
                let bag = (form["bagId"] ?? "").trimmingCharacters(in: .whitespaces)
                try await hub.bag(bag, trackingNumbers: [number], hub: "LAX", at: Date())
                return .init(ok: true, text: "\(number): in bag \(bag)")
            }
        }
        router.post("/hub/release") { request, _ in
            try await screenAction(request) { form in
                let number = (form["trackingNumber"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
                try await hub.releaseHold(number, note: form["note"] ?? "", hub: "LAX", at: Date())
                return .init(ok: true, text: "\(number): released")
            }
        }
        for (path, stage) in [("departure", TrackingStage.departed), ("arrival", .arrived)] {
            router.post("/hub/air-waybills/:number/\(path)") { request, context in
                try await screenAction(request) { _ in
                    let number = context.parameters.get("number") ?? ""
                    try await hub.report(number, stage: stage, at: Date())
                    return .init(ok: true, text: "air waybill \(number): \(stage.rawValue)")
                }
            }
        }
        router.post("/hub/air-waybill") { request, _ in
            try await screenAction(request) { form in
                let number = (form["number"] ?? "").trimmingCharacters(in: .whitespaces)
                let bags = (form["bags"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
                try await hub.closeAirWaybill(number, flight: form["flight"] ?? "", bagIDs: bags, hub: "LAX", at: Date())
                return .init(ok: true, text: "air waybill \(number) closed with \(bags.count) bag(s)")
            }
        }
    }

    /// Runs one screen action and shows its answer on the screen, green or red.
    private func screenAction(_ request: Request, _ action: ([String: String]) async throws -> HubPages.Result) async throws -> Response {
        let form = try await pages.postedForm(request)
        try await OpsAuthorization.require(request, configuration)
        let result: HubPages.Result
        do { result = try await action(form) } catch { result = .init(ok: false, text: Problem.from(error)?.detail ?? "\(error)") }
        let board = try await hub.board()
        return Responses.html(HubPages.screen(csrf: form["csrf"] ?? "", result: result, board: board, language: LanguageChoice.language(of: request)),
                              status: result.ok ? .ok : .unprocessableContent)
    }
}

struct ScanDocument: Codable {
    let trackingNumber: String
    let status: String
    let reason: String?
    let firstScan: Bool

    init(_ result: HubService.ScanResult) {
        trackingNumber = result.trackingNumber
        firstScan = result.first
        switch result.outcome {
        case .accepted: status = "accepted"; reason = nil
        case .held(let why): status = "held"; reason = why
        }
    }
}

/// How a manifest is written out.
enum ManifestFormat: String, CaseIterable {
    case json, csv
}
