import Foundation
import QuireTestSupport
import Testing

@testable import QuireCheck

/// `quire check` on PDFs exactly as Quire wrote them before issue 17
/// (Tests/Fixtures/accessibility/before): each defect independent validators found there is
/// a failing check, by name and reason.
@Suite("quire check on the files of before issue 17")
struct BeforeIssue17Tests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/accessibility/before")

    func check(_ name: String, _ file: String) throws -> AccessibilityCheck {
        let report = try inspectPDF(at: Self.folder.appendingPathComponent(file).path)
        return try #require(report.checks.first { $0.name == name })
    }

    @Test("a Type 2 CID font without /CIDToGIDMap fails fonts")
    func cidToGIDMap() throws {
        let fonts = try check("fonts", "welsh-figures-pdfa.pdf")
        #expect(fonts.status == .fail)
        #expect(fonts.detail.contains("CIDToGIDMap"), "\(fonts.detail)")
    }

    @Test("contents links that go nowhere, with their words outside their Link, held by a TOCI, fail links")
    func contentsLinks() throws {
        let links = try check("links", "kscb-annual-report.pdf")
        #expect(links.status == .fail)
        for reason in ["go nowhere", "words outside", "TOCI"] { #expect(links.detail.contains(reason), "\(links.detail)") }
    }

    @Test("the pack's front-sheet links go nowhere: links fails")
    func packLinks() throws {
        let links = try check("links", "small-pack.pdf")
        #expect(links.status == .fail)
        #expect(links.detail.contains("go nowhere"), "\(links.detail)")
    }

    @Test("figures without /BBox fail attributes")
    func figureBoxes() throws {
        let attributes = try check("attributes", "kscb-annual-report.pdf")
        #expect(attributes.status == .fail)
        #expect(attributes.detail.contains("figures without /BBox"), "\(attributes.detail)")
    }

    @Test("lists whose items have labels but no /ListNumbering fail attributes; a list without labels needs none")
    func listNumbering() throws {
        let attributes = try check("attributes", "welsh-figures-pdfa.pdf")
        #expect(attributes.status == .fail)
        #expect(attributes.detail.contains("labelled lists without /ListNumbering"), "\(attributes.detail)")
        // LibreOffice's tagged export: a bulleted list, its bullets inside the item's text, no Lbl.
        let unlabelled = try inspectPDF(at: Self.folder.deletingLastPathComponent().appendingPathComponent("tagged-appendix/capital-programme.pdf").path)
        let check = try #require(unlabelled.checks.first { $0.name == "attributes" })
        #expect(check.status == .pass, "\(check.detail)")
    }

    @Test("a chart's caption beside its Figure, not inside it, fails figures")
    func captionBeside() throws {
        let figures = try check("figures", "kscb-annual-report.pdf")
        #expect(figures.status == .fail)
        #expect(figures.detail.contains("2 of 3 figures with their caption beside them"), "\(figures.detail)")
    }

    @Test("a pack whose agenda items open with no heading (their stamps were artifacts) fails headings")
    func partsWithoutHeadings() throws {
        let headings = try check("headings", "small-pack.pdf")
        #expect(headings.status == .fail)
        #expect(headings.detail.contains("2 of 2 parts do not open with a heading"), "\(headings.detail)")
    }

    @Test("no pdfuaid claim fails pdfua", arguments: ["kscb-annual-report.pdf", "welsh-figures-pdfa.pdf", "small-pack.pdf"])
    func noClaim(file: String) throws {
        let pdfua = try check("pdfua", file)
        #expect(pdfua.status == .fail)
        #expect(pdfua.detail.contains("not claimed"))
    }
}
