import Foundation
import QuireLoopback
import QuireSystem
import QuireTestSupport
import Testing

/// The paper the preview page starts with and the benchmark renders (3 pages).
let examplePaper = repositoryRoot.appendingPathComponent("assets/service/example-paper.md")
let examplesFolder = repositoryRoot.appendingPathComponent("examples")

func contents(_ url: URL) throws -> Data { try Data(contentsOf: url) }

/// A paper source with its files as one multipart form, as `curl -F` sends it.
func paperForm(_ source: Data, filename: String = "paper.md", files: [(String, Data)] = [], fields: [(String, String)] = []) -> MultipartForm {
    var form = MultipartForm()
    form.add("paper", filename: filename, source)
    for (path, data) in files { form.add(path, filename: (path as NSString).lastPathComponent, data) }
    for (name, value) in fields { form.add(name, Data(value.utf8)) }
    return form
}

extension ServerProcess {
    /// POSTs a form to `path` and returns the answer.
    func post(_ path: String, form: MultipartForm, timeout: Double = 120) throws -> HTTPReply {
        try LoopbackHTTP.send(port: port, method: "POST", path: path, headers: [("Content-Type", form.contentType)], body: form.finished, timeout: timeout)
    }

    func post(_ path: String, json: Any) throws -> HTTPReply {
        try LoopbackHTTP.send(port: port, method: "POST", path: path, headers: [("Content-Type", "application/json")],
                              body: try JSONSerialization.data(withJSONObject: json))
    }

    func get(_ path: String) throws -> HTTPReply { try LoopbackHTTP.send(port: port, path: path) }

    /// The value of a metric line such as `quire_renders_in_flight`, read from /metrics.
    func metric(_ name: String) throws -> Double? {
        let text = String(decoding: try get("/metrics").body, as: UTF8.self)
        return text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
    }

    /// Waits until `condition` holds (polling), up to `timeout` seconds.
    func wait(timeout: Double = 30, until condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            usleep(20_000)
        }
        return false
    }
}

/// The problem document of an error answer.
struct ProblemDocument: Decodable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var file: String?
    var line: Int?
    var field: String?
    var hint: String?
    var retryAfter: Int?
    /// Further problems of the same run.
    var errors: [ProblemDocument]?

    var kind: String { String(type.split(separator: ":").last ?? "") }
}

extension HTTPReply {
    var problem: ProblemDocument? {
        guard header("Content-Type") == "application/problem+json" else { return nil }
        return try? JSONDecoder().decode(ProblemDocument.self, from: body)
    }

    var isPDF: Bool { body.starts(with: Array("%PDF-".utf8)) && body.suffix(16).range(of: Data("%%EOF".utf8)) != nil }
    var isPNG: Bool { body.starts(with: [0x89, 0x50, 0x4E, 0x47]) }
    var text: String { String(decoding: body, as: UTF8.self) }
}


/// The words of a PDF's text, as pdftotext extracts it.
func pdfWords(_ data: Data) throws -> [String] {
    try runTool("pdftotext", ["-enc", "UTF-8", "{}", "-"], on: data).output.split(whereSeparator: \.isWhitespace).map(String.init)
}

/// Runs work on `count` threads at once (real concurrency for blocking socket calls).
func onThreads<T: Sendable>(_ count: Int, _ work: @escaping @Sendable (Int) -> T) -> [T] {
    let results = Locked([T?](repeating: nil, count: count))
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            let value = work(index)
            results.withLock { $0[index] = value }
            group.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
    return results.value.map { $0! }
}
