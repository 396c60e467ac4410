import Commerce
import Foundation
import Testing

@Suite("Logistics: barcodes, tracking numbers, timelines")
struct LogisticsTests {
    @Test("Code 128 B: start, data, the mod-103 check of the standard, stop; every character 11 modules, stop 13")
    func code128() throws {
        let text = "CB123456785US"
        let values = try Code128.values(text)
        #expect(values.first == 104 && values.last == 106)
        let data = text.unicodeScalars.map { Int($0.value) - 32 }
        var weighted = 104
        for (position, value) in data.enumerated() { weighted += (position + 1) * value }
        #expect(values[values.count - 2] == weighted % 103)
        let widths = try Code128.widths(text)
        #expect(widths.reduce(0, +) == 11 * (data.count + 2) + 13)
        #expect(widths.count == 6 * (data.count + 2) + 7, "bars and spaces alternate, the stop ends on a bar")
        #expect(throws: Code128.Problem.notPrintableASCII("包")) { try Code128.values("包裹") }
        #expect(throws: Code128.Problem.empty) { try Code128.values("") }
        let svg = try Code128.svg(text)
        #expect(svg.components(separatedBy: "<rect x=").count - 1 == (widths.count + 1) / 2)
    }

    @Test("S10 tracking numbers: the UPU example's check digit, and a mistyped digit is caught")
    func trackingNumbers() {
        #expect(TrackingNumber.checkDigit("47312482") == 9, "RR 47312482 9 GB, the UPU S10 example")
        #expect(TrackingNumber.isValid("RR473124829GB"))
        #expect(!TrackingNumber.isValid("RR473124819GB"))
        let made = TrackingNumber.make(serial: 12345678, country: "us")
        #expect(made.hasPrefix("CB12345678") && made.hasSuffix("US") && TrackingNumber.isValid(made))
    }

    static func event(_ id: String, _ stage: TrackingStage, minutes: Double) -> TrackingEvent {
        TrackingEvent(id: id, trackingNumber: "CB", stage: stage, source: .hub, at: Date(timeIntervalSince1970: minutes * 60),
                      location: "", note: "")
    }

    @Test("events arriving out of order are sorted by event time; a late one never moves the parcel back")
    func outOfOrder() {
        let arrived = [Self.event("c", .arrived, minutes: 30), Self.event("a", .labelled, minutes: 0), Self.event("b", .departed, minutes: 10)]
        #expect(Tracking.timeline(arrived).map(\.id) == ["a", "b", "c"])
        #expect(Tracking.current(arrived) == .arrived)
        #expect(Tracking.current(arrived + [Self.event("late", .hubReceived, minutes: 5)]) == .arrived)
    }

    /// The direct-mail flow: declared, then the flight, then customs' release on arrival, then
    /// the door. Every report is tried from every order state, so no pair is left out.
    @Test("the flight ships a declared order, release on arrival clears it, delivery delivers it; nothing moves an order back")
    func orderMoves() {
        #expect(Tracking.orderMoves(for: .departed, from: .declared) == [.shipped])
        #expect(Tracking.orderMoves(for: .arrived, from: .shipped).isEmpty, "arrived is not yet cleared")
        #expect(Tracking.orderMoves(for: .customsInspection, from: .shipped).isEmpty, "held by customs")
        #expect(Tracking.orderMoves(for: .customsReleased, from: .shipped) == [.cleared])
        #expect(Tracking.orderMoves(for: .delivered, from: .declared) == [.shipped, .cleared, .delivered], "a delivery reaches delivered")
        #expect(Tracking.orderMoves(for: .delivered, from: .shipped) == [.cleared, .delivered])
        #expect(Tracking.orderMoves(for: .returned, from: .shipped) == [.cleared], "a returned parcel was never delivered")
        #expect(Tracking.orderMoves(for: .departed, from: .paid).isEmpty, "not before it is declared")
        for stage in TrackingStage.allCases {
            for status in OrderStatus.allCases {
                var current = status
                for target in Tracking.orderMoves(for: stage, from: status) {
                    #expect(throws: Never.self, "\(stage) from \(status)") { current = try current.move(to: target, by: .system, at: Date()).event.to }
                }
                #expect(!(stage.rank < TrackingStage.departed.rank && current != status), "\(stage) moved \(status) before the flight")
            }
        }
    }

