import Hummingbird

/// A query parameter that, once given, must be what it says: a choice from a list or a whole
/// number in range. Given empty (`?limit=`, `?sort=`) is given wrong, not left out.
enum QueryParameter {
    /// The parameter's text, nil when it is absent; empty or blank is refused.
    static func given(_ request: Request, _ name: String) throws -> String? {
        guard let value = request.uri.queryParameters.get(name).map({ String($0) }) else { return nil }
        guard !value.allSatisfy({ $0.isWhitespace }) else { throw Problem.validation("\(name) is empty: leave it out or give a value", field: name) }
        return value
    }

    static func integer(_ request: Request, _ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = try given(request, name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw Problem.validation("\(name) is a whole number from \(range.lowerBound) to \(range.upperBound)", field: name)
        }
        return number
    }

    static func choice<Choice: RawRepresentable & CaseIterable>(_ request: Request, _ name: String, of _: Choice.Type) throws -> Choice?
        where Choice.RawValue == String {
        guard let text = try given(request, name) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            throw Problem.validation("\(name) is one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))", field: name)
        }
        return choice
    }
}
