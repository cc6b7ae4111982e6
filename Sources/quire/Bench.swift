import ArgumentParser

/// `quire bench …`: hands over to the `quire-bench` executable beside this one (the benchmark
/// harness is its own binary, as the service is). `quire bench --help` lists its cases.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark: pages/s, wall time and peak memory against a bare Pango+Cairo loop, peers, the service, the importer and Word, measured in the same run. `quire bench --help` lists the options.",
        helpNames: [])

    @Argument(parsing: .allUnrecognized, help: "Options for the benchmark; see `quire bench --help`.")
    var arguments: [String] = []

    func run() throws {
        try handOver(to: "quire-bench", arguments)
    }
}
