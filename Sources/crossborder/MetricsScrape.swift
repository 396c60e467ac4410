/// The server's /metrics read once, to compare two readings: `bench checkout` divides what the
/// server counted during the run (reads, commits, statements, their time) by the orders taken.
struct MetricsScrape {
    /// Each sample line's value, keyed by the line's name and labels as written.
    let samples: [(series: String, value: Double)]

    /// Several servers' readings as one: their series side by side, so that sums add them up.
    static func take(ports: [UInt16]) throws -> MetricsScrape {
        MetricsScrape(samples: try ports.flatMap { try take(port: $0).samples })
    }

    static func take(port: UInt16) throws -> MetricsScrape {
        var connection = Connection(port: port)
        defer { connection.close() }
        let answer = try connection.exchange(LoadDriver.Request(method: "GET", path: "/metrics", headers: [], body: []))
        let lines = String(decoding: answer.body, as: UTF8.self).split(separator: "\n")
        return MetricsScrape(samples: lines.compactMap { line in
            guard !line.hasPrefix("#"), let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                return nil
            }
            return (String(line[..<space]), value)
        })
    }

    /// The sum of every series of `name` whose labels contain `label` (all of them when nil).
    func sum(_ name: String, label: String? = nil) -> Double {
        samples.filter { sample in
            let (metric, labels) = sample.series.firstIndex(of: "{").map {
                (sample.series[..<$0], sample.series[$0...])
            } ?? (Substring(sample.series), "")
            return metric == name && (label.map { labels.contains($0) } ?? true)
        }.reduce(0) { $0 + $1.value }
    }

    /// What `later` counted beyond this reading.
    func delta(_ later: MetricsScrape, _ name: String, label: String? = nil) -> Double {
        later.sum(name, label: label) - sum(name, label: label)
    }
}
