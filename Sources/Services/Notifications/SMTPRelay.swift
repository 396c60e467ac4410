import Commerce
import Foundation
import NIOCore
import NIOPosix

/// Where mail goes: a relay that takes a message or says why not.
public protocol MailTransport: Sendable {
    func send(_ message: MailMessage) async throws(MailFailure)
}

/// Why a message did not go: `temporary` (no answer, a 4xx reply) is tried again later;
/// `permanent` (a 5xx reply: no such mailbox, refused) is not.
public enum MailFailure: Error, Equatable, CustomStringConvertible {
    case temporary(String)
    case permanent(String)

    public var description: String {
        switch self {
        case .temporary(let why): return "temporary: \(why)"
        case .permanent(let why): return "permanent: \(why)"
        }
    }
}

/// An SMTP relay (RFC 5321): EHLO, MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT, one
/// message per connection. Meant for the relay beside the server (a local Postfix, or the
/// provider's submission relay on a trusted network): it neither starts TLS nor authenticates.
/// The whole conversation has `timeout`; a relay that stops answering is a temporary failure.
public struct SMTPRelay: MailTransport {
    public let host: String
    public let port: Int
    public let heloName: String
    public let timeout: TimeInterval

    public init(host: String, port: Int, heloName: String = "crossborder.localhost", timeout: TimeInterval = 20) {
        self.host = host
        self.port = port
        self.heloName = heloName
        self.timeout = timeout
    }

    public func send(_ message: MailMessage) async throws(MailFailure) {
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(5))
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyLines()))
                        return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
            // Past the deadline the connection is closed, which ends the wait for a reply.
            let deadline = channel.channel.eventLoop.scheduleTask(in: .milliseconds(Int64(timeout * 1000))) { channel.channel.close(promise: nil) }
            defer { deadline.cancel() }
            try await channel.executeThenClose { inbound, outbound in
                var conversation = SMTPConversation(replies: inbound.makeAsyncIterator(), outbound: outbound)
                try await conversation.expect(220, after: nil)
                try await conversation.expect(250, after: "EHLO \(heloName)")
                try await conversation.expect(250, after: "MAIL FROM:<\(message.fromAddress)>")
                try await conversation.expect(250, 251, after: "RCPT TO:<\(message.to)>")
                try await conversation.expect(354, after: "DATA")
                try await conversation.expect(250, after: SMTPRelay.dotStuffed(message.rendered()) + ".")
                await conversation.quit()
            }
        } catch let failure as MailFailure {
            throw failure
        } catch {
            throw .temporary("\(host):\(port): \(error)")
        }
    }

    /// A line that starts with "." gets another, so that none ends the data early (RFC 5321 §4.5.2).
    static func dotStuffed(_ rendered: String) -> String {
        rendered.components(separatedBy: "\r\n").dropLast().map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n") + "\r\n"
    }
}

/// One SMTP conversation: a command, then the (possibly multi-line) reply it must get.
struct SMTPConversation {
    var replies: NIOAsyncChannelInboundStream<String>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    mutating func expect(_ codes: Int..., after command: String?) async throws {
        if let command { try await outbound.write(ByteBuffer(string: command + "\r\n")) }
        var text: [String] = []
        while true {
            guard let line = try await replies.next() else {
                throw MailFailure.temporary("the relay closed the connection\(command.map { " after \(SMTPConversation.verb($0))" } ?? "")")
            }
            guard line.count >= 3, let code = Int(line.prefix(3)) else { throw MailFailure.temporary("not an SMTP reply: \(line.prefix(80))") }
            text.append(String(line.dropFirst(4)))
            // "250-…" says more lines follow; "250 …" (or a bare "250") is the last.
            if line.count > 3 && line[line.index(line.startIndex, offsetBy: 3)] == "-" { continue }
            if codes.contains(code) { return }
            let said = "\(code) \(text.joined(separator: " ").prefix(200)) (to \(command.map(SMTPConversation.verb) ?? "the greeting"))"
            throw (500...599).contains(code) ? MailFailure.permanent(said) : MailFailure.temporary(said)
        }
    }

    /// Says goodbye once the message is accepted: whatever the relay answers changes nothing,
    /// and a failure here must not have the accepted message sent again.
    mutating func quit() async {
        do {
            try await expect(221, after: "QUIT")
        } catch {
            return
        }
    }

    /// The command's verb, never its arguments (addresses, the message) in a log line.
    static func verb(_ command: String) -> String {
        command.hasPrefix("Date:") ? "the message" : String(command.prefix { $0 != " " && $0 != ":" })
    }
}

/// Splits the relay's bytes into reply lines without their CRLF; a line past 4 KiB is refused
/// (RFC 5321 allows 512).
struct SMTPReplyLines: ByteToMessageDecoder {
    typealias InboundOut = String

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > 4096 { throw MailFailure.temporary("a reply line longer than 4 KiB") }
            return .needMoreData
        }
        let bytes = buffer.readBytes(length: end - buffer.readerIndex + 1) ?? []
        var line = String(decoding: bytes, as: UTF8.self)
        while line.last?.isNewline == true { line.removeLast() }
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }
}
