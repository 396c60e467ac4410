import Foundation
import Money

/// The platform as the payer in payout files.
public struct PayoutDebtor: Sendable, Hashable {
    public let name: String
    public let iban: IBAN
    public let bic: String

    public init(name: String, iban: IBAN, bic: String) {
        self.name = name
        self.iban = iban
        self.bic = bic
    }
}

/// A payout batch as an ISO 20022 customer credit transfer initiation (pain.001.001.09), the
/// file a bank takes to pay many creditors: a group header with the number of transactions
/// and their control sum, one payment information block, one credit transfer per payout.
public enum PayoutFile {
    public static let namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"

    public static func pain001(_ batch: PayoutBatch, debtor: PayoutDebtor, createdAt: Date) throws(MoneyError) -> String {
        let count = String(batch.payouts.count)
        let sum = try batch.controlSum.decimalText
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="\(namespace)">
              <CstmrCdtTrfInitn>
                <GrpHdr>
                  <MsgId>\(Markup.escape(batch.id))</MsgId>
                  <CreDtTm>\(createdAt.ISO8601Format())</CreDtTm>
                  <NbOfTxs>\(count)</NbOfTxs>
                  <CtrlSum>\(sum)</CtrlSum>
                  <InitgPty><Nm>\(Markup.escape(debtor.name))</Nm></InitgPty>
                </GrpHdr>
                <PmtInf>
                  <PmtInfId>\(Markup.escape(batch.id))-1</PmtInfId>
                  <PmtMtd>TRF</PmtMtd>
                  <NbOfTxs>\(count)</NbOfTxs>
                  <CtrlSum>\(sum)</CtrlSum>
                  <ReqdExctnDt><Dt>\(batch.executionDate)</Dt></ReqdExctnDt>
                  <Dbtr><Nm>\(Markup.escape(debtor.name))</Nm></Dbtr>
                  <DbtrAcct><Id><IBAN>\(debtor.iban.value)</IBAN></Id></DbtrAcct>
                  <DbtrAgt><FinInstnId><BICFI>\(Markup.escape(debtor.bic))</BICFI></FinInstnId></DbtrAgt>

            """
        for payout in batch.payouts {
            let account = payout.account.iban.map { "<IBAN>\($0.value)</IBAN>" }
                ?? "<Othr><Id>\(Markup.escape(payout.account.accountNumber ?? ""))</Id></Othr>"
            xml += """
                      <CdtTrfTxInf>
                        <PmtId><EndToEndId>\(Markup.escape(payout.id))</EndToEndId></PmtId>
                        <Amt><InstdAmt Ccy="\(batch.currency.code)">\(payout.amount.decimalText)</InstdAmt></Amt>
                        \(payout.account.bic.isEmpty ? "" : "<CdtrAgt><FinInstnId><BICFI>\(Markup.escape(payout.account.bic))</BICFI></FinInstnId></CdtrAgt>")
                        <Cdtr><Nm>\(Markup.escape(payout.account.holder))</Nm></Cdtr>
                        <CdtrAcct><Id>\(account)</Id></CdtrAcct>
                        <RmtInf><Ustrd>CrossBorder settlement \(Markup.escape(payout.id))</Ustrd></RmtInf>
                      </CdtTrfTxInf>

                """
        }
        xml += """
                </PmtInf>
              </CstmrCdtTrfInitn>
            </Document>

            """
        return xml
    }
}
