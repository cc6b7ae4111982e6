public import Foundation

/// What a finished process printed and returned.
public struct ProcessOutput: Sendable {
    /// The exit status, or the signal's number when `signalled`.
    public var status: Int32
    public var stdoutData: Data
    public var stderrData: Data
    /// Whether a signal ended the process.
    public var signalled = false

    public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    public var stderr: String { String(decoding: stderrData, as: UTF8.self) }
}

/// The one way the suites run a process: `executable` is a path, or a tool found on PATH
/// (poppler, qpdf, python3). Output goes through unlinked temporary files, so a child that
/// prints a lot can never block on a full pipe. A `timeout` stops the child (SIGTERM, so a
/// script can close the browser it drives; SIGKILL ten seconds later) and throws, so a hung
/// tool fails its test instead of the suite. `whileRunning` sees the process
/// before it ends (to signal it, say).
@discardableResult
public func runProcess(_ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                       input: Data? = nil, timeout seconds: Double? = nil,
                       whileRunning: ((Process) throws -> Void)? = nil) throws -> ProcessOutput {
    let process = Process()
    if executable.contains("/") {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
    }
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let out = try TemporaryOutput(), err = try TemporaryOutput()
    process.standardOutput = out.handle
    process.standardError = err.handle
    let stdin = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : stdin
    try process.run()
    if let input {
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
    }
    if let whileRunning { try whileRunning(process) }
    if let seconds {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            process.terminate()
            let grace = Date().addingTimeInterval(10)
            while process.isRunning, Date() < grace { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw ProcessTimedOut(command: ([executable] + arguments).joined(separator: " "), seconds: seconds)
        }
    }
    process.waitUntilExit()
    return ProcessOutput(status: process.terminationStatus, stdoutData: try out.contents(), stderrData: try err.contents(),
                         signalled: process.terminationReason == .uncaughtSignal)
}

/// A process that ran past its time limit.
public struct ProcessTimedOut: Error, CustomStringConvertible {
    public var command: String
    public var seconds: Double
    public var description: String { "\(command) ran longer than \(seconds) s and was killed" }
}

/// Runs a tool on PATH (poppler, qpdf, pdftotext) and returns stdout, stderr and the exit status.
@discardableResult
public func run(_ tool: String, _ arguments: [String]) throws -> (out: String, err: String, status: Int32) {
    let result = try runProcess(tool, arguments)
    return (result.stdout, result.stderr, result.status)
}

/// Runs a tool on a PDF (or any bytes) the test holds in memory: `data` is written to a
/// temporary file whose path replaces each "{}" argument. Returns the status and stdout.
public func runTool(_ tool: String, _ arguments: [String], on data: Data) throws -> (status: Int32, output: String) {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("quire-tool-input-\(UUID().uuidString)")
    try data.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try runProcess(tool, arguments.map { $0 == "{}" ? file.path : $0 })
    return (result.status, result.stdout)
}

/// A child's output file: created and unlinked at once, read back from the start when done.
private final class TemporaryOutput {
    let handle: FileHandle

    init() throws {
        var template = Array((FileManager.default.temporaryDirectory.path + "/quire-test-output-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    func contents() throws -> Data {
        try handle.seek(toOffset: 0)
        return try handle.readToEnd() ?? Data()
    }
}

/// One of the package's executables (`quire`, `quire-server`): SwiftPM puts them in the same
/// folder as the test binary (`.build/<triple>/debug/`). On Linux the test binary is a plain
/// executable, so `CommandLine.arguments[0]` and `Bundle.main` both name that folder; on
/// macOS the test bundle is an `.xctest` folder beside it.
public func builtExecutable(_ name: String) throws -> URL {
    var folders = [
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent(),
        Bundle.main.bundleURL,
        Bundle.main.bundleURL.deletingLastPathComponent(),
    ]
    folders += Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }.map { $0.deletingLastPathComponent() }
    for folder in folders {
        let candidate = folder.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
           FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
    }
    throw MissingExecutable(name: name, folders: folders.map(\.path))
}

/// A package executable the tests need was not built.
public struct MissingExecutable: Error, CustomStringConvertible {
    public var name: String
    public var folders: [String]
    public var description: String {
        "the \(name) executable was not found beside the test binary (looked in \(folders)); build it with `swift build` before `swift test`"
    }
}

/// Positions in `expected` that cannot be matched, in order, within `actual`; empty when
/// every expected word appears in the same order (the "every word of the source reaches the
/// PDF" checks).
public func missingInOrder(_ expected: [String], in actual: [String]) -> [(index: Int, word: String)] {
    var missing: [(Int, String)] = []
    var cursor = actual.startIndex
    for (index, word) in expected.enumerated() {
        if let found = actual[cursor...].firstIndex(of: word) {
            cursor = actual.index(after: found)
        } else {
            missing.append((index, word))
        }
    }
    return missing
}

/// Why a test cannot run when python3 lacks `module`, as the command that fixes it; nil when
/// the module imports. `scripts/test.sh` installs every package the suite uses
/// (`scripts/python-requirements.txt`).
public func missingPythonModule(_ module: String, package: String) -> String? {
    if let result = try? runProcess("python3", ["-c", "import \(module)"]), result.status == 0 { return nil }
    return "python3 lacks the module '\(module)': install it with `python3 -m pip install \(package)` (bash scripts/test.sh installs every Python package the suite uses)"
}
