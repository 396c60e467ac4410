import Commerce
import Foundation
import Money
import Testing

/// The match rules of customs.json (three_document_matching), one case each.
@Suite("Three-document matching")
struct DeclarationMatchingTests {
    static let day = Day(2026, 11, 23)

    static func declaration(payer: String = "11010519491231002X", paid: Int64 = 109_100, waybillOrder: String = "o-1",
                            consignee: String = "王小明", goods: Int64 = 100_000, freight: Int64 = 0, tax: Int64 = 9_100) -> Declaration {
        Declaration(
            order: OrderRecord(orderNo: "o-1", ebpCode: "P", ebcCode: "M", goodsValueFen: goods, freightFen: freight, taxTotalFen: tax,
                               actualPaidFen: goods + freight + tax, buyerName: "王小明", buyerIdNumber: "11010519491231002X",
                               buyerTelephone: "13800138000", consignee: "王小明", consigneeTelephone: "13800138000",
                               consigneeAddress: "上海市浦东新区", lines: []),
            payment: PaymentRecord(payCode: "bank", payTransactionId: "t", orderNo: "o-1", payerName: "王小明", payerIdNumber: payer,
                                   amountPaidFen: paid, paidAt: Date()),
            waybill: WaybillRecord(logisticsCode: "L", logisticsNo: "W", orderNo: waybillOrder, consignee: consignee,
                                   consigneeTelephone: "13800138000", consigneeAddress: "上海市浦东新区", weightGrams: 500, goodsDescription: ""))
    }

    @Test("records that agree match: the reference's worked example, 1,000.00 of goods with 91.00 tax")
    func agreeing() {
        #expect(DeclarationMatching.mismatches(Self.declaration(), on: Self.day).isEmpty)
    }

    @Test("each rule names its field", arguments: [
        ("payer identity = buyer identity on the order", "payment.payerIdNumber"),
        ("amount paid = order total", "payment.amountPaid"),
        ("the three records name the same order number", "waybill.orderNo"),
        ("consignee and goods agree between order and waybill", "waybill.consignee"),
        ("the transaction is within the per-transaction limit", "order.goodsValue+freight"),
    ])
    func rule(rule: String, field: String) {
        let broken: Declaration = switch field {
        case "payment.payerIdNumber": Self.declaration(payer: "310115199001010013")
        case "payment.amountPaid": Self.declaration(paid: 100_000)
        case "waybill.orderNo": Self.declaration(waybillOrder: "o-2")
        case "waybill.consignee": Self.declaration(consignee: "李雷")
        default: Self.declaration(paid: 510_000, goods: 490_000, freight: 20_000, tax: 0)
        }
        let found = DeclarationMatching.mismatches(broken, on: Self.day)
        #expect(found.map(\.field) == [field])
        #expect(found.first?.rule == rule)
    }
}
