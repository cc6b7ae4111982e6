import Foundation
import QuireLoopback
import QuireTestSupport
import Testing

/// The pod's memory limit, proven: one real server, started with the deploy manifest's own
/// arguments under a real cap of the manifest's memory limit (a cgroup where one can be made),
/// takes every bomb of the hostile suite at once, with 34 concurrent 30 MiB JSON uploads and
/// good renders alongside. The kernel never OOM-kills it, each bomb is refused, the uploads
/// are served or answered 429, and the good renders get their PDFs.
@Suite(.serialized) struct MemoryCapTests {
    /// `quire serve`'s arguments in deploy/kubernetes/quire.yaml, less where it listens and logs.
    static func deployArguments() throws -> (arguments: [String], memoryLimit: Int) {
        let manifest = try DeployManifestTests()
        var arguments: [String] = [], index = manifest.arguments.startIndex
        let dropped: Set = ["--host", "--port", "--log-format"]
        while index < manifest.arguments.endIndex {
            let argument = manifest.arguments[index]
            if dropped.contains(argument) {
                index += 2
                continue
            }
            if argument != "serve" { arguments.append(argument) }
            index += 1
        }
        let limit = try #require(dig(manifest.container, "resources", "limits", "memory") as? String)
        return (arguments, try #require(kubernetesBytes(limit), "the manifest's memory limit \(limit)"))
    }

    /// "1Gi", "900Mi", "512Ki" as bytes.
    static func kubernetesBytes(_ quantity: String) -> Int? {
        let units = ["Ki": 1 << 10, "Mi": 1 << 20, "Gi": 1 << 30]
        for (suffix, factor) in units where quantity.hasSuffix(suffix) { return Int(quantity.dropLast(2)).map { $0 * factor } }
        return Int(quantity)
    }

    /// What one request of the storm got, and how long it took.
    struct Answer: Sendable {
        let reply: HTTPReply?
        let seconds: Double
    }

    @Test func theBombsAtOnceUnderThePodsMemoryLimitKillNothingAndGoodRendersAreServed() throws {
        let deploy = try Self.deployArguments()
        #expect(deploy.arguments.contains("--memory-budget-mib") && deploy.arguments.contains("--max-queue"), "\(deploy.arguments)")
        let cap: MemoryCap
        switch MemoryCap.make(limit: deploy.memoryLimit) {
        case .success(let made): cap = made
        case .failure(let none):
            withKnownIssue("the pod's memory limit cannot be proven here: \(none)") { throw none }
            return
        }
        defer { cap.remove() }
        let server = try ServerProcess(deploy.arguments, cap: cap)
        let bombs = MemoryBombTests.bombs, uploads = 34, good = 3
        let json = MemoryBombTests.largeJSONBody, paper = paperForm(try contents(examplePaper))
        let started = Date()
        let answers = onThreads(bombs.count + uploads + good) { index -> Answer in
            let begun = Date()
            let reply: HTTPReply? = if index < bombs.count {
                try? bombs[index].send(server)
            } else if index < bombs.count + uploads {
                try? LoopbackHTTP.send(port: server.port, method: "POST", path: "/v1/render", headers: [("Content-Type", "application/json")], body: json)
            } else {
                try? server.post("/v1/render", form: paper)
            }
            return Answer(reply: reply, seconds: Date().timeIntervalSince(begun))
        }
        let storm = Date().timeIntervalSince(started)

        for (bomb, answer) in zip(bombs, answers) {
            #expect(answer.reply?.status == bomb.status && answer.reply?.problem?.detail.contains(bomb.mentions) == true,
                    "\(bomb.name): \(answer.reply.map { "\($0.status) \($0.text.prefix(300))" } ?? "no answer") after \(answer.seconds) s")
        }
        let uploadStatuses = answers[bombs.count..<(bombs.count + uploads)].map { $0.reply?.status ?? 0 }
        #expect(uploadStatuses.allSatisfy { $0 == 200 || $0 == 429 }, "JSON uploads: \(uploadStatuses)")
        #expect(uploadStatuses.contains(200), "JSON uploads: \(uploadStatuses)")
        for answer in answers.suffix(good) {
            #expect(answer.reply?.status == 200 && answer.reply?.isPDF == true,
                    "good render: \(answer.reply.map { "\($0.status) \($0.text.prefix(300))" } ?? "no answer")")
        }

        #expect(server.process.isRunning, "the server is gone: \(server.output.suffix(2000))")
        #expect(try server.get("/healthz").status == 200, "still up")
        let after = try server.post("/v1/render", form: paper)
        #expect(after.status == 200 && after.isPDF, "a render after the storm: \(after.status)")
        let resident = server.residentBytes("VmHWM")
        #expect(resident < deploy.memoryLimit, "peak resident memory \(resident >> 20) MiB")
        if cap.isCgroup {
            #expect(cap.oomKills == 0, "the kernel OOM-killed \(cap.oomKills.map(String.init) ?? "?") processes in \(cap.description)")
        }
        print("""
            memory cap: \(cap.description); \(deploy.arguments.joined(separator: " "))
              \(bombs.count) bombs + \(uploads) JSON uploads of \(json.count >> 20) MiB + \(good) good renders at once, \(String(format: "%.1f", storm)) s: \
            JSON \(uploadStatuses.filter { $0 == 200 }.count)×200 \(uploadStatuses.filter { $0 == 429 }.count)×429; \
            bombs answered in \(bombs.indices.map { String(format: "%.1f", answers[$0].seconds) }.joined(separator: ", ")) s
              server peak resident \(resident >> 20) MiB; group peak charge \(cap.peakBytes.map { "\($0 >> 20) MiB" } ?? "not reported") \
            (page cache included); limit reached \(cap.limitHits.map(String.init) ?? "?") times; OOM kills \(cap.oomKills.map(String.init) ?? "not reported")
            """)
        #expect(server.stop() == 0, "a clean shutdown after the storm")
    }
}
