import Foundation
import QuireTestSupport
import Testing

/// The checkout holding layouts/, fonts/, assets/ and examples/.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// A real `quire serve` in its own process, on a free loopback port: what tests talk to over
/// real sockets, stop with a real SIGTERM and measure with /proc.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    var baseURL: String { "http://127.0.0.1:\(port)" }
    private let log: URL

    /// `cap`: a memory limit the server is started under (it joins the cap before it execs).
    init(_ extraArguments: [String] = [], environment: [String: String] = [:], cap: MemoryCap? = nil) throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("quire-serve-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let arguments = ["serve", "--port", "0"] + extraArguments
        if let cap {
            let command = cap.command(try quireExecutable().path, arguments)
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst())
        } else {
            process.executableURL = try quireExecutable()
            process.arguments = arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(["QUIRE_HOME": repositoryRoot.path]) { $1 }.merging(environment) { $1 }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        cap?.attach(pid: process.processIdentifier)
        let deadline = Date().addingTimeInterval(30)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Quire listening on ") }),
               let port = Int(line.split(separator: ":").last ?? "") {
                found = port
            } else {
                usleep(50_000)
            }
        }
        guard let found else {
            process.terminate()
            Issue.record("quire serve did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
            throw ServerDidNotStart()
        }
        port = found
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: log)
    }

    var pid: Int32 { process.processIdentifier }

    /// What the server wrote to its log so far.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Resident memory of the server process, in bytes (`VmHWM` for its peak so far).
    func residentBytes(_ field: String = "VmRSS") -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes * 1024
    }

    /// SIGTERM, then waits (up to `timeout` seconds) for the process to exit; returns its status.
    @discardableResult
    func stop(timeout: Double = 30) -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }
}

struct ServerDidNotStart: Error {}

/// The built `quire` executable, beside the test binary.
func quireExecutable() throws -> URL { try builtExecutable("quire") }
