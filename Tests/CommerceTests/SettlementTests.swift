import Commerce
import Foundation
import FoundationXML
import Money
import Testing

@Suite("Settlement: IBANs, payout files, routing, reconciliation")
struct SettlementTests {
    /// Examples printed in the SWIFT IBAN registry and by national banks.
    static let validIBANs = ["GB82 WEST 1234 5698 7654 32", "DE89370400440532013000", "CH9300762011623852957",
                             "IT60X0542811101000000123456", "FR1420041010050500013M02606", "NL91ABNA0417164300"]

    @Test("published IBANs pass mod-97", arguments: validIBANs)
    func validIBAN(text: String) throws {
        let iban = try IBAN(text)
        #expect(iban.value == text.replacingOccurrences(of: " ", with: ""))
    }

    @Test("every single mistyped character of a valid IBAN is caught", arguments: validIBANs)
    func typos(text: String) {
        let compact = Array(text.replacingOccurrences(of: " ", with: ""))
        for index in 4..<compact.count where compact[index].isNumber {
            var typo = compact
            typo[index] = compact[index] == "9" ? "0" : Character(String((Int(String(compact[index])) ?? 0) + 1))
            #expect(throws: IBAN.Problem.checkDigits) { try IBAN(String(typo)) }
        }
    }

    @Test("wrong length, shape and countries without IBANs are named")
    func ibanProblems() {
        #expect(throws: IBAN.Problem.length(country: "DE", expected: 22, got: 21)) { try IBAN("DE8937040044053201300") }
        #expect(throws: IBAN.Problem.unknownCountry("US")) { try IBAN("US12345678901234567") }
        #expect(throws: IBAN.Problem.characters) { try IBAN("DE89-3704-0044") }
    }

    static func account(_ id: String, iban: String?, number: String? = nil) throws -> PayoutAccount {
        PayoutAccount(merchantID: id, holder: "Holder <\(id)> & Co", iban: try iban.map { try IBAN($0) }, accountNumber: number,
                      bic: "DEUTDEFF", commissionBasisPoints: 500)
    }

    @Test("daily batches pay balances at or above the minimum, one batch per currency")
    func batches() throws {
        let accounts = [
            "a": try Self.account("a", iban: "DE89370400440532013000"), "b": try Self.account("b", iban: "CH9300762011623852957"),
            "c": try Self.account("c", iban: nil, number: "000123456789"), "d": try Self.account("d", iban: "IT60X0542811101000000123456"),
        ]
        let minimum = Settlement.minimum(.EUR).minorUnits
        let batches = Settlement.batches(on: Day(2026, 11, 23), available: [
            ("a", Money(minorUnits: minimum, currency: .EUR)), ("d", Money(minorUnits: minimum - 1, currency: .EUR)),
            ("b", Money(minorUnits: 123_456, currency: .CHF)), ("c", Money(minorUnits: 99_999, currency: .USD)),
            ("unknown", Money(minorUnits: 1_000_000, currency: .USD)),
        ], accounts: accounts)
        #expect(batches.map(\.currency) == [.CHF, .EUR, .USD])
        #expect(batches.flatMap { $0.payouts.map(\.account.merchantID) } == ["b", "a", "c"], "below the minimum or no bank account: not paid")
    }

