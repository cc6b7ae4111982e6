import CQPDF
import QuirePDFSyntax
import QuireImport

/// The rules and boxes a page draws, in points from its top left.
struct PageDrawing: Sendable {
    var rules: [PageRule] = []
    var boxes: [PageBox] = []
}

/// A page's ruling lines and filled boxes, from its content stream (PDF 32000-1, 8.4-8.5):
/// the path operators (`m`, `l`, `re`, `h`; curves only end a straight run) painted by `S`,
/// `s`, `f`, `F`, `f*`, `B`, `b` and their `*` forms, with the transformation matrix tracked
/// through `cm`, `q` and `Q` and into form XObjects (`Do`). A stroked horizontal or vertical
/// segment is a rule; a filled rectangle two points thin or less is a rule too (word
/// processors draw table borders so), a wider one a box with its fill colour; a stroked
/// rectangle is its four sides. White fills are page background and are left out.
///
/// Why the content stream, read with libqpdf and our content lexer, rather than a bitmap of
/// the page: the stream gives each rule's exact ends and each box's exact colour, so cells
/// whose borders are drawn as the edges of shaded rectangles still make a grid, and text
/// never passes for a line (camelot's lattice mode works on a bitmap and must erase text
/// first; pdfplumber works on the drawing objects, as this does).
func readPageDrawing(_ reader: QPDFReader, page index: Int) -> PageDrawing? {
    let page = reader.page(index)
    guard reader.rotation(page) % 360 == 0, let box = reader.visibleBox(page), let content = reader.content(page) else { return nil }
    var painter = PathPainter(origin: (box.0, box.3), reader: reader)
    painter.run(content, resources: reader.resources(page), matrix: [1, 0, 0, 1, 0, 0], depth: 0)
    return painter.drawing
}

/// Interprets content streams for their paths.
private struct PathPainter {
    /// The visible box's top left in PDF space: page coordinates are measured from it, downwards.
    var origin: (x: Double, top: Double)
    let reader: QPDFReader
    var drawing = PageDrawing()

    struct Graphics {
        var matrix: [Double]
        var fill: UInt32? = 0
        var stroke: UInt32? = 0
    }

    struct Point { var x: Double; var y: Double }

    init(origin: (Double, Double), reader: QPDFReader) {
        self.origin = (origin.0, origin.1)
        self.reader = reader
    }

    mutating func run(_ content: [UInt8], resources: qpdf_oh, matrix: [Double], depth: Int) {
        let (lexer, operations) = ContentLexer.operations(content)
        var state = Graphics(matrix: matrix)
        var stack: [Graphics] = []
        var subpaths: [[Point]] = []
        var closed: [Bool] = []
        var rectangles: [Bool] = []
        func numbers(_ operation: ContentOperation) -> [Double] { operation.operands.compactMap { Double(lexer.text($0)) } }
        func place(_ x: Double, _ y: Double) -> Point {
            let m = state.matrix
            return Point(x: m[0] * x + m[2] * y + m[4] - origin.x, y: origin.top - (m[1] * x + m[3] * y + m[5]))
        }
        for operation in operations {
            let op = lexer.text(operation.op)
            let n = numbers(operation)
            switch op {
            case "q": stack.append(state)
            case "Q": if let saved = stack.popLast() { state = saved }
            case "cm" where n.count == 6: state.matrix = multiply(n, state.matrix)
            case "m" where n.count == 2:
                subpaths.append([place(n[0], n[1])]); closed.append(false); rectangles.append(false)
            case "l" where n.count == 2:
                if subpaths.isEmpty { subpaths.append([]); closed.append(false); rectangles.append(false) }
                subpaths[subpaths.count - 1].append(place(n[0], n[1]))
            case "c", "v", "y":
                // A curve: its end starts a new straight run (a rounded box has straight sides).
                if n.count >= 2 { subpaths.append([place(n[n.count - 2], n[n.count - 1])]); closed.append(false); rectangles.append(false) }
            case "h": if !closed.isEmpty { closed[closed.count - 1] = true }
            case "re" where n.count == 4:
                subpaths.append([place(n[0], n[1]), place(n[0] + n[2], n[1]), place(n[0] + n[2], n[1] + n[3]), place(n[0], n[1] + n[3])])
                closed.append(true); rectangles.append(true)
            case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n":
                let strokes = ["S", "s", "B", "B*", "b", "b*"].contains(op), fills = ["f", "F", "f*", "B", "B*", "b", "b*"].contains(op)
                let closes = ["s", "b", "b*"].contains(op)
                for (index, points) in subpaths.enumerated() {
                    let isClosed = closed[index] || closes || fills
                    if fills { fill(points, closed: isClosed, colour: state.fill) }
                    if strokes { stroke(points, closed: closed[index] || closes, colour: state.stroke) }
                    if strokes, !fills, rectangles[index], let rect = axisRectangle(points) {
                        drawing.boxes.append(PageBox(x0: rect.0, x1: rect.1, top: rect.2, bottom: rect.3, fill: nil))
                    }
                }
                subpaths = []; closed = []; rectangles = []
            case "g": state.fill = colour(n)
            case "G": state.stroke = colour(n)
            case "rg": state.fill = colour(n)
            case "RG": state.stroke = colour(n)
            case "k": state.fill = colour(n)
            case "K": state.stroke = colour(n)
            case "sc", "scn": state.fill = n.isEmpty ? 0x808080 : colour(n)
            case "SC", "SCN": state.stroke = n.isEmpty ? 0x808080 : colour(n)
            case "Do" where depth < 8:
                guard let name = operation.operands.first, name.kind == .name,
                      let form = reader.form(named: lexer.text(name), in: resources) else { break }
                run(form.content, resources: form.resources, matrix: multiply(form.matrix, state.matrix), depth: depth + 1)
            default: break
            }
        }
    }

