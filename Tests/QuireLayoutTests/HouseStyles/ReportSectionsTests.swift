@testable import QuireLayout
import QuireModel
import QuirePages
import Testing

/// Report sections a layout requires or inserts, in its order, with the text a missing one gets.
@Suite("Report sections")
struct ReportSectionsTests {
    let layoutText = """
        sections:
          - {title: Financial implications, missing: "None arising."}
          - {title: Legal implications, missing: "None arising."}
          - {title: Equalities implications, required: true}
          - {title: Appendices, missing: "None."}
        """

    func titles(_ paper: Paper) -> [String] {
        paper.body.compactMap { if case .heading(1, let inlines, _) = $0 { inlines.plainText } else { nil } }
    }

    @Test("missing sections go in the layout's order around the ones the body has; required ones are never made up")
    func insertedInOrder() throws {
        let t = try theme(layoutText)
        let p = try paper("# Introduction\n\nText.\n\n# Legal implications\n\nThe council may.\n\n# Conclusion\n\nEnd.\n")
        let out = insertReportSections(p, theme: t)
        #expect(titles(out) == ["Introduction", "Financial implications", "Legal implications", "Conclusion", "Appendices"])
        #expect(t.missingSections(in: p.body).map(\.title) == ["Financial implications", "Equalities implications", "Appendices"])
        let lines = allLines(layout(out, t).document)
        #expect(lines.contains("2. Financial implications") && lines.contains("(1) None arising."))
        #expect(lines.contains("5. Appendices") && lines.contains("(1) None."))
        #expect(!lines.contains { $0.contains("Equalities") })
    }

    @Test("a body section of that title in any case, or with a colon, is the section")
    func matchesTitles() throws {
        let t = try theme(layoutText)
        let p = try paper("# FINANCIAL IMPLICATIONS:\n\nSome.\n\n# legal implications\n\nSome.\n\n# Appendices\n\nA.\n")
        #expect(titles(insertReportSections(p, theme: t)) == titles(p))
    }

    @Test("with no section of the layout's in the body, the missing ones follow the body's own")
    func atTheEnd() throws {
        let out = insertReportSections(try paper("# Introduction\n\nText.\n"), theme: try theme(layoutText))
        #expect(titles(out) == ["Introduction", "Financial implications", "Legal implications", "Appendices"])
    }

    @Test("titles and texts by language follow the paper's")
    func inWelsh() throws {
        let t = try theme("sections:\n  - title: {en-GB: Legal implications, cy: Goblygiadau cyfreithiol}\n    missing: {en-GB: None., cy: Dim.}\n")
        let p = try paper("# Cyflwyniad\n\nTestun.\n", adding: "language: cy")
        let out = insertReportSections(p, theme: t.resolved(for: p.frontMatter))
        #expect(titles(out) == ["Cyflwyniad", "Goblygiadau cyfreithiol"])
        #expect(out.body.last == .paragraph([.text("Dim.")], line: 13))
    }
}
