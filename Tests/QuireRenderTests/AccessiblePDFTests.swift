import Foundation
import QuireKit
import QuireLayout
import QuirePages
import QuireTestSupport
import Testing

/// What pikepdf (qpdf's Python binding: a PDF library independent of Quire's) reads from a
/// PDF; see Tests/Tools/pdf_structure.py.
struct PDFReading: Decodable {
    struct Element: Decodable {
        var depth: Int
        var role: String
        var mcids: Int
        var alt: String?
        var scope: String?
        var rowspan: Int?
        var colspan: Int?
        /// An element identifier (a note's, as PDF/UA asks).
        var id: String?
    }
    struct Intent: Decodable {
        var subtype: String
        var profile_components: Int
    }
    var marked: Bool
    var lang: String
    var display_doc_title: Bool
    var info_title: String
    var xmp_title: String?
    var pdfa: String?
    /// pdfuaid:part, and whether a PDF/A extension schema describes it.
    var pdfua: String?
    var pdfua_described: Bool
    var output_intents: [Intent]
    var encrypted: Bool
    var id: [String]
    var tree: [Element]
    var artifacts: Int
    var unmarked: Int
    var fonts: [String: Bool]
    var interpolated_images: Int

    init(_ pdf: String) throws {
        if let missing = missingPythonModule("pikepdf", package: "pikepdf") { throw ReadingFailed(message: missing) }
        let script = repositoryRoot.appendingPathComponent("Tests/Tools/pdf_structure.py").path
        let result = try run("python3", [script, pdf])
        guard result.status == 0 else { throw ReadingFailed(message: result.err) }
        self = try JSONDecoder().decode(PDFReading.self, from: Data(result.out.utf8))
    }

    struct ReadingFailed: Error { var message: String }
}

/// Roles of the page tree's elements in reading order, as the PDF's structure tree should
/// hold them: artifacts are not elements, one element may span pages, and an element opened
/// inside one that already holds content (a note met in its paragraph) is written as that
/// element's sibling, as CairoTagger has to for cairo; a link is not (the finisher moves it
/// back inside), nor is a figure's caption (moved inside the figure after it).
func pageTreeRoles(_ document: PagedDocument) -> [String] {
    var roles = ["Document"]
    var pendingCaption: Int?  // where a figure's caption was written, until its figure comes
    // The open elements: depth in the PDF's tree, whether content may be drawn in them (a
    // leaf), and whether it was.
    var stack: [(depth: Int, leaf: Bool, drawn: Bool)] = []
    var artifactDepth: Int?
    for page in document.pages {
        for item in page.frame.items {
            switch item.item {
            case .beginTag(let tag) where tag.role == .link:
                // A link is moved back inside the element it was met in; it leaves that
                // element a leaf (links are left out of the comparison).
                stack.append(((stack.last?.depth ?? 0) + 1, true, false))
            case .beginTag(let tag):
                var depth = 1
                if let top = stack.last {
                    if top.leaf && (top.drawn || tag.role == .artifact) {
                        depth = top.depth
                    } else {
                        depth = top.depth + 1
                        stack[stack.count - 1].leaf = false
                    }
                }
                if tag.role == .artifact, artifactDepth == nil { artifactDepth = stack.count }
                if artifactDepth == nil {
                    if tag.role == .figure, let caption = pendingCaption, roles[caption].hasSuffix(String(repeating: " ", count: depth) + "Caption") {
                        roles.remove(at: caption)
                        roles.append(String(repeating: " ", count: depth) + tag.role.rawValue)
                        roles.append(String(repeating: " ", count: depth + 1) + "Caption")
                    } else {
                        roles.append(String(repeating: " ", count: depth) + tag.role.rawValue)
                    }
                    if tag.role != .artifact { pendingCaption = tag.captionsNext ? roles.count - 1 : nil }
                }
                stack.append((depth, tag.role.holdsContent, false))
            case .endTag:
                stack.removeLast()
                if artifactDepth == stack.count { artifactDepth = nil }
            case .glyphs, .line, .rect, .image, .pdfPage, .taggedPDFPage:
                if !stack.isEmpty { stack[stack.count - 1].drawn = true }
            case .link, .pageLink: break
            }
        }
    }
    return roles
}

