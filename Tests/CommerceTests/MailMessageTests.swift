import Commerce
import Foundation
import Testing

@Suite("E-mail messages and notices")
struct MailMessageTests {
    static func message(subject: String = "订单 o-1 已付款 / Order o-1 is paid", body: String = "您好\nHello") throws -> MailMessage {
        try MailMessage(fromAddress: "notices@shop.example", fromName: "跨境购 CrossBorder", to: "buyer@example.cn", subject: subject,
                        body: body, messageID: "n-o-1-paid@shop.example", date: Date(timeIntervalSince1970: 880_127_706))
    }

    static func lines(_ message: MailMessage) -> [String] {
        message.rendered().components(separatedBy: "\r\n")
    }

    @Test("every line ends in CRLF, none is longer than 78 characters, and no bare LF is left (RFC 5322 §2.1.1, §2.3)",
          arguments: ["短", String(repeating: "订单已从集货仓发往中国", count: 9), "Order o-1 is paid", String(repeating: "ä", count: 200),
                      String(repeating: "Order o-1 has left the hub for China. ", count: 5)])
    func lineDiscipline(subject: String) throws {
        let message = try Self.message(subject: subject, body: String(repeating: "包裹已搭乘国际航班。\n", count: 40))
        let rendered = message.rendered()
        #expect(rendered.hasSuffix("\r\n"))
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no LF outside CRLF")
        #expect(rendered.utf8.allSatisfy { $0 < 0x80 }, "a message on the wire is US-ASCII")
        for line in Self.lines(message) { #expect(line.count <= 78, "\(line)") }
    }

    @Test("the subject comes back whole from its encoded words, each at most 75 characters (RFC 2047 §2)",
          arguments: ["订单 o-1 已付款 / Order o-1 is paid", String(repeating: "订单已从集货仓发往中国🇨🇳", count: 7), "plain words"])
    func encodedWords(subject: String) throws {
        let lines = Self.lines(try Self.message(subject: subject))
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Subject: ") }) else { Issue.record("no subject"); return }
        let folded = [String(lines[start].dropFirst("Subject: ".count))] + lines[(start + 1)...].prefix { $0.hasPrefix(" ") }.map { String($0.dropFirst()) }
        var decoded = ""
        for word in folded {
            if word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?=") {
                #expect(word.count <= 75)
                let data = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
                decoded += try #require(String(data: data, encoding: .utf8), "each word holds whole characters")
            } else {
                decoded += word
            }
        }
        #expect(decoded == subject)
    }

    @Test("the body is the text, its line ends made CRLF, in base64")
    func body() throws {
        let text = "您好，王小明：\n\n订单已付款。\n----\nHello,\n"
        let lines = Self.lines(try Self.message(body: text))
        let blank = try #require(lines.firstIndex(of: ""))
        #expect(lines[..<blank].contains("Content-Transfer-Encoding: base64"))
        let data = try #require(Data(base64Encoded: lines[(blank + 1)...].joined()))
        #expect(String(decoding: data, as: UTF8.self) == text.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test("the date is RFC 5322's own example instant (Fri, 21 Nov 1997 09:55:06 -0600), written in UTC")
    func date() throws {
        // RFC 5322 Appendix A.1.1: "Date: Fri, 21 Nov 1997 09:55:06 -0600", which is 15:55:06 UTC.
        #expect(Self.lines(try Self.message()).contains("Date: Fri, 21 Nov 1997 15:55:06 +0000"))
    }

    @Test("a header value with a line break, or an address SMTP cannot carry as it is, is refused with its field",
          arguments: [("to", "buyer@example.cn\r\nBcc: all@example.cn"), ("subject", "Paid\r\nBcc: all@example.cn"),
                      ("to", "no-at-sign"), ("to", "a b@example.cn"), ("from", "<x>@example.cn")])
    func injection(field: String, value: String) {
        #expect(throws: MailMessage.Refused.self) {
            try MailMessage(fromAddress: field == "from" ? value : "n@shop.example", fromName: "", to: field == "to" ? value : "b@example.cn",
                            subject: field == "subject" ? value : "s", body: "", messageID: "m@x", date: Date())
        }
        do {
            _ = try MailMessage(fromAddress: field == "from" ? value : "n@shop.example", fromName: "", to: field == "to" ? value : "b@example.cn",
                                subject: field == "subject" ? value : "s", body: "", messageID: "m@x", date: Date())
        } catch let refused as MailMessage.Refused {
            #expect(refused.field == field)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("the buyer hears of the moves that matter, one notice per order and kind; a reset link never shows on the site")
    func kinds() {
        let told = OrderStatus.allCases.compactMap(NoticeKind.reaching)
        #expect(Set(told).count == told.count, "no two moves give the same notice")
        #expect(told.allSatisfy { $0.shownOnSite })
        #expect(!NoticeKind.passwordReset.shownOnSite)
        #expect(NoticeKind.reaching(.paid) == .paid && NoticeKind.reaching(.created) == nil)
        #expect(NoticeKind.id(orderID: "o-1", kind: .paid) != NoticeKind.id(orderID: "o-1", kind: .declared))
    }

    @Test("a notice's e-mail says it in Chinese first and then in English, with its link in both", arguments: NoticeKind.allCases)
    func composed(kind: NoticeKind) throws {
        let mail = NoticeMail.compose(kind, order: "o-42", detail: "weight differs", link: "https://shop.example/x", name: "小明")
        let zh = try #require(mail.body.range(of: NoticeWords.headline(kind, order: "o-42").zh))
        let en = try #require(mail.body.range(of: NoticeWords.headline(kind, order: "o-42").en))
        #expect(zh.lowerBound < en.lowerBound)
        #expect(mail.body.components(separatedBy: "https://shop.example/x").count == 3)
        #expect(mail.subject.contains(NoticeWords.headline(kind, order: "o-42").zh) && mail.subject.contains(NoticeWords.headline(kind, order: "o-42").en))
        if kind == .heldAtHub || kind == .heldByCustoms { #expect(mail.body.contains("weight differs")) }
    }
}
