import Synchronization

/// The site as buyers reach it, for the links in e-mails: `--public-url` when given, else this
/// server's own address, known only once it listens (with `--port 0`, any free port).
final class SiteAddress: Sendable {
    private let given: String?
    private let listening: Mutex<String>

    init(given: String?, host: String, port: Int) {
        self.given = given
        listening = Mutex("http://\(host):\(port)")
    }

    func listens(host: String, port: Int) {
        listening.withLock { $0 = "http://\(host):\(port)" }
    }

    var url: String { given ?? listening.withLock { $0 } }
}
