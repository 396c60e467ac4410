import Commerce
import Foundation
import Storage

/// Puts the demo's counterfeit report in once (`DemoBrands.reports`), through the same service a
/// brand owner's report goes through, so that ops' counterfeit queue has a case on first start.
public enum DemoReports {
    @discardableResult
    public static func loadIfAbsent(into store: any Store, cipher: FieldCipher, at now: Date) async throws -> Bool {
        let reports = CounterfeitService(store: store, cipher: cipher)
        var changes: [Change] = [.guarded(
            SQL("INSERT INTO settings (key, value) VALUES ('demo_reports_loaded', ?) ON CONFLICT (key) DO NOTHING RETURNING key",
                bind: now.ISO8601Format()),
            conflict: "the demo reports are already loaded")]
        for report in DemoBrands.reports {
            changes += try await reports.reporting(report.draft, buyer: nil, at: now).changes
        }
        do {
            try await store.apply(changes)
        } catch StoreError.conflict {
            return false
        }
        return true
    }
}
