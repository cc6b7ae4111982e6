import Foundation
import Testing

/// The checkout holding examples/ and layouts/.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func example(_ name: String) -> URL {
    repositoryRoot.appendingPathComponent("examples/\(name)/paper.md")
}

let examples = ["kscb-2012-13", "kscb-2016-17"]

/// The built `quire` executable: SwiftPM puts it in the same folder as the test binary
/// (`.build/<triple>/debug/`). On Linux the test binary is a plain executable, so
/// `CommandLine.arguments[0]` and `Bundle.main` both name that folder; on macOS the test
/// bundle is an `.xctest` folder beside it.
func quireExecutable() throws -> URL {
    var folders = [
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent(),
        Bundle.main.bundleURL,
        Bundle.main.bundleURL.deletingLastPathComponent(),
    ]
    folders += Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }.map { $0.deletingLastPathComponent() }
    for folder in folders {
        let candidate = folder.appendingPathComponent("quire")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
           FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
    }
    Issue.record("the quire executable was not found beside the test binary (looked in \(folders.map(\.path))); build it with `swift build` before `swift test`")
    throw MissingExecutable()
}

struct MissingExecutable: Error {}

/// What a finished `quire` run printed and returned.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Standard output as bytes (a PDF written with `-o -`).
    var stdoutData = Data()
    /// Whether the process was ended by a signal (then `status` is the signal's number).
    var signalled = false
}

/// A fresh temporary folder for one test, removed when the test's scope ends.
final class Scratch {
    let root: URL
    /// Where inputs and outputs go (the runner's logs live beside it, not in it).
    let work: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("quire-cli-\(UUID().uuidString)")
        work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Writes `data` to `name` in the work folder.
    @discardableResult
    func write(_ name: String, _ data: Data) throws -> URL {
        let url = work.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        try write(name, Data(text.utf8))
    }

    func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: work.appendingPathComponent(name).path)
    }

    func contents(of name: String) -> Data? {
        FileManager.default.contents(atPath: work.appendingPathComponent(name).path)
    }

    /// Files in the work folder, hidden ones included.
    func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: work.path).sorted()
    }

    /// Runs `quire` with `arguments` in the work folder and waits for it.
    func quire(_ arguments: [String], environment: [String: String] = [:], whileRunning: ((Process) throws -> Void)? = nil) throws -> RunResult {
        let process = Process()
        process.executableURL = try quireExecutable()
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = work
        // Output goes to files so a full pipe can never block the child.
        let outURL = root.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errURL = root.appendingPathComponent("stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // `whileRunning` sees the process before it ends (to signal it, say).
        if let whileRunning { try whileRunning(process) }
        process.waitUntilExit()
        let output = try Data(contentsOf: outURL)
        return RunResult(
            status: process.terminationStatus,
            stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            stdoutData: output, signalled: process.terminationReason == .uncaughtSignal)
    }
}

extension Data {
    var isPDF: Bool { starts(with: Array("%PDF-".utf8)) }
    var isPNG: Bool { starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) }
}
