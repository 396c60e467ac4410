import Foundation

/// What the bank says of one payout in a file it took.
public enum PayoutResult: Sendable, Equatable {
    case paid
    case rejected(reason: String)
}

/// The platform's bank for payouts: it takes pain.001 files and later reports, payout by
/// payout, what it paid. A file submitted twice (by its batch id) is one file.
public protocol PayoutBank: Sendable {
    func submit(batchID: String, file: String, at now: Date) async throws
    /// The bank's report on a batch; nil while the bank has not processed it or does not know it.
    func report(batchID: String, at now: Date) async throws -> [String: PayoutResult]?
}

/// The bank's test environment: it reads each file's credit transfers, processes a file
/// `processingTime` after it arrives, and rejects a payout whose amount ends in 99 minor
/// units ("account closed"), as test systems choose outcomes by amount. It keeps files in
/// memory: after a restart it has forgotten them, and the platform submits them again.
public actor SandboxPayoutBank: PayoutBank {
    private var files: [String: (file: String, at: Date)] = [:]
    let processingTime: TimeInterval

    public init(processingTime: TimeInterval = 0) {
        self.processingTime = processingTime
    }

    public func submit(batchID: String, file: String, at now: Date) async throws {
        if files[batchID] == nil { files[batchID] = (file, now) }
    }

    public func report(batchID: String, at now: Date) async throws -> [String: PayoutResult]? {
        guard let (file, at) = files[batchID], now.timeIntervalSince(at) >= processingTime else { return nil }
        var results: [String: PayoutResult] = [:]
        for transaction in file.components(separatedBy: "<CdtTrfTxInf>").dropFirst() {
            guard let id = Self.text(of: "EndToEndId", in: transaction), let amount = Self.text(of: "InstdAmt", in: transaction) else { continue }
            results[id] = amount.hasSuffix("99") ? .rejected(reason: "account closed") : .paid
        }
        return results
    }

    static func text(of element: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(element)"), let start = xml[open.upperBound...].firstIndex(of: ">"),
              let close = xml.range(of: "</\(element)>", range: start..<xml.endIndex) else { return nil }
        return String(xml[xml.index(after: start)..<close.lowerBound])
    }
}
