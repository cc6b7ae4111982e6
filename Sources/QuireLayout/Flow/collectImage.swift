import Foundation
import QuirePages

/// An image the caller has found and measured (the layout does no file I/O).
public struct ImageInfo: Hashable, Sendable {
    /// Absolute path, already checked to be inside an allowed folder.
    public var path: String
    public var pixelWidth: Int
    public var pixelHeight: Int

    public init(path: String, pixelWidth: Int, pixelHeight: Int) {
        self.path = path
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
    }
}

extension Collector {
    /// A figure: the image scaled to the column (at most half a page tall), its alt text as
    /// a caption so the words reach the PDF's text too.
    func image(path: String, alt: String, x: Double, line: Int) {
        guard let info = images[path] else {
            paragraph(StyledText(alt.isEmpty ? path : alt), x: x, label: nil, labelX: 0, line: line)
            return
        }
        let maxWidth = theme.contentWidth - x, maxHeight = theme.contentHeight / 2
        // 96 px per inch is the size an image "wants"; shrink to fit, never enlarge.
        var size = Size(width: Double(info.pixelWidth) * 0.75, height: Double(info.pixelHeight) * 0.75)
        let scale = min(1, maxWidth / size.width, maxHeight / size.height)
        size = Size(width: size.width * scale, height: size.height * scale)
        let fullWidth = theme.contentWidth
        add { _ in
            var frame = Frame(size: Size(width: fullWidth, height: size.height))
            // The alt text is also printed below as a caption; without one the image says where it came from.
            frame.open(StructureTag(.figure, alt: alt.isEmpty ? "Image: " + (path as NSString).lastPathComponent : alt))
            frame.push(.image(path: info.path, size), at: Point(x: x, y: 0))
            frame.close()
            return [.slice(Slice(frame: frame, height: size.height, breakAfter: alt.isEmpty, line: line))]
        }
        if !alt.isEmpty {
            space(4)
            paragraph(StyledText(alt, style: SpanStyle(italic: true)), x: x, label: nil, labelX: 0, line: line, alignment: .left,
                      size: theme.body.size - 1)
        }
    }
}
