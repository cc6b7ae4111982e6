import Foundation
import QuireKit
import QuireModel
import QuireTestSupport
import Testing

/// A tagged PDF appendix keeps its structure inside a pack: its elements hang under the item's
/// `Part`, in a `Sect` headed by the appendix's title, with their marked content, links and
/// role map; an untagged one is wrapped the same way and named in the warnings. The fixture
/// is a Word document exported by LibreOffice as a tagged PDF
/// (Tests/Fixtures/accessibility/tagged-appendix/generate.py).
@Suite("Tagged PDF appendices in packs")
struct TaggedAppendixTests {
    static let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures/accessibility/tagged-appendix")
    static let manifest = folder.appendingPathComponent("pack.yaml").path
    static let appendix = folder.appendingPathComponent("capital-programme.pdf").path

    static func render(pdfa: Bool = false) throws -> (pdf: String, diagnostics: [Diagnostic]) {
        let output = try scratchDirectory().appendingPathComponent(pdfa ? "tagged-pack-pdfa.pdf" : "tagged-pack.pdf").path
        let rendered = try typesetter.renderPack(manifest: manifest, root: folder, edition: .publicPack, pdfa: pdfa, to: output)
        return (output, rendered.diagnostics)
    }

    /// The roles of an element's subtree, indented by depth below it.
    static func subtree(_ tree: [PDFReading.Element], at index: Int) -> [String] {
        let depth = tree[index].depth
        let end = tree[(index + 1)...].firstIndex { $0.depth <= depth } ?? tree.count
        return tree[index..<end].map { String(repeating: " ", count: $0.depth - depth) + $0.role }
    }

    @Test("the appendix's headings, table header cells and list are in the pack, under the item's Part, after a heading with its title")
    func structureCarried() throws {
        let (pdf, diagnostics) = try Self.render()
        let pack = try PDFReading(pdf), source = try PDFReading(Self.appendix)
        #expect(pack.unmarked == 0)
        let parts = pack.tree.indices.filter { pack.tree[$0].role == "Part" }
        #expect(parts.count == 2)
        // Every Part opens with its item's heading.
        for part in parts { #expect(pack.tree[part + 1].role == "H1") }
        let sections = pack.tree.indices.filter { pack.tree[$0].role == "Sect" && pack.tree[$0].depth == pack.tree[parts[1]].depth + 1 }
        let appendix = try #require(sections.last)
        let carried = Self.subtree(pack.tree, at: appendix)
        // The Sect: the title heading, then the source's elements below its Document, in order.
        let document = try #require(source.tree.firstIndex { $0.role == "Document" })
        let expected = Self.subtree(source.tree, at: document).dropFirst().map { String($0.dropFirst()) }
        #expect(carried.first == "Sect" && carried.dropFirst().first == " H1")
        #expect(Array(carried.dropFirst(2)) == expected.map { " " + $0 }, "\(carried)")
        #expect(carried.filter { $0.trimmingCharacters(in: .whitespaces) == "TH" }.count == 5)
        // Its marked content came with it: as many content items as the source had.
        let end = appendix + carried.count
        let carriedContent: Int = pack.tree[(appendix + 2)..<end].map(\.mcids).reduce(0, +)
        let sourceContent: Int = source.tree.map(\.mcids).reduce(0, +)
        #expect(carriedContent == sourceContent)
        // The untagged minutes are said to be so; the tagged appendix is not.
        #expect(diagnostics.contains { $0.message.contains("minutes-2017-07-20.pdf") && $0.message.contains("untagged") })
        #expect(!diagnostics.contains { $0.message.contains("capital-programme.pdf") }, "\(diagnostics)")
    }

    @Test("every word of the appendix is in the pack, on its page, below the appendix's title")
    func everyWord() throws {
        let (pdf, _) = try Self.render()
        let pages = try PackTests.pageTexts(pdf)
        let words = try run("pdftotext", [Self.appendix, "-"]).out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let last = try #require(pages.last)
        #expect(last.hasPrefix("Appendix A: Capital programme 2025/26, schemes by service"), "\(last.prefix(80))")
        #expect(last.contains(words), "\(last)")
    }

    @Test("independent checkers and the PDF/UA-1 and PDF/A-2b rules pass the pack, as PDF and as PDF/A")
    func checkersPass() throws {
        for pdfa in [false, true] {
            let (pdf, _) = try Self.render(pdfa: pdfa)
            let complaints = try IndependentCheckerTests.complaints(pdf)
            #expect(complaints.isEmpty, "\(pdfa ? "--pdfa: " : "")\(complaints)")
            let rules = try ValidationRuleTests.validate(pdf, pdfa: pdfa)
            #expect(rules.failures.isEmpty, "\(pdfa ? "--pdfa: " : "")\(rules.failures)")
            let report = try run(try builtExecutable("quire").path, ["check", pdf] + (pdfa ? ["--pdfa"] : []))
            #expect(report.status == 0, "\(report.out)")
        }
    }

    /// A pack in a scratch folder holding `appendices` (name → file to copy in).
    static func scratchPack(_ appendices: [(title: String, file: URL, name: String)]) throws -> (manifest: String, folder: URL) {
        let folder = try scratchDirectory()
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("capital-report.md"), to: folder.appendingPathComponent("capital-report.md"))
        var yaml = """
            meeting:
              committee: Cabinet
              date: 2025-11-27
              time: "10:00"
            items:
              - number: 1
                title: Capital programme
                paper: capital-report.md
                appendices:

            """
        for appendix in appendices {
            if appendix.file.path != folder.appendingPathComponent(appendix.name).path {
                try FileManager.default.copyItem(at: appendix.file, to: folder.appendingPathComponent(appendix.name))
            }
            yaml += "          - title: \"\(appendix.title)\"\n            pdf: \(appendix.name)\n"
        }
        let manifest = folder.appendingPathComponent("pack.yaml")
        try yaml.write(to: manifest, atomically: true, encoding: .utf8)
        return (manifest.path, folder)
    }

