import Foundation
import QuireTestSupport
import Testing

/// The checkout holding examples/ and layouts/.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func example(_ name: String) -> URL {
    repositoryRoot.appendingPathComponent("examples/\(name)/paper.md")
}

let examples = ["kscb-2012-13", "kscb-2016-17"]

/// The built `quire` executable, beside the test binary.
func quireExecutable() throws -> URL { try builtExecutable("quire") }

/// What a finished `quire` run printed and returned.
typealias RunResult = ProcessOutput

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
        try runProcess(try quireExecutable().path, arguments, in: work, environment: environment, whileRunning: whileRunning)
    }
}

extension Data {
    var isPDF: Bool { starts(with: Array("%PDF-".utf8)) }
    var isPNG: Bool { starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) }
}
