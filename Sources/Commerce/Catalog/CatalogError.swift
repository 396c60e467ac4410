/// Why a catalogue change was refused, with the field at fault so that an API can name it.
public struct CatalogError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }

    /// The same error with its field placed inside `prefix` ("skus[2].price").
    public func within(_ prefix: String) -> CatalogError {
        CatalogError(field: prefix + "." + field, message)
    }
}