    @Test("a tagged PDF written with object streams, and a Quire paper with contents links, keep their structure; the links go to the pack's pages")
    func otherWriters() throws {
        let scratch = try scratchDirectory()
        let packed = scratch.appendingPathComponent("capital-objstm.pdf")
        let qpdf = try run("qpdf", ["--object-streams=generate", Self.appendix, packed.path])
        try #require(qpdf.status == 0, "\(qpdf.err)")
        try #require(try String(contentsOf: packed, encoding: .isoLatin1).contains("/ObjStm"))
        let annual = URL(fileURLWithPath: try renderExample("kscb-annual-report"))
        let (manifest, folder) = try Self.scratchPack([("Appendix A: schemes", packed, "capital.pdf"), ("Appendix B: the annual report", annual, "annual.pdf")])
        let output = folder.appendingPathComponent("pack.pdf").path
        let rendered = try typesetter.renderPack(manifest: manifest, root: folder, edition: .publicPack, to: output)
        #expect(rendered.diagnostics.isEmpty, "\(rendered.diagnostics)")
        let pack = try PDFReading(output), annualTree = try PDFReading(annual.path)
        #expect(pack.unmarked == 0)
        // The appendices' header cells, with the front sheet's (date, time) and the paper's header block's.
        #expect(pack.tree.filter { $0.role == "TH" }.count == 5 + annualTree.tree.filter { $0.role == "TH" }.count + 2 + 7)
        #expect(pack.tree.filter { $0.role == "TOCI" }.count == annualTree.tree.filter { $0.role == "TOCI" }.count)
        // The annual report's contents links land on its pages in the pack, described by the pack's page numbers.
        let links = try run("python3", ["-c", """
            import pikepdf, sys
            with pikepdf.open(sys.argv[1]) as p:
                index = {page.obj.objgen: n for n, page in enumerate(p.pages)}
                for n, page in enumerate(p.pages):
                    for a in page.obj.get('/Annots', []):
                        if '/Dest' in a: print(n + 1, index[a.Dest[0].objgen] + 1, str(a.get('/Contents')))
            """, output]).out.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 2).map(String.init) }
        let pages = try PackTests.pageTexts(output)
        let annualStart = try #require(pages.firstIndex { $0.hasPrefix("Appendix B: the annual report") }) + 1
        let fromContents = links.filter { Int($0[0]) == annualStart + 1 }  // its contents page
        #expect(fromContents.count >= 3, "\(links)")
        for link in fromContents {
            let target = try #require(Int(link[1]))
            #expect(target > annualStart && target <= pages.count, "\(link)")
            #expect(link[2] == "Go to page \(target)", "\(link)")
        }
        #expect(try IndependentCheckerTests.complaints(output).isEmpty)
        #expect(try ValidationRuleTests.validate(output, pdfa: false).failures.isEmpty)
    }

    @Test("a tagged PDF the writer cannot carry (a rotated page) is placed as untagged content, and the warning says why")
    func uncarriedFallsBack() throws {
        let scratch = try scratchDirectory()
        let rotated = scratch.appendingPathComponent("rotated.pdf")
        let qpdf = try run("qpdf", ["--rotate=+90", Self.appendix, rotated.path])
        try #require(qpdf.status == 0, "\(qpdf.err)")
        let (manifest, folder) = try Self.scratchPack([("Appendix A: schemes, turned", rotated, "rotated.pdf")])
        let output = folder.appendingPathComponent("pack.pdf").path
        let rendered = try typesetter.renderPack(manifest: manifest, root: folder, edition: .publicPack, to: output)
        let warning = try #require(rendered.diagnostics.first { $0.message.contains("rotated.pdf") })
        #expect(warning.message.contains("is tagged, but its structure cannot be carried") && warning.message.contains("page 1 is rotated"), "\(warning.message)")
        let pack = try PDFReading(output)
        #expect(pack.unmarked == 0)
        let sect = try #require(pack.tree.lastIndex { $0.role == "Sect" })
        #expect(Self.subtree(pack.tree, at: sect) == ["Sect", " H1", " Art"])
        let words = try run("pdftotext", [Self.appendix, "-"]).out.split(whereSeparator: \.isWhitespace)
        let text = try PackTests.pageTexts(output).joined(separator: " ")
        for word in words { #expect(text.contains(word), "\(word)") }
    }

    @Test("a Quire paper with footnotes, as an appendix beside a paper with its own: every note keeps an ID of its own in the pack's /IDTree")
    func notesKeepTheirIDs() throws {
        let scratch = try scratchDirectory()
        let source = try String(contentsOf: Self.folder.appendingPathComponent("capital-report.md"), encoding: .utf8)
        let noted = source.replacingOccurrences(of: "moved into 2026/27.", with: "moved into 2026/27.[^move]\n\n[^move]: The Oakfield scheme, approved in June.")
        let paper = scratch.appendingPathComponent("noted.md")
        try noted.write(to: paper, atomically: true, encoding: .utf8)
        let appendix = scratch.appendingPathComponent("noted.pdf").path
        _ = try typesetter.renderPDF(file: paper.path, to: appendix)
        let (manifest, folder) = try Self.scratchPack([("Appendix A: the report with its note", URL(fileURLWithPath: appendix), "noted.pdf")])
        try noted.write(to: folder.appendingPathComponent("capital-report.md"), atomically: true, encoding: .utf8)  // the item's paper has the note too
        let output = folder.appendingPathComponent("pack.pdf").path
        let rendered = try typesetter.renderPack(manifest: manifest, root: folder, edition: .publicPack, to: output)
        #expect(rendered.diagnostics.isEmpty, "\(rendered.diagnostics)")
        let ids = try run("python3", ["-c", """
            import pikepdf, sys
            with pikepdf.open(sys.argv[1]) as p:
                tree = p.Root.StructTreeRoot
                names = list(tree.IDTree.Names)
                keys = [bytes(names[i]) for i in range(0, len(names), 2)]
                assert keys == sorted(keys) and len(set(keys)) == len(keys), keys
                named = {bytes(names[i]): names[i + 1].objgen for i in range(0, len(names), 2)}
                notes = []
                def walk(e):
                    k = e.get('/K')
                    for kid in (list(k) if isinstance(k, pikepdf.Array) else ([] if k is None else [k])):
                        if isinstance(kid, pikepdf.Dictionary) and '/S' in kid:
                            if kid.S == '/Note': notes.append(kid)
                            walk(kid)
                walk(tree)
                for note in notes: assert named[bytes(note.ID)] == note.objgen, bytes(note.ID)
                print(len(notes), len(keys))
            """, output])
        #expect(ids.status == 0, "\(ids.err)")
        #expect(ids.out.trimmingCharacters(in: .whitespacesAndNewlines) == "2 2", "\(ids.out)")
        #expect(try IndependentCheckerTests.complaints(output).isEmpty)
        #expect(try ValidationRuleTests.validate(output, pdfa: false).failures.isEmpty)
    }
}
