import Commerce
import Foundation
import Storage

/// Puts the demo's counterfeit report in once (`DemoBrands.reports`), through the same service a
/// brand owner's report goes through, so that ops' counterfeit queue has a case on first start.
public enum DemoReports {
    @discardableResult
    public static func loadIfAbsent(into store: any Store, cipher: FieldCipher, at now: Date) async throws -> Bool {
        let reports = CounterfeitService(store: store, cipher: cipher)
        var changes: [Change] = []
        for report in DemoBrands.reports {
            changes += try await reports.reporting(report.draft, buyer: nil, at: now).changes
        }
        return try await DemoMarker.apply(changes, marking: "demo_reports_loaded", to: store, at: now)
    }
}
