import Foundation
import Money

/// The order record the platform sends customs (after the CEB311 order message).
public struct OrderRecord: Codable, Sendable, Hashable {
    public struct Line: Codable, Sendable, Hashable {
        public let itemNo: String
        public let itemName: String
        public let hsCode: String
        public let quantity: Int64
        public let totalPriceFen: Int64

        public init(itemNo: String, itemName: String, hsCode: String, quantity: Int64, totalPriceFen: Int64) {
            self.itemNo = itemNo
            self.itemName = itemName
            self.hsCode = hsCode
            self.quantity = quantity
            self.totalPriceFen = totalPriceFen
        }
    }

    public let orderNo: String
    public let ebpCode: String
    public let ebcCode: String
    public let goodsValueFen: Int64
    public let freightFen: Int64
    public let taxTotalFen: Int64
    public let actualPaidFen: Int64
    public let buyerName: String
    public let buyerIdNumber: String
    public let buyerTelephone: String
    public let consignee: String
    public let consigneeTelephone: String
    public let consigneeAddress: String
    public let lines: [Line]

    public init(orderNo: String, ebpCode: String, ebcCode: String, goodsValueFen: Int64, freightFen: Int64, taxTotalFen: Int64,
                actualPaidFen: Int64, buyerName: String, buyerIdNumber: String, buyerTelephone: String, consignee: String,
                consigneeTelephone: String, consigneeAddress: String, lines: [Line]) {
        self.orderNo = orderNo
        self.ebpCode = ebpCode
        self.ebcCode = ebcCode
        self.goodsValueFen = goodsValueFen
        self.freightFen = freightFen
        self.taxTotalFen = taxTotalFen
        self.actualPaidFen = actualPaidFen
        self.buyerName = buyerName
        self.buyerIdNumber = buyerIdNumber
        self.buyerTelephone = buyerTelephone
        self.consignee = consignee
        self.consigneeTelephone = consigneeTelephone
        self.consigneeAddress = consigneeAddress
        self.lines = lines
    }
}

/// The payment record the payment company sends customs.
public struct PaymentRecord: Codable, Sendable, Hashable {
    public let payCode: String
    public let payTransactionId: String
    public let orderNo: String
    public let payerName: String
    public let payerIdNumber: String
    public let amountPaidFen: Int64
    public let paidAt: Date

    public init(payCode: String, payTransactionId: String, orderNo: String, payerName: String, payerIdNumber: String,
                amountPaidFen: Int64, paidAt: Date) {
        self.payCode = payCode
        self.payTransactionId = payTransactionId
        self.orderNo = orderNo
        self.payerName = payerName
        self.payerIdNumber = payerIdNumber
        self.amountPaidFen = amountPaidFen
        self.paidAt = paidAt
    }
}

/// The waybill record the logistics company sends customs.
public struct WaybillRecord: Codable, Sendable, Hashable {
    public let logisticsCode: String
    public let logisticsNo: String
    public let orderNo: String
    public let consignee: String
    public let consigneeTelephone: String
    public let consigneeAddress: String
    public let weightGrams: Int64
    public let goodsDescription: String

    public init(logisticsCode: String, logisticsNo: String, orderNo: String, consignee: String, consigneeTelephone: String,
                consigneeAddress: String, weightGrams: Int64, goodsDescription: String) {
        self.logisticsCode = logisticsCode
        self.logisticsNo = logisticsNo
        self.orderNo = orderNo
        self.consignee = consignee
        self.consigneeTelephone = consigneeTelephone
        self.consigneeAddress = consigneeAddress
        self.weightGrams = weightGrams
        self.goodsDescription = goodsDescription
    }
}

/// The three records of one parcel, as customs matches them.
public struct Declaration: Codable, Sendable, Hashable {
    public let order: OrderRecord
    public let payment: PaymentRecord
    public let waybill: WaybillRecord

    public init(order: OrderRecord, payment: PaymentRecord, waybill: WaybillRecord) {
        self.order = order
        self.payment = payment
        self.waybill = waybill
    }
}

