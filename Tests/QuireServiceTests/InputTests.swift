import Foundation
import QuireLoopback
import Testing

/// Ordinary input through the service: a Windows-saved source renders as its Linux copy
/// does; every warning (parsing's and layout's, a pack's papers' too) reaches the
/// Quire-Warning headers; a table row missing a cell is a problem naming its line.
@Suite struct InputTests {
    static let source = """
        ---
        by: [{name: Jane Smith, role: Corporate Director}]
        to: Cabinet
        date: 2024-03-05
        subject: Test paper
        classification: Unrestricted
        summary: A summary.
        recommendation: NOTE the report.
        ---

        # Introduction

        The first paragraph.

        1.1 The largest pressure is on the budget for placements.

        2. The Board met four times.

        """

    func windows(_ text: String) -> Data {
        Data(("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")).utf8)
    }

    func warnings(_ reply: HTTPReply) -> [String] {
        reply.headers.filter { $0.name.caseInsensitiveCompare("Quire-Warning") == .orderedSame }.map(\.value)
    }

    @Test func aWindowsSavedSourceRendersTheSamePDFWithItsWarnings() throws {
        let server = try ServerProcess()
        let lf = try server.post("/v1/render", form: paperForm(Data(Self.source.utf8)))
        let crlf = try server.post("/v1/render", form: paperForm(windows(Self.source)))
        #expect(lf.status == 200 && crlf.status == 200, "\(crlf.text.prefix(300))")
        #expect(lf.body == crlf.body)
        for reply in [lf, crlf] {
            let found = warnings(reply)
            #expect(found.count == 2, "\(found)")
            #expect(found.first?.hasPrefix("paper.md:15: warning: this paragraph starts with '1.1'") == true, "\(found)")
            #expect(found.first?.contains("it prints as '(2) 1.1 The largest pressure") == true)
            #expect(found.last?.hasPrefix("paper.md:17: warning: this list starts at 2") == true, "\(found)")
        }
        // The same warnings with one page as PNG.
        let png = try server.post("/v1/render?format=png&page=1&dpi=30", form: paperForm(windows(Self.source)))
        #expect(png.status == 200)
        #expect(warnings(png) == warnings(lf))
    }

    @Test func aShortTableRowIsAProblemNamingItsLine() throws {
        let server = try ServerProcess()
        let source = Self.source + "\n| Year | Forecast | Actual |\n|---|--:|--:|\n| 2016 | 1,049 | 1,050 |\n| 2017 | 1,185 |\n"
        let reply = try server.post("/v1/render", form: paperForm(windows(source)))
        #expect(reply.status == 422)
        #expect(reply.problem?.line == 22, "\(reply.text)")
        #expect(reply.problem?.file == "paper.md")
        #expect(reply.problem?.detail.contains("2 cells; its header has 3") == true)
    }

    @Test func aPacksPapersWarningsReachTheHeaders() throws {
        let server = try ServerProcess()
        let manifest = """
            meeting:
              committee: Cabinet
              date: 2024-03-05
            items:
              - number: 1
                title: Test paper
                paper: paper.md

            """
        var form = MultipartForm()
        form.add("manifest", filename: "pack.yaml", windows(manifest))
        form.add("paper.md", filename: "paper.md", windows(Self.source))
        let reply = try server.post("/v1/packs", form: form)
        #expect(reply.status == 200, "\(reply.text.prefix(400))")
        let found = warnings(reply)
        #expect(found.contains { $0.hasPrefix("paper.md:15: warning: this paragraph starts with '1.1'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("paper.md:17: warning: this list starts at 2") }, "\(found)")
    }
}
