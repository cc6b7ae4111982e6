import Foundation
import QuireLoopback
import QuireTestSupport
import Testing

/// Many requests at once, and hostile ones among good ones: every request is answered, good
/// ones with valid PDFs, bad ones with the right 4xx; nothing crashes; memory comes back.
@Suite(.serialized) struct LoadAndFaultTests {
    typealias Job = (name: String, expected: Int, send: @Sendable () throws -> HTTPReply)

    @Test func twoHundredConcurrentRendersAllAnswerWithValidPDFs() throws {
        let server = try ServerProcess()
        let form = paperForm(try contents(examplePaper))
        let replies = onThreads(200) { _ in Result { try server.post("/v1/render", form: form, timeout: 300) } }
        let answered = replies.compactMap { try? $0.get() }
        #expect(answered.count == 200, "every request answered: \(replies.compactMap { if case .failure(let e) = $0 { "\(e)" } else { nil } }.prefix(3))")
        #expect(answered.allSatisfy { $0.status == 200 && $0.isPDF && $0.header("Quire-Page-Count") == "3" })
        // Every answer is the same document (reproducible under load), and a real tool accepts it.
        #expect(Set(answered.map(\.body)).count == 1)
        if let sample = answered.first { #expect(try runTool("qpdf", ["--check", "{}"], on: sample.body).status == 0) }
        #expect(try server.metric("quire_pages_rendered_total") == 600)
        #expect(server.process.isRunning)
    }

    /// Hostile and malformed requests with the status each must get.
    static func hostileRequests(port: Int) throws -> [Job] {
        let front = ProblemParityTests.front
        func render(_ source: Data, files: [(String, Data)] = []) -> @Sendable () throws -> HTTPReply {
            let form = paperForm(source, files: files)
            return { try LoopbackHTTP.send(port: port, method: "POST", path: "/v1/render", headers: [("Content-Type", form.contentType)], body: form.finished) }
        }
        var laughs = "---\n"
        laughs += "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (name, previous) in zip("bcdefghi", "abcdefgh") { laughs += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n" }
        laughs += "subject: *i\n---\n\n# A\n\ntext\n"
        let table = front + "---\n\n# Data\n\n| a | b |\n|---|--:|\n" + (0..<20_000).map { "| row \($0) | \($0) |" }.joined(separator: "\n") + "\n"
        var notAPDF = MultipartForm()
        notAPDF.add("manifest", filename: "pack.yaml", Data("meeting:\n  committee: Test\n  date: 2017-10-19\nitems:\n  - number: 1\n    title: Minutes\n    pdf: minutes.pdf\n".utf8))
        notAPDF.add("minutes.pdf", filename: "minutes.pdf", Data("%PDF-1.4 this is not really a PDF at all".utf8))
        let pack = notAPDF
        return [
            ("invalid UTF-8", 422, render(Data(front.utf8) + Data("---\n\n# A\n\n".utf8) + Data([0xC3, 0x28, 0xFF, 0xFE]))),
            ("10,000-level nested list", 422, render(Data((front + "---\n\n# A\n\n" + String(repeating: "- ", count: 10_000) + "x\n").utf8))),
            ("10,000-level nested quote", 422, render(Data((front + "---\n\n# A\n\n" + String(repeating: "> ", count: 10_000) + "x\n").utf8))),
            ("billion laughs", 422, render(Data(laughs.utf8))),
            ("huge table", 422, render(Data(table.utf8))),
            ("3 MB paragraph", 422, render(Data((front + "---\n\n# A\n\n" + String(repeating: "word ", count: 600_000) + "\n").utf8))),
            ("data path escaping", 422, render(Data((front + "data:\n  x: ../../../etc/passwd\n---\n\n# A\n\nt\n").utf8))),
            ("upload path escaping", 400, render(Data((front + "---\n\n# A\n\nt\n").utf8), files: [("../../x", Data("x".utf8))])),
            ("PDF appendix that is not a PDF", 422, {
                try LoopbackHTTP.send(port: port, method: "POST", path: "/v1/packs", headers: [("Content-Type", pack.contentType)], body: pack.finished)
            }),
            ("oversized body", 413, render(Data(repeating: 0x78, count: 5 * 1024 * 1024))),
            ("truncated multipart", 400, {
                try LoopbackHTTP.send(port: port, method: "POST", path: "/v1/render", headers: [("Content-Type", "multipart/form-data; boundary=b")],
                                      body: Data("--b\r\nContent-Disposition: form-data; name=\"paper\"\r\n\r\n---\n".utf8))
            }),
            ("broken JSON", 400, {
                try LoopbackHTTP.send(port: port, method: "POST", path: "/v1/render", headers: [("Content-Type", "application/json")], body: Data("{\"paper\":".utf8))
            }),
            ("wrong content type", 415, {
                try LoopbackHTTP.send(port: port, method: "POST", path: "/v1/render", headers: [("Content-Type", "image/gif")], body: Data("GIF89a".utf8))
            }),
            ("garbage request line", 400, { try LoopbackHTTP.sendRaw(port: port, bytes: Data("\u{1}\u{2} NOT HTTP\r\n\r\n".utf8)) }),
        ]
    }

    @Test func hostileRequestsGetTheRight4xxWhileGoodOnesSucceed() throws {
        let server = try ServerProcess(["--max-body-mib", "4", "--max-pages", "200"])
        let good = paperForm(try contents(examplePaper))
        let port = server.port
        // Warm up, then note memory.
        for _ in 0..<10 { _ = try server.post("/v1/render", form: good) }
        let before = server.residentBytes()
        let hostile = try Self.hostileRequests(port: port)
        // Each hostile request three times, interleaved with good ones, four threads at once.
        let jobs: [Job] = (0..<3).flatMap { _ in
            hostile.flatMap { job -> [Job] in
                [job, ("good", 200, { @Sendable in
                    try LoopbackHTTP.send(port: port, method: "POST", path: "/v1/render", headers: [("Content-Type", good.contentType)], body: good.finished)
                })]
            }
        }
        let outcomes: [(String, Int, Result<HTTPReply, any Error>)] = onThreads(4) { worker in
            stride(from: worker, to: jobs.count, by: 4).map { index -> (String, Int, Result<HTTPReply, any Error>) in
                (jobs[index].name, jobs[index].expected, Result { try jobs[index].send() })
            }
        }.flatMap { $0 }
        for (name, expected, outcome) in outcomes {
            switch outcome {
            case .success(let reply):
                #expect(reply.status == expected, "\(name): \(reply.status) \(reply.text.prefix(300))")
                if expected == 200 { #expect(reply.isPDF, "\(name)") } else if name != "garbage request line" {
                    #expect(reply.problem != nil, "\(name): answered with a problem document")
                }
            case .failure(let error):
                Issue.record("\(name): no answer (\(error))")
            }
        }
        #expect(server.process.isRunning, "the server is still up: \(server.output.suffix(3000))")
        guard server.process.isRunning else { return }
        for _ in 0..<10 { #expect(try server.post("/v1/render", form: good).status == 200) }
        let after = server.residentBytes()
        print("service memory: \(before / 1_048_576) MiB after warm-up, \(after / 1_048_576) MiB after \(jobs.count) mixed requests")
        #expect(after < before + 96 * 1024 * 1024, "memory went from \(before / 1_048_576) MiB to \(after / 1_048_576) MiB")
    }
}
