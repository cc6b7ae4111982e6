import QuirePages
import QuireRender
import Testing

/// A canvas that writes down what it is asked to draw: the walker's contract, in order.
private struct RecordingCanvas: Canvas {
    var calls: [String] = []
    mutating func beginPage(size: Size) { calls.append("page \(Int(size.width))x\(Int(size.height))") }
    mutating func drawGlyphs(_ run: GlyphRun, at origin: Point) { calls.append("text \(run.text) \(Int(origin.x)),\(Int(origin.y))") }
    mutating func drawLine(from: Point, to: Point, width: Double, color: Color) { calls.append("line \(Int(from.x)),\(Int(from.y))-\(Int(to.x)),\(Int(to.y))") }
    mutating func fill(_ rect: Rect, color: Color) { calls.append("fill \(Int(rect.size.width))x\(Int(rect.size.height))") }
    mutating func drawImage(path: String, in rect: Rect) { calls.append("image \(path)") }
    mutating func drawPDFPage(path: String, index: Int, in rect: Rect) { calls.append("pdf \(path) \(index)") }
    mutating func placeTaggedPDFPage(path: String, index: Int, in rect: Rect) { calls.append("tagged pdf \(path) \(index)") }
    mutating func addLink(url: String, in rect: Rect) { calls.append("link \(url) \(Int(rect.origin.x)),\(Int(rect.origin.y))") }
    mutating func addPageLink(pageIndex: Int, y: Double, in rect: Rect) { calls.append("pagelink \(pageIndex) \(Int(y))") }
    mutating func beginTag(_ tag: StructureTag) { calls.append("<\(tag.role.rawValue)>") }
    mutating func endTag() { calls.append("</>") }
    mutating func endPage() { calls.append("end") }
}

@Suite("Page walker")
struct CanvasWalkTests {
    @Test("items are replayed in order at absolute positions, lines as from/to")
    func walk() {
        var frame = Frame(size: Size(width: 100, height: 200))
        var inner = Frame(size: Size(width: 50, height: 20))
        inner.open(.paragraph)
        inner.push(.glyphs(GlyphRun(font: FontRef(family: "X", size: 10), color: .black, text: "Hi", glyphs: [], width: 10)), at: Point(x: 1, y: 2))
        inner.close()
        inner.push(.link(url: "mailto:a@b", Size(width: 10, height: 5)), at: Point(x: 3, y: 4))
        frame.push(.rect(Size(width: 30, height: 10), fill: .black), at: Point(x: 0, y: 0))
        frame.push(frame: inner, at: Point(x: 10, y: 20))
        frame.push(.line(to: Point(x: 50, y: 0), width: 1, color: .black), at: Point(x: 5, y: 100))
        frame.open(.section)
        frame.push(.taggedPDFPage(path: "a.pdf", index: 2, Size(width: 100, height: 200)), at: .zero)
        frame.close()
        var canvas = RecordingCanvas()
        renderPages([Page(frame: frame, number: 1, label: .decimal(1))], on: &canvas)
        #expect(canvas.calls == ["page 100x200", "fill 30x10", "<P>", "text Hi 11,22", "</>", "link mailto:a@b 13,24", "line 5,100-55,100",
                                 "<Sect>", "tagged pdf a.pdf 2", "</>", "end"])
    }
}
