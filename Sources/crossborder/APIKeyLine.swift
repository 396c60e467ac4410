import Foundation
import Services

extension APIKeyView {
    /// A key as `merchant-key --list` and `bank-key --list` print it: its id, never the key.
    var line: String {
        "\(id)\t\(label)\tissued \(createdAt.ISO8601Format())" + (revokedAt.map { "\trevoked \($0.ISO8601Format())" } ?? "")
    }
}