    /// Straight horizontal and vertical segments of a stroked path, as rules.
    mutating func stroke(_ points: [Point], closed: Bool, colour: UInt32?) {
        guard colour != 0xFFFFFF, points.count >= 2 else { return }
        let ends = closed ? points + [points[0]] : points
        for (a, b) in zip(ends, ends.dropFirst()) { addRule(a, b) }
    }

    /// A filled path: a thin rectangle is a rule, a wider one a box.
    mutating func fill(_ points: [Point], closed: Bool, colour: UInt32?) {
        guard colour != 0xFFFFFF, let rect = axisRectangle(points) else { return }
        let width = rect.1 - rect.0, height = rect.3 - rect.2
        if height <= 2, width >= 2 {
            drawing.rules.append(PageRule(direction: .horizontal, position: (rect.2 + rect.3) / 2, start: rect.0, end: rect.1))
        } else if width <= 2, height >= 2 {
            drawing.rules.append(PageRule(direction: .vertical, position: (rect.0 + rect.1) / 2, start: rect.2, end: rect.3))
        } else if width > 2, height > 2 {
            drawing.boxes.append(PageBox(x0: rect.0, x1: rect.1, top: rect.2, bottom: rect.3, fill: colour ?? 0x808080))
        }
    }

    mutating func addRule(_ a: Point, _ b: Point) {
        if abs(a.y - b.y) < 0.5, abs(a.x - b.x) >= 1 {
            drawing.rules.append(PageRule(direction: .horizontal, position: (a.y + b.y) / 2, start: min(a.x, b.x), end: max(a.x, b.x)))
        } else if abs(a.x - b.x) < 0.5, abs(a.y - b.y) >= 1 {
            drawing.rules.append(PageRule(direction: .vertical, position: (a.x + b.x) / 2, start: min(a.y, b.y), end: max(a.y, b.y)))
        }
    }
}

/// A path's box when it is a rectangle square to the page (four corners, or five with the
/// first repeated): x0, x1, top, bottom.
private func axisRectangle(_ points: [PathPainter.Point]) -> (Double, Double, Double, Double)? {
    var corners = points
    if corners.count == 5, abs(corners[0].x - corners[4].x) < 0.5, abs(corners[0].y - corners[4].y) < 0.5 { corners.removeLast() }
    guard corners.count == 4 else { return nil }
    let xs = Set(corners.map { ($0.x * 2).rounded() }), ys = Set(corners.map { ($0.y * 2).rounded() })
    guard xs.count <= 2, ys.count <= 2 else { return nil }
    return (corners.map(\.x).min()!, corners.map(\.x).max()!, corners.map(\.y).min()!, corners.map(\.y).max()!)
}

/// `first` then `second`, as PDF matrices [a b c d e f] compose (`cm` puts the new one first).
private func multiply(_ first: [Double], _ second: [Double]) -> [Double] {
    [first[0] * second[0] + first[1] * second[2], first[0] * second[1] + first[1] * second[3],
     first[2] * second[0] + first[3] * second[2], first[2] * second[1] + first[3] * second[3],
     first[4] * second[0] + first[5] * second[2] + second[4], first[4] * second[1] + first[5] * second[3] + second[5]]
}

/// A colour's operands (gray, RGB or CMYK) as 0xRRGGBB.
private func colour(_ values: [Double]) -> UInt32? {
    func byte(_ value: Double) -> UInt32 { UInt32(max(0, min(255, (value * 255).rounded()))) }
    switch values.count {
    case 1: return byte(values[0]) * 0x010101
    case 3: return byte(values[0]) << 16 | byte(values[1]) << 8 | byte(values[2])
    case 4:
        let k = values[3]
        return byte((1 - values[0]) * (1 - k)) << 16 | byte((1 - values[1]) * (1 - k)) << 8 | byte((1 - values[2]) * (1 - k))
    default: return nil
    }
}
