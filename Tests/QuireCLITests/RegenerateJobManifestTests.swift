import Foundation
import QuireTestSupport
import Testing

/// deploy/kubernetes/regenerate-job.yaml agrees with itself and with `quire regenerate`: an
/// Indexed Job whose pods cover shards 1…n with n = completions, each with a command line the
/// real CLI accepts (run here with the index a pod would get).
@Suite struct RegenerateJobManifestTests {
    let text: String

    init() throws {
        text = try String(contentsOf: repositoryRoot.appendingPathComponent("deploy/kubernetes/regenerate-job.yaml"), encoding: .utf8)
    }

    /// The value of the first `key: value` line.
    func value(_ key: String) -> String? {
        text.split(separator: "\n").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix(key + ":") }
            .map { $0.dropFirst(key.count + 1).split(separator: "#").first?.trimmingCharacters(in: .whitespaces) ?? "" }
    }

    var command: String { text.split(separator: "\n").first { $0.contains("quire regenerate") && !$0.contains("#") }.map(String.init) ?? "" }

    @Test func everyIndexGetsItsOwnShardOfCompletions() throws {
        #expect(value("kind") == "Job")
        #expect(value("completionMode") == "Indexed")
        let completions = try #require(Int(value("completions") ?? ""))
        #expect(value("parallelism").flatMap(Int.init) ?? 0 <= completions)
        #expect(command.contains("--shard \"$((JOB_COMPLETION_INDEX + 1))/\(completions)\""))
        #expect(command.contains("--jobs 2") && text.contains("cpu: \"2\""))
        // Each pod's command, as its shell expands it, is one the CLI accepts: shards 1…n of n
        // parse, and the first pod's share of the example archive renders.
        let scratch = try Scratch()
        for index in 0..<completions {
            let shard = "\(index + 1)/\(completions)"
            let run = try scratch.quire(["regenerate", repositoryRoot.appendingPathComponent("examples/archive").path,
                                         "--root", repositoryRoot.appendingPathComponent("examples").path, "--out", "dist", "--jobs", "1", "--shard", shard])
            #expect(run.status == 0, "shard \(shard): \(run.stderr)")
        }
        let manifests = try FileManager.default.contentsOfDirectory(atPath: scratch.work.appendingPathComponent("dist").path).filter { $0.hasPrefix("manifest-shard-") }
        #expect(manifests.count == completions)
    }
}
