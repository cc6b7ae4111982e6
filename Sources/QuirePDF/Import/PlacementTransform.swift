import QuirePages

/// How a source page's coordinates map onto the page it is placed on: its visible box scaled
/// into the place (given from the top-left, y down, as the layout gives it) in the target's
/// PDF coordinates (from the bottom-left, y up).
struct PlacementTransform {
    var scaleX: Double, scaleY: Double, moveX: Double, moveY: Double

    init(from box: (left: Double, bottom: Double, right: Double, top: Double), to place: ElementBox, pageHeight: Double) {
        let width = max(box.right - box.left, 0.001), height = max(box.top - box.bottom, 0.001)
        scaleX = place.width / width
        scaleY = place.height / height
        moveX = place.x - box.left * scaleX
        moveY = pageHeight - place.y - place.height - box.bottom * scaleY
    }

    /// The `cm` operands.
    var operands: String { [scaleX, 0, 0, scaleY, moveX, moveY].map(writtenNumber).joined(separator: " ") }

    func point(_ x: Double, _ y: Double) -> (x: Double, y: Double) { (x * scaleX + moveX, y * scaleY + moveY) }

    /// A rectangle [x1 y1 x2 y2], moved.
    func rectangle(_ values: [Double]) -> [Double] {
        let a = point(values[0], values[1]), b = point(values[2], values[3])
        return [min(a.x, b.x), min(a.y, b.y), max(a.x, b.x), max(a.y, b.y)]
    }

    /// Points [x y x y …], moved.
    func points(_ values: [Double]) -> [Double] {
        stride(from: 0, to: values.count - 1, by: 2).flatMap { index -> [Double] in
            let moved = point(values[index], values[index + 1])
            return [moved.x, moved.y]
        }
    }
}

/// A number as the writer writes it (to a thousandth, no exponent).
func writtenNumber(_ value: Double) -> String {
    if case .number(let text) = PDFValue.real(value) { return text }
    return "0"
}
