import Foundation
import Money

/// What the consolidation hub decides when a parcel arrives: its weight must be what the
/// merchant declared, within a tolerance (5 %, and never less than 50 g, for scales and
/// packaging), or the parcel is held with the reason.
public enum HubScan {
    public static let tolerancePercent: Int64 = 5
    public static let toleranceFloorGrams: Int64 = 50

    public enum Outcome: Sendable, Equatable {
        case accepted
        case held(reason: String)
    }

    public static func check(declaredGrams: Int64, measuredGrams: Int64) -> Outcome {
        let allowed = max(toleranceFloorGrams, declaredGrams * tolerancePercent / 100)
        guard abs(measuredGrams - declaredGrams) > allowed else { return .accepted }
        return .held(reason: "weighed \(measuredGrams) g, declared \(declaredGrams) g: more than \(allowed) g apart")
    }
}

/// An IATA air waybill number: a three-digit airline prefix and an eight-digit serial whose
/// last digit is the first seven taken modulo 7 ("176-12345675").
public enum AirWaybillNumber {
    public static func isValid(_ text: String) -> Bool {
        let digits = text.filter { $0 != "-" && $0 != " " }
        guard digits.count == 11, digits.allSatisfy({ $0.isASCIIDigit }), let serial = Int(digits.dropFirst(3).prefix(7)),
              let check = digits.last?.asciiDigitValue else { return false }
        return serial % 7 == check
    }

    public static func make(airline: String, serial: Int) -> String {
        let seven = serial % 10_000_000
        return airline + "-" + String(format: "%07d", seven) + String(seven % 7)
    }
}

/// One line of an air waybill's manifest: a parcel, its bag, and what customs needs to see.
public struct ManifestLine: Sendable, Hashable, Codable {
    public let airWaybill: String
    public let bag: String
    public let trackingNumber: String
    public let orderNo: String
    public let consignee: String
    public let weightGrams: Int64
    public let contents: String
    public let valueCNY: String

    public init(airWaybill: String, bag: String, trackingNumber: String, orderNo: String, consignee: String, weightGrams: Int64,
                contents: String, valueCNY: String) {
        self.airWaybill = airWaybill
        self.bag = bag
        self.trackingNumber = trackingNumber
        self.orderNo = orderNo
        self.consignee = consignee
        self.weightGrams = weightGrams
        self.contents = contents
        self.valueCNY = valueCNY
    }

    public static let csvHeader = "air_waybill,bag,tracking_number,order_no,consignee,weight_grams,contents,value_cny"

    public var csvRow: String {
        [airWaybill, bag, trackingNumber, orderNo, consignee, String(weightGrams), contents, valueCNY].map(CSVTable.field).joined(separator: ",")
    }
}