    @Test("the pain.001 file is well-formed XML whose counts and control sums match its transactions")
    func pain001() throws {
        let accounts = ["a": try Self.account("a", iban: "DE89370400440532013000"), "c": try Self.account("c", iban: nil, number: "000123456789")]
        let batch = try #require(Settlement.batches(on: Day(2026, 11, 23), available: [
            ("a", Money(minorUnits: 1_234_567, currency: .EUR)), ("c", Money(minorUnits: 5_005, currency: .EUR)),
        ], accounts: accounts).first)
        let xml = try PayoutFile.pain001(batch, debtor: PayoutDebtor(name: "CrossBorder Ltd", iban: try IBAN("GB82WEST12345698765432"),
                                                                 bic: "WESTGB2L"), createdAt: Date(timeIntervalSince1970: 1_795_000_000))
        let reader = Elements()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        let amounts = try reader.texts("InstdAmt").map { try Money(decimal: $0, currency: .EUR).minorUnits }
        #expect(amounts.sorted() == [5_005, 1_234_567])
        #expect(reader.texts("NbOfTxs") == ["2", "2"])
        let sums = try reader.texts("CtrlSum").map { try Money(decimal: $0, currency: .EUR).minorUnits }
        #expect(sums == [amounts.reduce(0, +), amounts.reduce(0, +)])
        #expect(reader.texts("Nm").contains("Holder <a> & Co"), "names are escaped and read back whole")
        #expect(reader.texts("IBAN").contains("DE89370400440532013000"))
    }

    final class Elements: NSObject, XMLParserDelegate {
        var found: [(name: String, text: String)] = []
        var current = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) { current = "" }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            found.append((name, current.trimmingCharacters(in: .whitespacesAndNewlines)))
            current = ""
        }
        func texts(_ name: String) -> [String] { found.filter { $0.name == name }.map(\.text) }
    }

    static let channels = [
        ChannelProfile(name: "bank", currencies: [.CNY], maxAmount: 5_000_000),
        ChannelProfile(name: "partner", currencies: [.CNY], maxAmount: 100_000_000),
    ]

    @Test("routing puts the buyer's choice first, leaves out what a channel cannot take, and falls back from a sick channel")
    func routing() throws {
        let small = Money(minorUnits: 10_000, currency: .CNY)
        #expect(try PaymentRouting.candidates(for: small, preferred: nil, channels: Self.channels, unhealthy: []) == ["bank", "partner"])
        #expect(try PaymentRouting.candidates(for: small, preferred: "partner", channels: Self.channels, unhealthy: []) == ["partner", "bank"])
        #expect(try PaymentRouting.candidates(for: small, preferred: "bank", channels: Self.channels, unhealthy: ["bank"]) == ["partner", "bank"])
        let large = Money(minorUnits: 6_000_000, currency: .CNY)
        #expect(try PaymentRouting.candidates(for: large, preferred: "bank", channels: Self.channels, unhealthy: []) == ["partner"])
        #expect(throws: RoutingError.noChannel(amount: Money(minorUnits: 1, currency: .USD))) {
            try PaymentRouting.candidates(for: Money(minorUnits: 1, currency: .USD), preferred: nil, channels: Self.channels, unhealthy: [])
        }
        #expect(throws: RoutingError.unknownChannel("cash")) {
            try PaymentRouting.candidates(for: small, preferred: "cash", channels: Self.channels, unhealthy: [])
        }
    }

    @Test("a payment's reports only move it forward")
    func paymentStatus() {
        #expect(PaymentStatus.unknown.accepts(.succeeded))
        #expect(PaymentStatus.processing.accepts(.failed))
        #expect(!PaymentStatus.succeeded.accepts(.processing), "a late 'processing' never undoes a success")
        #expect(!PaymentStatus.succeeded.accepts(.failed))
        #expect(!PaymentStatus.processing.accepts(.processing), "a repeated report changes nothing")
    }

    @Test("reconciliation lists every difference between statement and ledger")
    func reconciliation() throws {
        let statement = try Reconciliation.parseStatement("""
            reference,type,amount,currency
            p1,charge,100.00,CNY
            p2,charge,50.00,CNY
            p2,charge,50.00,CNY
            p9,charge,7.00,CNY
            r1,refund,10.00,CNY
            """)
        func cny(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .CNY) }
        let ledger = [ChannelMovement(reference: "p1", kind: .charge, amount: cny(10_000)),
                      ChannelMovement(reference: "p2", kind: .charge, amount: cny(5_000)),
                      ChannelMovement(reference: "p3", kind: .charge, amount: cny(2_000)),
                      ChannelMovement(reference: "r1", kind: .refund, amount: cny(1_100))]
        let found = Reconciliation.mismatches(statement: statement, ledger: ledger)
        #expect(found.map(\.kind) == [.duplicateInStatement, .missingInLedger, .amountDiffers, .missingInStatement])
        #expect(found.map(\.reference) == ["p2", "p9", "r1", "p3"])
        #expect(Reconciliation.mismatches(statement: try Reconciliation.parseStatement(Reconciliation.statementCSV(ledger)), ledger: ledger).isEmpty)
    }

    @Test("a malformed statement names its line")
    func malformedStatement() {
        #expect(throws: StatementError.missingColumn("currency")) { try Reconciliation.parseStatement("reference,type,amount\n") }
        #expect(throws: StatementError.row(line: 2, problem: "the type must be charge or refund")) {
            try Reconciliation.parseStatement("reference,type,amount,currency\np1,chargeback,1.00,CNY\n")
        }
    }
}

@Test("every demo merchant has a payout account whose IBAN, if any, is valid and whose commission is a rate")
func demoPayoutAccounts() throws {
    #expect(Set(DemoPayoutAccounts.entries.map(\.merchantID)) == Set(DemoCatalog.entries.map(\.merchant.id)))
    for entry in DemoPayoutAccounts.entries {
        if let iban = entry.iban { _ = try IBAN(iban) } else { #expect(entry.accountNumber != nil) }
        #expect((0...10_000).contains(entry.commissionBasisPoints))
    }
}

@Test("the platform's own payout account passes the same checks as any IBAN")
func registryExampleIsValid() throws {
    #expect(try IBAN(IBAN.registryExample.value) == IBAN.registryExample)
}
