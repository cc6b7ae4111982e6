import Foundation
import QuireTestSupport
import QuireKit
import QuireModel
import QuirePangoCairo
import Testing

/// The example committee pack, public and full, read back with poppler and pikepdf.
@Suite("Committee packs")
struct PackTests {
    static let folder = repositoryRoot.appendingPathComponent("examples/county-council-2017-10-19")
    static let manifest = folder.appendingPathComponent("pack.yaml").path

    /// Renders the example pack once per edition and option set (rendering is the slow part).
    static func render(_ edition: PackEdition, print: Bool = false, supplement: Bool = false) throws -> String {
        let name = "pack-\(edition == .fullPack ? "full" : "public")\(print ? "-print" : "")\(supplement ? "-supplement" : "").pdf"
        let output = try scratchDirectory().appendingPathComponent(name).path
        _ = try typesetter.renderPack(manifest: manifest, root: folder.deletingLastPathComponent(), edition: edition, print: print, supplement: supplement, to: output)
        return output
    }

    /// `pdftotext` of each page, whitespace collapsed.
    static func pageTexts(_ pdf: String) throws -> [String] {
        let count = Int(try pdfInfo(pdf)["Pages"] ?? "0") ?? 0
        return try (1...count).map { page in
            try run("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"]).out
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    /// The sentences of a source's body (after its front matter).
    static func sentences(_ file: String) throws -> [String] {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        let body = text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n")
        return body.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .flatMap { $0.components(separatedBy: ". ") }
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { $0.count > 30 }
            .map { String($0.prefix(60)) }
    }

    @Test("the public pack leaks no sentence of an exempt paper or appendix, and says what was withheld")
    func noLeak() throws {
        let text = try Self.pageTexts(try Self.render(.publicPack)).joined(separator: " ")
        let exempt = try Self.sentences("exempt-land-disposal.md") + Self.sentences("appendix-b-case-review.md")
        #expect(exempt.count >= 6)
        for sentence in exempt { #expect(!text.contains(sentence), "leaked: \(sentence)") }
        #expect(text.contains("paragraph 3 of Part 1 of Schedule 12A"))
        #expect(text.contains("paragraph 2 of Part 1 of Schedule 12A"))
        // The open papers are all there.
        for sentence in try Self.sentences("papers/kscb-2016-17/paper.md").prefix(5) { #expect(text.contains(sentence), "\(sentence)") }
    }

    @Test("the full pack has the exempt content, banded on every page")
    func fullPack() throws {
        let pages = try Self.pageTexts(try Self.render(.fullPack))
        let text = pages.joined(separator: " ")
        for sentence in try Self.sentences("exempt-land-disposal.md") + Self.sentences("appendix-b-case-review.md") {
            #expect(text.contains(sentence), "missing: \(sentence)")
        }
        let banded = pages.filter { $0.contains("EXEMPT: NOT FOR PUBLICATION") }
        #expect(banded.count >= 2)
        #expect(banded.allSatisfy { $0.contains("Example Farm") || $0.contains("review") })
    }

    @Test("pages are numbered 1…N through every paper and appendix; the front sheet's ranges match where items land")
    func numbering() throws {
        let pages = try Self.pageTexts(try Self.render(.publicPack))
        for (index, page) in pages.enumerated() { #expect(page.hasSuffix("Page \(index + 1)") || page.contains("Page \(index + 1) "), "page \(index + 1): \(page.suffix(80))") }
        let front = pages[0] + " " + (pages.count > 1 ? pages[1] : "")
        var checked = 0
        for number in ["3", "4", "5", "6", "7"] {
            let stamp = "Agenda Item \(number)"
            guard let first = pages.firstIndex(where: { $0.contains(stamp) }) else { Issue.record("no page stamped \(stamp)"); continue }
            let next = pages[(first + 1)...].firstIndex { $0.contains("Agenda Item ") } ?? pages.count
            let range = next - first == 1 ? "(Page \(first + 1))" : "(Pages \(first + 1) - \(next))"
            #expect(front.contains(range), "item \(number) should read \(range)")
            checked += 1
        }
        #expect(checked == 5)
        // The minutes (an existing PDF) keep their text.
        #expect(pages.joined(separator: " ").contains("RESOLVED that the minutes of the meeting held on 18 May 2017"))
    }

    @Test("printing: every item starts on an odd page, blank pages say so, numbers stay continuous")
    func printMode() throws {
        let pages = try Self.pageTexts(try Self.render(.publicPack, print: true))
        let starts = pages.indices.filter { pages[$0].contains("Agenda Item ") }
        #expect(starts.count == 5)
        #expect(starts.allSatisfy { ($0 + 1) % 2 == 1 }, "\(starts.map { $0 + 1 })")
        let blanks = pages.filter { $0.contains("This page is intentionally left blank") }
        #expect(!blanks.isEmpty)
        for (index, page) in pages.enumerated() { #expect(page.contains("Page \(index + 1)")) }
    }

    @Test("the supplement holds only late items, numbered on from the main pack")
    func supplement() throws {
        let main = try Self.pageTexts(try Self.render(.publicPack))
        let pdf = try Self.render(.publicPack, supplement: true)
        let pages = try Self.pageTexts(pdf)
        // The PDF's page labels are the printed numbers.
        let labels = try run("python3", ["-c", "import pikepdf,sys; print(' '.join(str(p.label) for p in pikepdf.open(sys.argv[1]).pages))", pdf]).out
        #expect(labels.split(separator: " ").first.map(String.init) == String(main.count + 1), "\(labels)")
        #expect(pages[0].contains("Supplementary agenda"))
        #expect(pages[0].contains("Page \(main.count + 1)"))
        #expect(pages.joined(separator: " ").contains("Twelve agency social workers"))
        #expect(!main.joined(separator: " ").contains("Twelve agency social workers"))
    }

    @Test("bookmarks per item and appendix; tagged, every paper's structure kept, fonts embedded")
    func navigation() throws {
        let pdf = try Self.render(.publicPack)
        let outline = try run("python3", ["-c", """
            import pikepdf, sys
            with pikepdf.open(sys.argv[1]) as p, p.open_outline() as o:
                def walk(items, depth):
                    for i in items:
                        print("  " * depth + i.title); walk(i.children, depth + 1)
                walk(o.root, 0)
            """, pdf]).out
        #expect(outline.contains("4. Kent Safeguarding Children Board Annual Report 2016/17"))
        #expect(outline.contains("  Appendix A: KSCB Business Plan 2017/18 (summary)"))
        #expect(outline.contains("  Appendix B: Serious case review summary"))
        let reading = try PDFReading(pdf)
        #expect(reading.marked)
        #expect(reading.unmarked == 0)
        #expect(reading.tree.filter { $0.role == "Part" }.count == 5)
        #expect(reading.tree.filter { $0.role == "Lbl" }.count > 20)
        #expect(reading.fonts.values.allSatisfy { $0 }, "\(reading.fonts)")
        #expect(try run("qpdf", ["--check", pdf]).status == 0)
    }

    @Test("an untagged PDF appendix is named in the pack's warnings; a tagged one is not")
    func untaggedAppendixWarned() throws {
        let output = try scratchDirectory().appendingPathComponent("pack.pdf").path
        let rendered = try typesetter.renderPack(manifest: Self.manifest, root: Self.folder.deletingLastPathComponent(), edition: .publicPack, to: output)
        let untagged = rendered.diagnostics.filter { $0.message.contains("is untagged") }
        #expect(untagged.contains { $0.message.contains("minutes-2017-07-20.pdf") }, "\(rendered.diagnostics)")
        #expect(untagged.allSatisfy { $0.location?.file == Self.manifest && ($0.location?.line ?? 0) > 0 })
        // Quire's own output is tagged; the ReportLab minutes are not.
        #expect(isTaggedPDF(try renderExample("kscb-2016-17")))
        #expect(!isTaggedPDF(Self.folder.appendingPathComponent("minutes-2017-07-20.pdf").path))
    }
}