    @Test("an order's stock is used up when it ships and given back when it ends unshipped; cleared never comes before shipped")
    func orderMoveEffects() throws {
        let now = Date()
        #expect(try OrderStatus.declared.move(to: .shipped, by: .system, at: now).stock == .consumed)
        #expect(try OrderStatus.paid.move(to: .refunded, by: .system, at: now).stock == .released)
        #expect(try OrderStatus.created.move(to: .cancelled, by: .system, at: now).stock == .released)
        #expect(try OrderStatus.shipped.move(to: .refunded, by: .system, at: now).stock == .kept, "already gone")
        #expect(try OrderStatus.created.move(to: .paid, by: .system, at: now).stock == .kept)
        #expect(try !OrderStatus.delivered.move(to: .refunded, by: .system, at: now).givesBackAllowance,
                "money back on goods customs released and the buyer kept: they still count (customs.json limit_rules)")
        #expect(try OrderStatus.delivered.move(to: .refunded, by: .system, at: now, returned: true).givesBackAllowance, "returned in time")
        #expect(try OrderStatus.shipped.move(to: .refunded, by: .system, at: now).givesBackAllowance, "never released: never came in")
        #expect(try !OrderStatus.shipped.move(to: .cleared, by: .system, at: now).givesBackAllowance)
        #expect(throws: OrderError.impossibleTransition(from: .declared, to: .cleared)) {
            try OrderStatus.declared.move(to: .cleared, by: .system, at: now)
        }
    }

    @Test("a shipment names the field at fault")
    func shipmentDraft() {
        let content = ShipmentDraft.Content(hsCode: "640399", description: "loafers", quantity: 1, value: "1345.00")
        #expect(throws: CatalogError.self) { try ShipmentDraft(weightGrams: 0, lengthMM: 300, widthMM: 200, heightMM: 100, contents: [content]).validated() }
        do {
            _ = try ShipmentDraft(weightGrams: 900, lengthMM: 300, widthMM: 200, heightMM: 100,
                                  contents: [ShipmentDraft.Content(hsCode: "64", description: "x", quantity: 1, value: "1")]).validated()
            Issue.record("a two-digit HS code was accepted")
        } catch {
            #expect(error.field == "contents[0].hsCode")
        }
    }
}

@Suite("The consolidation hub's rules")
struct HubRulesTests {
    @Test("weight within 5 % (at least 50 g) is accepted; beyond it the parcel is held, naming both weights")
    func tolerance() {
        #expect(HubScan.check(declaredGrams: 2_000, measuredGrams: 2_100) == .accepted, "5 % of 2 kg")
        #expect(HubScan.check(declaredGrams: 300, measuredGrams: 350) == .accepted, "the 50 g floor")
        #expect(HubScan.check(declaredGrams: 300, measuredGrams: 351) == .held(reason: "weighed 351 g, declared 300 g: more than 50 g apart"))
        #expect(HubScan.check(declaredGrams: 2_000, measuredGrams: 1_899) != .accepted)
    }

    @Test("IATA air waybill numbers: the serial's last digit is the first seven modulo 7")
    func airWaybills() {
        #expect(AirWaybillNumber.isValid("176-12345675"), "1234567 mod 7 = 5")
        #expect(!AirWaybillNumber.isValid("176-12345674"))
        #expect(!AirWaybillNumber.isValid("176-1234567"))
        #expect(AirWaybillNumber.isValid(AirWaybillNumber.make(airline: "999", serial: 7_654_321)))
    }
}
