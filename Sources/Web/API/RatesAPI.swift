import Foundation
import HTTPTypes
import Hummingbird
import Money
import Services

/// Exchange rates: read the rates in force, convert an amount, and (ops) record a rate.
struct RatesAPI<Context: RequestContext> {
    let rates: RateService
    let idempotency: IdempotencyService
    let configuration: WebConfiguration

    struct RateDocument: Codable, Equatable {
        let base: String
        let quote: String
        let rate: String
        let source: String
        let asOf: String
        var usable: Bool?
    }

    struct RateListDocument: Codable {
        let maxAgeSeconds: Int
        let rates: [RateDocument]
    }

    struct ConversionDocument: Codable {
        let amount: String
        let from: String
        let to: String
        let converted: String
        let rate: RateDocument
        let rounding: String
        /// What rounding left over, in minor units of `to`, exactly.
        let remainderMinorUnits: String
    }

    func register(on router: Router<Context>) {
        router.get("/api/v1/fx/rates") { _, _ in try await list() }
        router.post("/api/v1/fx/rates") { request, _ in try await record(request) }
        router.get("/api/v1/fx/convert") { request, _ in try await convert(request) }
    }

    func list() async throws -> Response {
        let book = try await rates.book()
        let now = Date()
        let documents = book.rates.map { rate in
            var document = RatesAPI.document(rate)
            document.usable = (try? book.rate(from: rate.base, to: rate.quote, at: now)) != nil
            return document
        }
        return try Responses.json(RateListDocument(maxAgeSeconds: Int(book.maxAge), rates: documents))
    }

    func convert(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let from = try field("from") { try Currency(code: String(query.get("from") ?? "")) }
        let to = try field("to") { try Currency(code: String(query.get("to") ?? "")) }
        let amount = try field("amount") { try Money(decimal: String(query.get("amount") ?? ""), currency: from) }
        let conversion = try await rates.book().convert(amount, to: to, at: Date())
        return try Responses.json(ConversionDocument(
            amount: amount.decimalText, from: from.code, to: to.code, converted: conversion.converted.decimalText,
            rate: RatesAPI.document(conversion.rate), rounding: conversion.rounding.rawValue,
            remainderMinorUnits: conversion.remainder.description))
    }

    struct RateInput: Decodable {
        let base: String
        let quote: String
        let rate: String
        let source: String
        let asOf: String?
    }

    func record(_ request: Request) async throws -> Response {
        try await OpsAuthorization.require(request, configuration)
        return try await idempotency.respond(to: request, principal: "ops", limit: configuration.maxBodyBytes, status: 201) { body in
            let now = Date()
            let rate = try RatesAPI.validate(RequestBody.json(RateInput.self, from: body), now: now)
            return (RateService.recording([rate], at: now), try Responses.jsonBytes(RatesAPI.document(rate)))
        }
    }

    static func validate(_ input: RateInput, now: Date) throws -> ExchangeRate {
        let base = try field("base") { try Currency(code: input.base) }
        let quote = try field("quote") { try Currency(code: input.quote) }
        guard base != quote else { throw Problem.validation("base and quote are both \(base.code)", field: "quote") }
        let rate = try field("rate") { try ExactDecimal(parsing: input.rate) }
        let source = input.source.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !source.isEmpty, source.count <= 200 else {
            throw Problem.validation("a rate needs its source (1 to 200 characters)", field: "source")
        }
        var asOf = now
        if let text = input.asOf {
            guard let parsed = ISO8601DateFormatter().date(from: text) else {
                throw Problem.validation("'\(text)' is not an ISO 8601 time such as 2026-11-23T08:00:00Z", field: "asOf")
            }
            guard parsed.timeIntervalSince(now) <= 300 else {
                throw Problem.validation("a rate cannot be dated in the future", field: "asOf")
            }
            asOf = parsed
        }
        return try field("rate") { try ExchangeRate(base: base, quote: quote, rate: rate, source: source, asOf: asOf) }
    }

    static func document(_ rate: ExchangeRate) -> RateDocument {
        RateDocument(base: rate.base.code, quote: rate.quote.code, rate: rate.rate.description, source: rate.source,
                     asOf: rate.asOf.ISO8601Format(), usable: nil)
    }
}

/// Runs `read`, and names `name` as the field at fault if it throws a MoneyError.
func field<T>(_ name: String, _ read: () throws -> T) throws -> T {
    do { return try read() } catch let error as MoneyError {
        throw Problem.from(error, field: name) ?? Problem.validation(error.description, field: name)
    }
}

extension HTTPField.Name {
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!  // safe: a valid token literal
}
