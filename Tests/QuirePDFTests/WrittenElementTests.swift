import Testing
import QuirePDF

/// The structure elements the drawing layer hands the finisher keep their rare fields out of
/// line; what they hold and how they compare must not change with that.
@Suite("Written elements")
struct WrittenElementTests {
    @Test("every field reads back as set, and an element stays small")
    func fieldsRoundTrip() {
        var cell = WrittenElement(role: "TH", scope: "Column", rowSpan: 2, columnSpan: 3, nestedIn: 7)
        cell.listNumbering = "Decimal"
        cell.captionsNext = true
        cell.alt = "A chart of placements"
        cell.box = ElementBox(pageIndex: 1, x: 10, y: 20, width: 30, height: 40)
        #expect(cell.role == "TH" && cell.scope == "Column" && cell.rowSpan == 2 && cell.columnSpan == 3 && cell.nestedIn == 7)
        #expect(cell.listNumbering == "Decimal" && cell.captionsNext && cell.alt == "A chart of placements")
        #expect(cell.box == ElementBox(pageIndex: 1, x: 10, y: 20, width: 30, height: 40))
        let link = WrittenElement(role: "Link", kind: .link(contents: "Go to appendix A", destination: PageDestination(pageIndex: 3, y: 90)))
        #expect(link.kind == .link(contents: "Go to appendix A", destination: PageDestination(pageIndex: 3, y: 90)))
        let other = WrittenElement(role: "Span", kind: .continuation(of: 12))
        #expect(other.role == "Span" && other.kind == .continuation(of: 12) && other.nestedIn == nil)
        // A pack holds tens of thousands until they are written: 216 bytes each at first, then 56.
        #expect(MemoryLayout<WrittenElement>.stride <= 24)
    }

    @Test("a copy keeps its own fields; fields set and cleared again compare and hash as never set")
    func valueSemantics() {
        var figure = WrittenElement(role: "Figure", alt: "Logo")
        let copy = figure
        figure.alt = "Council logo"
        #expect(copy.alt == "Logo" && figure.alt == "Council logo")
        figure.alt = nil
        figure.captionsNext = true
        figure.captionsNext = false
        let plain = WrittenElement(role: "Figure")
        #expect(figure == plain)
        #expect(Set([figure, plain]).count == 1)
        #expect(WrittenElement(role: "P", scope: "Row") != WrittenElement(role: "P"))
        #expect(WrittenElement(role: "P") != WrittenElement(role: "H1"))
        #expect(WrittenElement(role: "Span") != WrittenElement(role: "Quote"))
        var relabelled = WrittenElement(role: "Span")
        relabelled.role = "P"
        #expect(relabelled == WrittenElement(role: "P"))
        var link = WrittenElement(role: "Link", kind: .link(contents: "Go", destination: nil))
        link.kind = .element
        #expect(link == WrittenElement(role: "Link"))
    }
}
