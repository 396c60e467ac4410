import Foundation
import Hummingbird

/// Reading request bodies with a size limit and turning decoding failures into problems that
/// name the field at fault.
enum RequestBody {
    static func bytes(_ request: Request, limit: Int) async throws -> [UInt8] {
        var buffer = try await request.body.collect(upTo: limit)
        return buffer.readBytes(length: buffer.readableBytes) ?? []
    }

    static func json<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch let error as DecodingError {
            throw describe(error)
        }
    }

    static func describe(_ error: DecodingError) -> Problem {
        func path(_ context: DecodingError.Context) -> String? {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? nil : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = (path(context).map { $0 + "." } ?? "") + key.stringValue
            return .malformed("the field '\(field)' is required", field: field)
        case .typeMismatch(let type, let context):
            return .malformed("the field '\(path(context) ?? "")' must be \(type)", field: path(context))
        case .valueNotFound(_, let context):
            return .malformed("the field '\(path(context) ?? "")' must not be null", field: path(context))
        case .dataCorrupted(let context):
            return .malformed(path(context).map { "the field '\($0)' is malformed" } ?? "the body is not valid JSON",
                              field: path(context))
        @unknown default:
            return .malformed("the body could not be read")
        }
    }
}
