import Foundation
import HTTPTypes
import QuireLoopback
import QuireTestSupport
import Testing

/// Bad input gets the same message, file, line, field and hint from the service as from the
/// CLI, as a problem document with a 4xx status.
@Suite struct ProblemParityTests {
    static let front = "---\nby:\n  - name: A Person\n    role: Director\nto: Committee\ndate: 2017-01-01\nsubject: Test\nclassification: Unrestricted\nsummary: S\nrecommendation: R\n"

    /// Sources that are wrong in different ways, each with the problem kind expected.
    static let cases: [(name: String, source: String, kind: String)] = [
        ("yaml", "---\nsubject: [\n---\n\n# A\n\ntext\n", "yaml"),
        ("unknown-field", front + "subjet: Typo\n---\n\n# A\n\ntext\n", "unknownField"),
        ("missing-field", "---\nsubject: Only this\n---\n\n# A\n\ntext\n", "missingField"),
        ("bad-date", front.replacingOccurrences(of: "2017-01-01", with: "31/02/2017") + "---\n\n# A\n\ntext\n", "invalidValue"),
        ("unknown-layout", front + "layout: comittee-paper\n---\n\n# A\n\ntext\n", "layout"),
        ("empty-body", front + "---\n\n", "emptyBody"),
        ("missing-data", front + "data: [figures.yaml]\n---\n\n# A\n\n{{ cpp[2017] }}\n", "io"),
        ("escaping-data", front + "data: [../../etc/passwd]\n---\n\n# A\n\ntext\n", "io"),
        ("absolute-image", front + "---\n\n# A\n\n![A logo](/etc/passwd)\n", "invalidValue"),
    ]

    @Test func everyBadSourceIsAProblemWithTheCLIsMessageAndPlace() async throws {
        try await withService { server in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-parity-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            for (name, source, kind) in Self.cases {
                let file = "\(name).md"
                try Data(source.utf8).write(to: folder.appendingPathComponent(file))
                let cli = try runQuire(["render", file, "-o", "out.pdf"], in: folder)
                let reply = try await server.post("/v1/render", form: paperForm(Data(source.utf8), filename: file))
                #expect(cli.status == 2, "\(name): the CLI exits 2")
                #expect(reply.status == 422, "\(name): \(reply.status) \(reply.text)")
                guard let problem = reply.problem else {
                    Issue.record("\(name): no problem document: \(reply.text)")
                    continue
                }
                #expect(problem.kind == kind, "\(name)")
                #expect(problem.status == 422)
                // The CLI's line is `file:line: error: field 'x': message` then `  hint: …`.
                // Several problems of one run: each in turn, as the problem's `errors` list them.
                let expected = ([problem] + (problem.errors ?? [])).map { problem in
                    var entry = ""
                    if let file = problem.file { entry += file + (problem.line.map { ":\($0)" } ?? "") + ": " }
                    entry += "error: " + (problem.field.map { "field '\($0)': " } ?? "") + problem.detail
                    if let hint = problem.hint { entry += "\n  hint: " + hint }
                    return entry
                }.joined(separator: "\n")
                let cliMessage = cli.stderr.trimmingCharacters(in: .newlines)
                #expect(cliMessage == expected.replacingOccurrences(of: "looked in the uploaded files", with: "looked in \(folder.path)"),
                        "\(name): the service's problem says what the CLI says")
            }
        }
    }

    @Test func requestsThatCannotBeReadAre400or415() async throws {
        try await withService { server in
                        // Not multipart or JSON.
            let plain = try await server.send(.post, "/v1/render", headers: [("Content-Type", "text/plain")], body: Data("x".utf8))
            #expect(plain.status == 415 && plain.problem?.kind == "unsupported-media-type")
            // A form without the paper.
            var form = MultipartForm()
            form.add("figures.yaml", filename: "figures.yaml", Data("a: 1".utf8))
            let noPaper = try await server.post("/v1/render", form: form)
            #expect(noPaper.status == 400 && noPaper.problem?.field == "paper")
            // A form cut short.
            let cut = try await server.send(.post, "/v1/render",
                                            headers: [("Content-Type", "multipart/form-data; boundary=xyz")],
                                            body: Data("--xyz\r\nContent-Disposition: form-data; name=\"paper\"\r\n\r\nhalf a paper".utf8))
            #expect(cut.status == 400)
            // JSON that is not JSON, and JSON without the paper.
            for body in ["{\"paper\": ", "[1, 2]", "{\"paper\": 12}"] {
                let reply = try await server.send(.post, "/v1/render", headers: [("Content-Type", "application/json")], body: Data(body.utf8))
                #expect(reply.status == 400, "\(body)")
            }
            // A query that is not understood.
            let format = try await server.post("/v1/render?format=gif", form: paperForm(try contents(examplePaper)))
            #expect(format.status == 400 && format.problem?.field == "format")
        }
    }

    @Test func uploadedPathsThatLeaveTheUploadAreRefused() async throws {
        try await withService { server in
            let source = try contents(examplePaper)
            for path in ["../../etc/passwd", "/etc/passwd", "a/../../b", "./x", "a//b", "nul\u{0}byte"] {
                let reply = try await server.post("/v1/render", form: paperForm(source, files: [(path, Data("x".utf8))]))
                #expect(reply.status == 400, "\(path)")
                #expect(reply.problem?.kind == "path", "\(path)")
            }
            // A pack naming a PDF outside its folder.
            var form = MultipartForm()
            form.add("manifest", filename: "pack.yaml", Data("""
                meeting:
                  committee: Test
                  date: 2017-10-19
                items:
                  - number: 1
                    title: Secrets
                    pdf: ../../../etc/passwd
                """.utf8))
            let pack = try await server.post("/v1/packs", form: form)
            #expect(pack.status == 422)
            #expect(pack.problem?.file == "pack.yaml" && pack.problem?.line == 5 && pack.problem?.field == "pdf")
            #expect(!pack.text.contains("root:"))
        }
    }
}

/// Runs the built `quire` in `folder`; returns its status and stderr.
func runQuire(_ arguments: [String], in folder: URL) throws -> (status: Int32, stderr: String) {
    let result = try runProcess(try quireExecutable().path, arguments, in: folder, environment: ["QUIRE_HOME": repositoryRoot.path])
    return (result.status, result.stderr)
}
