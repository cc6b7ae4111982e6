import Testing
@testable import QuireCheck
import QuirePDFSyntax
import QuireTestSupport

/// `inspectPDF` on hand-written documents: each check passing and failing for its reason.
@Suite struct InspectPDFTests {
    func report(_ pdf: MiniPDF, requirePDFA: Bool = false) throws -> AccessibilityReport {
        try pdf.inspect(requirePDFA: requirePDFA)
    }

    func status(_ report: AccessibilityReport) -> [String: AccessibilityCheck.Status] {
        Dictionary(uniqueKeysWithValues: report.checks.map { ($0.name, $0.status) })
    }

    func check(_ name: String, _ report: AccessibilityReport) -> AccessibilityCheck? {
        report.checks.first { $0.name == name }
    }

    @Test("the checks come in the documented order")
    func order() throws {
        let names = try report(Fixtures.untagged()).checks.map(\.name)
        #expect(names == ["tagged", "language", "title", "headings", "tables", "figures", "artifacts", "fonts", "links", "attributes", "pdfa", "pdfua"])
    }

    @Test("an untagged PDF fails tagged and artifacts (and language, title, headings)")
    func untagged() throws {
        let report = try report(Fixtures.untagged())
        let status = status(report)
        #expect(status["tagged"] == .fail)
        #expect(status["artifacts"] == .fail)
        #expect(status["language"] == .fail && status["title"] == .fail && status["headings"] == .fail)
        #expect(status["tables"] == .pass && status["figures"] == .pass)
        #expect(status["pdfa"] == .info)
        #expect(check("artifacts", report)?.detail == "2 of 2 drawing operations neither tagged nor artifact, first on p.1")
        #expect(report.tree.isEmpty)
        #expect(!report.passed)
    }

    @Test("a well-tagged PDF passes everything but fonts, as its Helvetica is not embedded")
    func tagged() throws {
        let report = try report(Fixtures.Tagged().pdf())
        let failing = report.checks.filter { $0.status == .fail }
        #expect(failing.map(\.name) == ["fonts"], "\(report.checks)")
        #expect(check("fonts", report)?.detail == "1 of 1 fonts not embedded: Helvetica")
        #expect(check("tagged", report)?.detail == "structure tree with 8 elements")
        #expect(check("language", report)?.detail == "en-GB")
        #expect(check("title", report)?.detail.contains("\"Budget report\"") == true)
        #expect(check("headings", report)?.detail == "1 heading, H1, nested")
        #expect(check("artifacts", report)?.detail == "8 drawing operations: 6 tagged, 2 artifact")
        #expect(check("pdfa", report)?.status == .info)
        #expect(!report.passed)
    }

    @Test("the structure tree: standard roles, depth, page, alt and text read through /ToUnicode")
    func tree() throws {
        let tree = try report(Fixtures.Tagged().pdf()).tree
        let rows = tree.map { "\($0.depth) \($0.role) \($0.page.map(String.init) ?? "-") \($0.alt ?? "-") \($0.text)" }
        #expect(rows == [
            "0 Document 1 - Budget report The budget is fine Item Cost",
            "1 H1 1 - Budget report",
            "1 P 1 - The budget is fine",
            "1 Table 1 - Item Cost",
            "2 TR 1 - Item Cost",
            "3 TH 1 - Item",
            "3 TD 1 - Cost",
            "1 Figure 1 A bar chart of costs ",
        ])
    }

    @Test("a heading one level too deep (H1 → H3) fails headings")
    func headingJump() throws {
        let report = try report(Fixtures.Tagged(secondHeadingRole: "H3").pdf())
        let headings = try #require(check("headings", report))
        #expect(headings.status == .fail)
        #expect(headings.detail.contains("H1 → H3"), "\(headings.detail)")
        #expect(headings.detail.contains("The budget is fine"))
    }

    @Test("a figure without /Alt fails figures")
    func figureWithoutAlt() throws {
        let report = try report(Fixtures.Tagged(figureAlt: nil).pdf())
        #expect(check("figures", report)?.status == .fail)
        #expect(check("figures", report)?.detail.hasPrefix("1 of 1 figures without /Alt") == true)
        #expect(report.tree.last?.alt == nil)
    }

    @Test("a table without a TH cell fails tables")
    func tableWithoutHeader() throws {
        let report = try report(Fixtures.Tagged(headerCellRole: "TD").pdf())
        #expect(check("tables", report)?.status == .fail)
        #expect(check("tables", report)?.detail == "1 of 1 tables without a TH cell, first \"Item Cost\" on p.1")
    }

    @Test("no title fails title")
    func noTitle() throws {
        #expect(check("title", try report(Fixtures.Tagged(withTitle: false).pdf()))?.status == .fail)
    }

    @Test("PDF/A: a claim with an output intent and agreeing titles passes, in either XMP form")
    func pdfaClaim() throws {
        for attributes in [true, false] {
            let pdfa = try #require(check("pdfa", try report(Fixtures.pdfa(attributes: attributes))))
            #expect(pdfa.status == .pass)
            #expect(pdfa.detail == "PDF/A-2B, output intent sRGB IEC61966-2.1")
        }
        let title = try #require(check("title", try report(Fixtures.pdfa())))
        #expect(title.status == .fail && title.detail.contains("DisplayDocTitle"))
    }

    @Test("PDF/A: a claim fails without an output intent or with titles that differ")
    func pdfaClaimBroken() throws {
        let noIntent = try #require(check("pdfa", try report(Fixtures.pdfa(outputIntent: false))))
        #expect(noIntent.status == .fail && noIntent.detail.contains("GTS_PDFA1"))
        let titles = try #require(check("pdfa", try report(Fixtures.pdfa(xmpTitle: "Budget &amp; report"))))
        #expect(titles.status == .fail)
        #expect(titles.detail.contains("\"Budget & report\" differs from Info /Title \"Budget report\""), "\(titles.detail)")
    }

    @Test("PDF/A: not claimed is info, or a failure when required")
    func pdfaNotClaimed() throws {
        #expect(check("pdfa", try report(Fixtures.untagged()))?.status == .info)
        #expect(check("pdfa", try report(Fixtures.untagged(), requirePDFA: true))?.status == .fail)
        #expect(check("pdfa", try report(Fixtures.pdfa(), requirePDFA: true))?.status == .pass)
    }
}
