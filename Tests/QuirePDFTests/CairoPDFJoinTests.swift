import Foundation
import QuirePages
import QuireSystem
import Testing
@testable import QuirePDF
import QuireTestSupport

/// Parts of a document, each as cairo writes a tagged PDF, joined into one of the same shape
/// (`CairoPDFJoin`): references and parent-tree keys moved past the parts before, one page
/// tree, one Document element, bookmarks to the joined pages; anything else where a join
/// replaces objects is an error naming it.
@Suite("Joining drawn parts")
struct CairoPDFJoinTests {
    /// One page with one paragraph and a link annotation, as cairo lays it out (numbers
    /// out of order, a comment in the page).
    static func part(_ word: String, catalogExtra: String = "") -> SpooledBytes {
        var pdf = MiniPDF()
        pdf.object(3, "<< /Type /Page % 1\n /Parent 1 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /StructParents 0 /Annots [10 0 R] >>")
        pdf.stream(4, "", "/P << /MCID 0 >> BDC BT (\(word)) Tj ET EMC")
        pdf.object(1, "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>")
        pdf.object(6, "<< /Type /StructElem /S /Document /P 5 0 R /K [ 8 0 R 11 0 R ] >>")
        pdf.object(8, "<< /Type /StructElem /S /P /P 6 0 R /Pg 3 0 R /K 0 >>")
        pdf.object(11, "<< /Type /StructElem /S /Link /P 6 0 R /K [ << /Type /OBJR /Obj 10 0 R >> ] >>")
        pdf.object(10, "<< /Type /Annot /Subtype /Link /StructParent 1 /Rect [ 0 0 10 10 ] >>")
        pdf.object(9, "[ 8 0 R ]")
        pdf.object(7, "<< /Nums [ 0 9 0 R 1 11 0 R ] >>")
        pdf.object(5, "<< /Type /StructTreeRoot /ParentTree 7 0 R /K [ 6 0 R ] >>")
        pdf.object(12, "<< /Producer (cairo) >>")
        pdf.object(2, "<< /Type /Catalog /Pages 1 0 R /StructTreeRoot 5 0 R /MarkInfo << /Marked true >> \(catalogExtra)>>")
        pdf.trailer = "/Root 2 0 R /Info 12 0 R"
        return ByteSpool.inMemory(pdf.bytes)
    }

    static let elements = [WrittenElement(role: "Document"), WrittenElement(role: "P"), WrittenElement(role: "Link", kind: .link(contents: nil, destination: nil))]

    @Test("two parts join into one page tree, one Document, one parent tree and the bookmarks")
    func joins() throws {
        let join = CairoPDFJoin()
        try join.append(Self.part("first"), elements: Self.elements, imported: [])
        var nested = Self.elements
        nested[2].nestedIn = 1  // the link belongs inside the part's paragraph
        try join.append(Self.part("second"), elements: nested, imported: [])
        let joined = try join.finish(outline: [OutlineEntry(title: "Second", level: 1, pageIndex: 1, y: 112)])
        #expect(joined.elements.map(\.role) == ["Document", "P", "Link", "P", "Link"])
        #expect(joined.elements[4].nestedIn == 3)  // the second part's paragraph, where it now is
        let pdf = try CairoPDF(joined.bytes)
        let catalog = try pdf.dictionary(pdf.trailer["Root"]!.reference!)
        #expect(pdf.trailer["Info"] == nil)
        let pages = try pdf.dictionary(catalog["Pages"]!.reference!)["Kids"]!.list.map { $0.reference! }
        #expect(pages.count == 2)
        #expect(try pages.map { try pdf.dictionary($0)["StructParents"]!.int! } == [0, 2])
        #expect(try pages.map { try pdf.dictionary($0)["Parent"]!.reference! } == [catalog["Pages"]!.reference!, catalog["Pages"]!.reference!])
        let second = try pdf.dictionary(pages[1])
        let annotation = try pdf.dictionary(second["Annots"]!.list[0].reference!)
        #expect(annotation["StructParent"]?.int == 3)
        let tree = try pdf.dictionary(catalog["StructTreeRoot"]!.reference!)
        let document = try pdf.dictionary(tree["K"]!.list[0].reference!)
        let kids = document["K"]!.list.map { $0.reference! }
        #expect(kids.count == 4)
        #expect(try kids.allSatisfy { try pdf.dictionary($0)["P"]?.reference == tree["K"]!.list[0].reference })
        #expect(try pdf.dictionary(kids[2])["Pg"]?.reference == pages[1])
        let nums = try pdf.dictionary(tree["ParentTree"]!.reference!)["Nums"]!.list
        #expect(nums.enumerated().filter { $0.offset % 2 == 0 }.map { $0.element.int } == [0, 1, 2, 3])
        #expect(nums[7].reference == kids[3])
        // The content is the part's, byte for byte.
        let (_, content) = try pdf.object(second["Contents"]!.reference!)
        #expect(String(decoding: try pdf.bytes(content!), as: UTF8.self) == "/P << /MCID 0 >> BDC BT (second) Tj ET EMC")
        let outlines = try pdf.dictionary(catalog["Outlines"]!.reference!)
        let bookmark = try pdf.dictionary(outlines["First"]!.reference!)
        #expect(bookmark["Dest"]?.list.first?.reference == pages[1])
        #expect(abs((bookmark["Dest"]?.list[3].double ?? 0) - (842 - 100)) < 0.001)  // 12 points above its place
    }

    @Test("a part with anything else where the join replaces objects is refused, naming it")
    func refusesWhatItWouldLose() throws {
        let join = CairoPDFJoin()
        #expect(throws: PDFError.self) { try join.append(Self.part("one", catalogExtra: "/Names 1 0 R "), elements: Self.elements, imported: []) }
        do {
            try CairoPDFJoin().append(Self.part("one", catalogExtra: "/Names 1 0 R "), elements: Self.elements, imported: [])
        } catch {
            #expect(error.description.contains("/Names"))
        }
    }
}
