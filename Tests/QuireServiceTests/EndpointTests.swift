import Foundation
import HTTPTypes
import QuireLoopback
import QuireTestSupport
import Testing

/// Every endpoint, answered by a real `quire serve` over a real socket.
@Suite struct EndpointTests {
    @Test func renderReturnsThePaperAsAValidPDFWithEveryWord() async throws {
        try await withService { server in
            let source = try contents(examplesFolder.appendingPathComponent("kscb-2016-17/paper.md"))
            let reply = try await server.post("/v1/render", form: paperForm(source))
            #expect(reply.status == 200)
            #expect(reply.header("Content-Type") == "application/pdf")
            #expect(reply.header("Quire-Page-Count") == "4")
            #expect(reply.isPDF)
            #expect(try runTool("qpdf", ["--check", "{}"], on: reply.body).status == 0)
            // The same bytes as the CLI would write for the same source (renders are reproducible).
            let words = try pdfWords(reply.body).joined(separator: " ")
            for phrase in ["Kent Safeguarding Children Board", "Recommendation"] { #expect(words.contains(phrase)) }
        }
    }

    @Test func renderTakesJSONWithDataFilesAndGivesTheSamePDFAsTheForm() async throws {
        try await withService { server in
            let folder = examplesFolder.appendingPathComponent("kscb-annual-report")
            let source = try contents(folder.appendingPathComponent("paper.md"))
            let figures = try String(contentsOf: folder.appendingPathComponent("figures.yaml"), encoding: .utf8)
            let workforce = try contents(folder.appendingPathComponent("workforce.csv"))
            let json = try await server.post("/v1/render", json: [
                "paper": String(decoding: source, as: UTF8.self), "filename": "paper.md",
                "files": [["path": "figures.yaml", "content": figures],
                          ["path": "workforce.csv", "content": workforce.base64EncodedString(), "encoding": "base64"]],
            ] as [String: Any])
            #expect(json.status == 200)
            #expect(json.header("Quire-Page-Count") == "5")
            let form = try await server.post("/v1/render", form: paperForm(source, files: [("figures.yaml", Data(figures.utf8)), ("workforce.csv", workforce)]))
            #expect(form.status == 200)
            #expect(json.body == form.body)
        }
    }

    @Test func pngFormatDrawsTheAskedPage() async throws {
        try await withService { server in
            let source = try contents(examplePaper)
            let reply = try await server.post("/v1/render?format=png&page=2&dpi=50", form: paperForm(source))
            #expect(reply.status == 200)
            #expect(reply.header("Content-Type") == "image/png")
            #expect(reply.header("Quire-Page-Count") == "3")
            #expect(reply.isPNG)
            // A4 at 50 dpi is 413.4 pixels wide, rounded up: the width sits at bytes 16–19 of the PNG header.
            let width = reply.body[16..<20].reduce(0) { $0 << 8 | Int($1) }
            #expect(width == 414)
            let beyond = try await server.post("/v1/render?format=png&page=9", form: paperForm(source))
            #expect(beyond.status == 422)
            #expect(beyond.problem?.field == "page")
        }
    }

    @Test func layoutOptionOverridesTheSourcesLayout() async throws {
        try await withService { server in
            let source = try contents(examplesFolder.appendingPathComponent("kscb-2016-17/paper.md"))
            let reply = try await server.post("/v1/render", form: paperForm(source, fields: [("layout", "no-such-style")]))
            #expect(reply.status == 422)
            #expect(reply.problem?.field == "layout")
            #expect(reply.problem?.hint?.contains("committee-paper") == true)
        }
    }

    @Test func packsEndpointRendersPublicAndFullEditionsFromTheUploadedFiles() async throws {
        try await withService { server in
            let folder = examplesFolder.appendingPathComponent("county-council-2017-10-19")
            var form = MultipartForm()
            form.add("manifest", filename: "pack.yaml", try contents(folder.appendingPathComponent("pack.yaml")))
            for path in try packFiles(in: folder) { form.add(path, filename: (path as NSString).lastPathComponent, try contents(folder.appendingPathComponent(path))) }
            let publicPack = try await server.post("/v1/packs", form: form)
            #expect(publicPack.status == 200, "\(publicPack.text.prefix(500))")
            #expect(publicPack.isPDF)
            let full = try await server.post("/v1/packs?mode=full&print=true", form: form)
            #expect(full.status == 200)
            let publicPages = Int(publicPack.header("Quire-Page-Count") ?? "") ?? 0
            let fullPages = Int(full.header("Quire-Page-Count") ?? "") ?? 0
            #expect(publicPages > 10 && fullPages > publicPages)
            // The public pack never carries the exempt paper's words.
            let exempt = try String(contentsOf: folder.appendingPathComponent("exempt-land-disposal.md"), encoding: .utf8)
            let sentence = exempt.split(separator: "\n").first { $0.count > 60 && !$0.contains(":") }.map(String.init) ?? ""
            let probe = sentence.split(separator: " ").prefix(6).joined(separator: " ")
            #expect(!probe.isEmpty)
            #expect(!(try pdfWords(publicPack.body).joined(separator: " ").contains(probe)))
            #expect(try pdfWords(full.body).joined(separator: " ").contains(probe))
            let badMode = try await server.post("/v1/packs?mode=secret", form: form)
            #expect(badMode.status == 400 && badMode.problem?.field == "mode")
        }
    }

    @Test func layoutsHealthMetricsAndOpenAPIAnswer() async throws {
        try await withService { server in
            let health = try await server.get("/healthz")
            #expect(health.status == 200 && health.text == #"{"status":"ok"}"#)
            let layouts = try JSONSerialization.jsonObject(with: try await server.get("/v1/layouts").body) as? [[String: String]] ?? []
            #expect(Set(layouts.compactMap { $0["name"] }).isSuperset(of: ["committee-paper", "cabinet-decision", "annual-report", "agenda"]))
            _ = try await server.post("/v1/render", form: paperForm(try contents(examplePaper)))
            _ = try await server.post("/v1/render", form: paperForm(Data("not a paper".utf8)))
            let metrics = try await server.get("/metrics")
            #expect(metrics.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = metrics.text
            #expect(text.contains(#"quire_http_requests_total{route="/v1/render",method="POST",status="200"} 1"#))
            #expect(text.contains(#"quire_http_requests_total{route="/v1/render",method="POST",status="422"} 1"#))
            #expect(text.contains(#"quire_render_duration_seconds_count{kind="paper"} 1"#))
            #expect(text.contains(#"quire_render_duration_seconds_bucket{kind="paper",le="+Inf"} 1"#))
            #expect(text.contains("quire_pages_rendered_total 3"))
            #expect(text.contains(#"quire_errors_total{kind=""#))
            #expect(try await server.metric("quire_renders_in_flight") == 0)
            let openAPI = try await server.get("/openapi.yaml")
            #expect(openAPI.status == 200 && openAPI.text.hasPrefix("openapi: 3.1"))
            let page = try await server.get("/")
            #expect(page.status == 200 && page.header("Content-Type")?.hasPrefix("text/html") == true)
            // The example is in the page, escaped.
            #expect(page.text.contains("Safeguarding performance &amp;") || page.text.contains("Safeguarding performance"))
        }
    }

    @Test func unknownRoutesAndMethodsAnswerProblems() async throws {
        try await withService { server in
            let missing = try await server.get("/v2/everything")
            #expect(missing.status == 404)
            #expect(missing.problem?.kind == "not-found")
            let wrongMethod = try await server.send(.delete, "/v1/render")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.header("Allow") == "POST")
            #expect(wrongMethod.problem?.kind == "method-not-allowed")
        }
    }
}

/// Every file below the pack folder but the manifest, by relative path (papers/ links followed).
func packFiles(in folder: URL) throws -> [String] {
    let manifest = try String(contentsOf: folder.appendingPathComponent("pack.yaml"), encoding: .utf8)
    var paths: [String] = []
    for line in manifest.split(separator: "\n") {
        for key in ["paper:", "pdf:", "source:"] {
            guard let range = line.range(of: key) else { continue }
            let value = line[range.upperBound...].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if !value.isEmpty { paths.append(value) }
        }
    }
    // A paper's own data files travel beside it.
    var withData = paths
    for path in paths where path.hasSuffix(".md") {
        let paper = folder.appendingPathComponent(path).resolvingSymlinksInPath()
        let text = (try? String(contentsOf: paper, encoding: .utf8)) ?? ""
        for name in ["figures.yaml", "workforce.csv"] where text.contains(name) {
            withData.append(((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name))
        }
    }
    return Array(Set(withData)).sorted()
}
