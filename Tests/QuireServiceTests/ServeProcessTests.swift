import Foundation
import QuireLoopback
import QuireService
import QuireTestSupport
import QuireVersion
import Testing

/// What only the real `quire serve` process shows: settings from the environment under the
/// command line's, the JSON log on standard error, the version, Hummingbird's request metrics
/// (recorded once swift-metrics is bootstrapped, as the executable does), and the memory one
/// large upload costs.
@Suite struct ServeProcessTests {
    @Test func theEnvironmentSetsWhatTheCommandLineDoesNotAndLogsAreJSON() throws {
        let big = paperForm(try contents(examplePaper), files: [("appendix.bin", Data(repeating: 0x41, count: 2 * 1024 * 1024))])
        // From the environment alone: a 1 MiB limit, JSON logs.
        let fromEnvironment = try ServerProcess(environment: ["QUIRE_MAX_BODY_MIB": "1", "QUIRE_LOG_FORMAT": "json"])
        #expect(try fromEnvironment.post("/v1/render", form: big).status == 413)
        let answered = try LoopbackHTTP.send(port: fromEnvironment.port, path: "/healthz", headers: [("X-Request-Id", "probe-7")])
        #expect(answered.header("X-Request-Id") == "probe-7")
        #expect(fromEnvironment.wait { fromEnvironment.output.contains("probe-7") })
        let logged = fromEnvironment.output.split(separator: "\n").filter { $0.hasPrefix("{") }
        let objects = logged.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.count == logged.count && !objects.isEmpty, "every log line is JSON: \(logged)")
        let access = objects.filter { $0["message"] as? String == "request" }
        #expect(access.contains { $0["hb.request.id"] as? String == "probe-7" && $0["status"] as? Int == 200 && $0["path"] as? String == "/healthz" })
        #expect(access.contains { $0["status"] as? Int == 413 })
        // The command line wins over the environment.
        let flagWins = try ServerProcess(["--max-body-mib", "4"], environment: ["QUIRE_MAX_BODY_MIB": "1"])
        #expect(try flagWins.post("/v1/render", form: big).status == 200)
        #expect(!flagWins.output.contains("{\""), "text logs by default")
    }

    @Test func aBadVariableStopsTheServerWithItsName() throws {
        let result = try runProcess(try quireExecutable().path, ["serve", "--port", "0"],
                                    environment: ["QUIRE_HOME": repositoryRoot.path, "QUIRE_CONCURRENCY": "lots"], timeout: 60)
        let text = result.stderr
        #expect(result.status == 2)
        #expect(text.contains("QUIRE_CONCURRENCY must be a whole number from 1 to 4096, not lots") && text.contains("hint:"), "\(text)")
    }

    @Test func versionHelpAndEveryVariableAreShown() throws {
        let version = try toolOutput(try quireExecutable().path, ["serve", "--version"])
        #expect(version.status == 0 && version.output.trimmingCharacters(in: .whitespacesAndNewlines) == QuireVersion.number)
        let help = try toolOutput(try quireExecutable().path, ["serve", "--help"])
        #expect(help.status == 0)
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for setting in ServiceSetting.allCases {
            #expect(help.output.contains(setting.flag + " "), "\(setting.flag)")
            #expect(help.output.contains(setting.variable), "--help names \(setting.variable)")
            #expect(readme.contains("`\(setting.flag)`") && readme.contains("`\(setting.variable)`"), "README lists \(setting.flag) and \(setting.variable)")
        }
        #expect(help.output.contains("Examples:"))
        // One default per option (argument-parser adds none to these: they are optional).
        for line in help.output.split(separator: "\n") { #expect(line.components(separatedBy: "(default:").count <= 2, "\(line)") }
    }

    /// A 30 MiB upload is streamed into the request's workspace, never held whole: the
    /// server's peak resident memory grows by much less than the body.
    @Test func aLargeUploadIsStreamedNotHeld() throws {
        let server = try ServerProcess(["--max-body-mib", "64"])
        let paper = try contents(examplePaper)
        #expect(try server.post("/v1/render", form: paperForm(paper)).status == 200)
        let before = server.residentBytes("VmHWM")
        var noise = [UInt8](repeating: 0, count: 30 * 1024 * 1024)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for index in noise.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            noise[index] = UInt8(truncatingIfNeeded: state >> 56)
        }
        let reply = try server.post("/v1/render", form: paperForm(paper, files: [("appendix.bin", Data(noise))]))
        #expect(reply.status == 200 && reply.isPDF)
        let growth = server.residentBytes("VmHWM") - before
        print("service peak memory: \(before / 1_048_576) MiB before, +\(growth / 1_048_576) MiB for a 30 MiB upload")
        #expect(growth < 30 * 1024 * 1024, "peak memory grew by \(growth / 1_048_576) MiB for a 30 MiB body")
        // Hummingbird's request metrics, fed into the same registry.
        let metrics = String(decoding: try server.get("/metrics").body, as: UTF8.self)
        #expect(metrics.contains(#"http_server_request_duration_seconds_count{http_route="/v1/render",http_request_method="POST",http_response_status_code="200"} 2"#),
                "\(metrics.prefix(3000))")
        #expect(metrics.contains(#"hb_requests_total{http_route="/v1/render""#))
    }
}