/// One disagreement between the records, naming the field and both values.
public struct DeclarationMismatch: Sendable, Hashable, Codable {
    public let rule: String
    public let field: String
    public let orderValue: String
    public let otherValue: String

    public init(rule: String, field: String, orderValue: String, otherValue: String) {
        self.rule = rule
        self.field = field
        self.orderValue = orderValue
        self.otherValue = otherValue
    }
}

/// What customs decides for a parcel.
public enum ClearanceResult: String, Sendable, Codable, CaseIterable {
    case released, inspection, rejected
}

/// Customs' matching of the three records (customs.json, three_document_matching): the same
/// order number on all three; the payer is the buyer; the amount paid is the order's total; the
/// consignee agrees between order and waybill; goods + freight + tax is what was paid, within
/// 5 %; and the transaction (goods and freight) stays within the per-transaction limit, unless
/// it is a single indivisible item since 2019.
public enum DeclarationMatching {
    public static let tolerancePercent: Int64 = 5

    public static func mismatches(_ declaration: Declaration, on day: Day) -> [DeclarationMismatch] {
        let order = declaration.order
        let payment = declaration.payment
        let waybill = declaration.waybill
        var found: [DeclarationMismatch] = []
        func check(_ ok: Bool, _ rule: String, _ field: String, _ a: String, _ b: String) {
            if !ok { found.append(DeclarationMismatch(rule: rule, field: field, orderValue: a, otherValue: b)) }
        }
        let sameOrder = "the three records name the same order number"
        check(payment.orderNo == order.orderNo, sameOrder, "payment.orderNo", order.orderNo, payment.orderNo)
        check(waybill.orderNo == order.orderNo, sameOrder, "waybill.orderNo", order.orderNo, waybill.orderNo)
        let payer = "payer identity = buyer identity on the order"
        check(payment.payerIdNumber.uppercased() == order.buyerIdNumber.uppercased(), payer, "payment.payerIdNumber",
              order.buyerIdNumber, payment.payerIdNumber)
        check(payment.payerName == order.buyerName, payer, "payment.payerName", order.buyerName, payment.payerName)
        check(payment.amountPaidFen == order.actualPaidFen, "amount paid = order total", "payment.amountPaid",
              fen(order.actualPaidFen), fen(payment.amountPaidFen))
        let consignee = "consignee and goods agree between order and waybill"
        check(waybill.consignee == order.consignee, consignee, "waybill.consignee", order.consignee, waybill.consignee)
        check(waybill.consigneeAddress == order.consigneeAddress, consignee, "waybill.consigneeAddress", order.consigneeAddress,
              waybill.consigneeAddress)
        check(waybill.consigneeTelephone == order.consigneeTelephone, consignee, "waybill.consigneeTelephone",
              order.consigneeTelephone, waybill.consigneeTelephone)
        let parts = order.goodsValueFen + order.freightFen + order.taxTotalFen
        check(abs(parts - order.actualPaidFen) * 100 <= order.actualPaidFen * tolerancePercent,
              "goods value + freight + withheld tax = amount paid (within 5 %)", "order.actualPaid", fen(parts), fen(order.actualPaidFen))
        // The limit counts the transaction price, goods plus freight (customs.json, dutiable_value);
        // since 2019 a single indivisible item above it comes in, taxed in full.
        let singleItem = day >= CustomsRules.singleItemRuleFrom && order.lines.count == 1 && order.lines[0].quantity == 1
        if let limit = CustomsRules.limits(on: day)?.perTransaction, !singleItem {
            check(order.goodsValueFen + order.freightFen <= limit.minorUnits, "the transaction is within the per-transaction limit",
                  "order.goodsValue+freight", fen(order.goodsValueFen + order.freightFen), limit.decimalText)
        }
        return found
    }

    static func fen(_ minor: Int64) -> String { Money(minorUnits: minor, currency: .CNY).decimalText }
}
