import ArgumentParser
import Commerce
import Foundation

/// How accurate delivery estimates are on the demo journeys: at checkout and at each later
/// point, the share of parcels delivered inside the window shown then, the mean error from
/// the window's middle and the mean width of the window.
struct BenchEstimates: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "estimates", abstract: "Accuracy of delivery estimates on demo journeys.")

    @Option(help: "How many demo parcels to follow.")
    var parcels = 10_000

    @Option(help: "The seed of the demo journeys.")
    var seed: UInt64 = 11

    @Flag(help: "Print the results as JSON.")
    var json = false

    func run() async throws {
        let journeys = DemoJourneys.make(count: parcels, seed: seed, from: Date(timeIntervalSince1970: 1_794_000_000))
        var results: [String: Double] = [:]
        for row in DeliveryAccuracy.measure(journeys, at: DeliveryAccuracy.checkpoints) {
            let name = row.checkpoint?.rawValue ?? "checkout"
            results["\(name).parcels"] = Double(row.parcels)
            results["\(name).within_window_pct"] = row.hitRate * 100
            results["\(name).mean_error_hours"] = row.meanErrorHours
            results["\(name).mean_window_hours"] = row.meanWindowHours
        }
        try BenchReport.print(results, json: json)
    }
}
