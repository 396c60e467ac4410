import Foundation

/// One e-mail as RFC 5322 has it: headers in US-ASCII (anything else as RFC 2047 encoded
/// words), a UTF-8 plain-text body in base64 lines of 76, every line ended by CRLF. The
/// Message-ID is the notice's own, so a message sent twice (a crash between the server's
/// acceptance and our record of it) is one message to the buyer's mail program.
public struct MailMessage: Sendable, Equatable {
    public let fromAddress: String
    public let fromName: String
    public let to: String
    public let subject: String
    public let body: String
    public let messageID: String
    public let date: Date

    public struct Refused: Error, Equatable, CustomStringConvertible {
        public let field: String
        public let description: String

        public init(field: String, description: String) {
            self.field = field
            self.description = description
        }
    }

    public init(fromAddress: String, fromName: String, to: String, subject: String, body: String, messageID: String, date: Date) throws {
        // A line break in a header would let its value write headers of its own.
        for (field, value) in [("from", fromAddress), ("fromName", fromName), ("to", to), ("subject", subject), ("messageId", messageID)]
        where value.contains(where: \.isNewline) {
            throw Refused(field: field, description: "\(field) must be one line")
        }
        for (field, address) in [("from", fromAddress), ("to", to)] where !MailMessage.isPlainAddress(address) {
            throw Refused(field: field, description: "\(field) is not a plain e-mail address")
        }
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.to = to
        self.subject = subject
        self.body = body
        self.messageID = messageID
        self.date = date
    }

    /// local@domain in printable ASCII with no spaces, angle brackets or quotes: what an SMTP
    /// envelope carries as it is.
    public static func isPlainAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && address.utf8.count <= 254
            && address.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) && !"<>()[]\\,;:\"".unicodeScalars.contains($0) }
    }

    /// The message as it goes after SMTP's DATA, CRLF line ends, before dot-stuffing.
    public func rendered() -> String {
        let from = fromName.isEmpty ? "<\(fromAddress)>" : "\(MailMessage.headerWords(fromName)) <\(fromAddress)>"
        let headers = [
            "Date: \(MailMessage.rfc5322Date(date))",
            "From: \(from)",
            "To: <\(to)>",
            "Subject: \(MailMessage.headerWords(subject))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
        ]
        let normalized = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let encoded = Data(normalized.utf8).base64EncodedString()
        let lines = stride(from: 0, to: encoded.count, by: 76).map { start -> String in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            return String(encoded[from..<(encoded.index(from, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex)])
        }
        return (headers + [""] + lines).joined(separator: "\r\n") + "\r\n"
    }

    /// Short printable ASCII as it is; anything else as UTF-8 base64 encoded words, each at most
    /// 75 characters and never splitting a character, folded onto lines of their own, so that no
    /// header line passes 78 characters (RFC 2047 §2, RFC 5322 §2.1.1).
    static func headerWords(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) && text.utf8.count <= 60 && !text.contains("=?") {
            return text
        }
        var words: [String] = []
        var chunk = ""
        for character in text {
            // 42 bytes make 56 base64 characters: with "=?UTF-8?B?" and "?=", 68, and after
            // "Subject: " still inside 78.
            if chunk.utf8.count + character.utf8.count > 42 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// "Thu, 03 Dec 2026 23:44:53 +0000": RFC 5322 §3.3, in UTC.
    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[((c.weekday ?? 1) - 1) % 7]), \(two(c.day)) \(months[((c.month ?? 1) - 1) % 12]) \(c.year ?? 1970) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }
}
