import Commerce
import Foundation
import Money

/// Every parser that reads what the outside sends, fed the same bytes: the first byte picks the
/// parser, the rest is its input. A parser may refuse anything; none may trap, and what it
/// accepts must come back out as it went in.
enum FuzzedParsers {
    static let day = Day(2026, 12, 1)

    static func run(_ bytes: [UInt8]) {
        guard let choice = bytes.first else { return }
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        switch choice % 15 {
        case 0: _ = try? CSVTable(parsing: text)
        case 1:
            if let parsed = try? ProductCSV.parse(text) {
                for (index, draft) in parsed.drafts.enumerated() {
                    do { _ = try draft.validated(storefrontID: "s", currency: .USD) } catch { _ = parsed.locate(error, draft: index) }
                }
            }
        case 2: _ = try? ResidentIDNumber(parsing: text, today: day)
        case 3: _ = try? IBAN(text)
        case 4:
            _ = TrackingNumber.isValid(text)
            _ = TrackingNumber.checkDigit(text)
        case 5: _ = AirWaybillNumber.isValid(text)
        case 6: amounts(text)
        case 7:
            if let decimal = try? ExactDecimal(parsing: text) { check(try? ExactDecimal(parsing: decimal.description) == decimal) }
            if let content = try? NetContent(parsing: text) { check((try? NetContent(parsing: content.description)) == content) }
        case 8:
            if let draft = try? JSONDecoder().decode(ProductDraft.self, from: Data(text.utf8)) {
                _ = try? draft.validated(storefrontID: "s", currency: .JPY)
            }
        case 9: _ = WebhookTimestamp.judge(text, nowSeconds: 1_795_000_000)
        case 10: _ = Language.preferred(acceptLanguage: text)
        case 11:
            _ = try? AccountRules.email(text)
            _ = try? AccountRules.personName(text, field: "name")
            _ = try? AccountRules.mobile(text)
            let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init) + Array(repeating: "", count: 6)
            _ = try? DeliveryAddress(province: parts[0], city: parts[1], district: parts[2], street: parts[3], recipient: parts[4], mobile: parts[5])
        case 12: _ = try? RateCSV.parse(text)
        case 14:
            _ = PaymentCode.isTravellerCode(text)
            if let code = try? QRCode.encode(text) {
                check(code.size == 17 + 4 * code.version && code.modules.allSatisfy { $0.count == code.size })
            }
        default:
            _ = try? Code128.values(text)
            _ = try? ShipmentDraftFuzz.decode(text)
        }
    }

    /// Amounts in every currency: what parses prints back the same, and arithmetic on it is
    /// checked, never trapping.
    static func amounts(_ text: String) {
        for currency in Currency.all {
            guard let money = try? Money(decimal: text, currency: currency) else { continue }
            check(try? Money(decimal: money.decimalText, currency: currency) == money)
            _ = try? money.adding(money)
            _ = try? money.multiplied(by: 999)
            _ = try? money.negated()
            _ = try? Money.total(money, money, money)
        }
    }

    static func check(_ condition: Bool?) {
        if condition != true { fatalError("a parser's output did not parse back to itself") }  // safe: how a fuzz target reports a finding
    }
}

/// Shipment drafts arrive as JSON from merchants.
enum ShipmentDraftFuzz {
    static func decode(_ text: String) throws {
        _ = try JSONDecoder().decode(ShipmentDraft.self, from: Data(text.utf8)).validated()
    }
}
