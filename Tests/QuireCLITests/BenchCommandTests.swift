import Foundation
import QuireTestSupport
import Testing

/// `quire bench` runs end to end (a tiny size, one run: a smoke run, not a measurement).
@Suite struct BenchCommandTests {
    @Test func benchPrintsEveryTableWithItsBaseline() throws {
        let result = try Scratch().quire(["bench", "--sections", "4", "--runs", "1"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for text in ["long paper (4 sections, generated)", "bare", "engine-1", "engine/bare time per page",
                     "peak memory against document length", "quire render (seed 2017)", "quire render (annual report, data)",
                     "quire render (seed x50)", "pages/s", "peak MiB", "archive of 4 papers", "quire regenerate --jobs 2"] {
            #expect(result.stdout.contains(text), "bench output lacks '\(text)'")
        }
        // Every measured row has a positive page count and rate.
        let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.contains("case") }
        #expect(rows.count >= 11)
        for row in rows {
            let numbers = row.split(separator: " ").compactMap { Double($0) }
            #expect(numbers.count >= 4 && numbers.allSatisfy { $0 > 0 }, "\(row)")
        }
    }

    @Test func serverBenchPrintsThroughputAndLatencyAgainstTheCLI() throws {
        let result = try Scratch().quire(["bench", "--server", "--requests", "8", "--clients", "2", "--runs", "1"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for text in ["service, 1 client", "service, 2 clients", "CLI, 1 process at a time", "p50 ms", "p99 ms", "req/s",
                     "time per paper at full load", "ratio"] {
            #expect(result.stdout.contains(text), "bench --server output lacks '\(text)'")
        }
    }
}