@Suite("Accessible PDF")
struct AccessiblePDFTests {
    @Test("tagged: the structure tree holds the page tree's elements in reading order", arguments: examples)
    func structureTree(name: String) throws {
        let pdf = try renderExample(name)
        let reading = try PDFReading(pdf)
        #expect(try pdfInfo(pdf)["Tagged"] == "yes")
        #expect(reading.marked)
        let inPDF = reading.tree.filter { $0.role != "Link" }.map { String(repeating: " ", count: $0.depth) + $0.role }
        let document = try typesetter.layout(file: examplePath(name)).layout.document
        #expect(inPDF == pageTreeRoles(document))
        #expect(reading.tree.contains { $0.role == "H1" })
        // Every element without children holds marked content; nothing drawn is left
        // unmarked; furniture is artifacts.
        let tree = reading.tree
        for (index, element) in tree.enumerated() where element.role != "Link" {
            let isLeaf = index + 1 == tree.count || tree[index + 1].depth <= element.depth
            #expect(!isLeaf || element.mcids > 0, "\(element.role) at \(index) is empty")
        }
        #expect(reading.unmarked == 0)
        #expect(reading.artifacts >= Int(try pdfInfo(pdf)["Pages"] ?? "0") ?? 0)
    }

    @Test("numbered paragraphs are list items, header cells head their rows or columns, figures have text alternatives",
          arguments: examples)
    func elements(name: String) throws {
        let reading = try PDFReading(try renderExample(name))
        let tree = reading.tree
        for (index, element) in tree.enumerated() {
            switch element.role {
            case "LI":
                #expect(tree[index + 1].role == "Lbl" || tree[index + 1].role == "L", "a list item starts with its label")
            case "TH":
                #expect(element.scope == "Row" || element.scope == "Column")
            case "Figure":
                #expect((element.alt ?? "").count > 3, "figure without alt text")
            case "Table":
                let rows = tree[(index + 1)...].prefix { $0.depth > element.depth }
                #expect(rows.contains { $0.role == "TH" }, "a table without header cells")
            default: break
            }
        }
        if committeePapers.contains(name) {
            // The header block comes first, as a table; a house style's logo (a figure), the
            // council's name and its masthead lines (paragraphs) may come before it.
            let first = tree.dropFirst().first { $0.depth == tree[1].depth && $0.role != "Figure" && $0.role != "P" }
            #expect(first?.role == "Table", "the header block is the first element, as a table")
            #expect(tree.filter { $0.role == "Lbl" }.count >= 4)
        }
    }

    @Test("language, title shown in the title bar, one title in Info and XMP, fonts embedded", arguments: examples)
    func documentProperties(name: String) throws {
        let reading = try PDFReading(try renderExample(name))
        #expect(reading.lang == "en-GB")
        #expect(reading.display_doc_title)
        #expect(!reading.info_title.isEmpty)
        #expect(reading.xmp_title == reading.info_title)
        #expect(reading.pdfua == "1", "PDF/UA-1 claimed")
        // PDF/A allows pdfuaid only with its extension schema; a plain file needs none.
        #expect(reading.pdfua_described == (reading.pdfa != nil))
        #expect(!reading.fonts.isEmpty && reading.fonts.values.allSatisfy { $0 }, "\(reading.fonts)")
    }

    @Test("the annual report is PDF/A-2b: identification, sRGB output intent, no interpolation, not encrypted")
    func archival() throws {
        let reading = try PDFReading(try renderExample("kscb-annual-report"))
        #expect(reading.pdfa == "2B")
        #expect(reading.output_intents.count == 1)
        #expect(reading.output_intents.first?.subtype == "/GTS_PDFA1")
        #expect(reading.output_intents.first?.profile_components == 3)
        #expect(reading.interpolated_images == 0)
        #expect(!reading.encrypted)
        #expect(reading.id.count == 2)
    }

    @Test("a committee paper is PDF/A only when asked; front pages carry roman page labels")
    func pdfaOnRequest() throws {
        let folder = try scratchDirectory()
        let plain = folder.appendingPathComponent("plain.pdf").path, archival = folder.appendingPathComponent("archival.pdf").path
        _ = try typesetter.renderPDF(file: examplePath("kscb-2016-17"), to: plain)
        _ = try typesetter.renderPDF(file: examplePath("kscb-2016-17"), pdfa: true, to: archival)
        #expect(try PDFReading(plain).pdfa == nil)
        let archived = try PDFReading(archival)
        #expect(archived.pdfa == "2B")
        #expect(archived.pdfua == "1" && archived.pdfua_described, "PDF/A-2b and PDF/UA-1 both")
        let labels = try run("python3", ["-c", "import pikepdf,sys; print([str(p.label) for p in pikepdf.open(sys.argv[1]).pages])",
                                         try renderExample("kscb-annual-report")]).out
        #expect(labels.hasPrefix("['i', 'ii', '1', '2'"), "\(labels)")
    }
}
