import CPopplerGlib
import Foundation
import QuireImport

/// One character poppler found on a page: where its glyph is (points from the page's top
/// left) and how it is set.
struct PageCharacter {
    var scalar: Unicode.Scalar
    var x0: Double
    var x1: Double
    var top: Double
    var bottom: Double
    var style: WordStyle
}

/// Every character of a page with its box and font, as poppler-glib gives them:
/// `poppler_page_get_text` for the characters, `poppler_page_get_text_layout` for one box per
/// character, `poppler_page_get_text_attributes` for font name, size and colour by range.
/// Bold and italic come from the font's name ("Arial-BoldMT", "LiberationSans-Italic",
/// "Calibri,BoldItalic"), which is where PDFs written by word processors say them.
func pageCharacters(_ page: OpaquePointer) -> [PageCharacter?] {
    guard let raw = poppler_page_get_text(page) else { return [] }
    defer { g_free(raw) }
    let scalars = Array(String(cString: raw).unicodeScalars)
    var rectangles: UnsafeMutablePointer<PopplerRectangle>?
    var count: guint = 0
    guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else { return [] }
    defer { g_free(rectangles) }
    // poppler gives one box per character; if that ever fails to hold, positions are unknown.
    guard Int(count) == scalars.count else { return [] }

    var styles = [WordStyle](repeating: .unknown, count: scalars.count)
    if let list = poppler_page_get_text_attributes(page) {
        defer { poppler_page_free_text_attributes(list) }
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let pointer = current.pointee.data?.assumingMemoryBound(to: PopplerTextAttributes.self) {
                let attributes = pointer.pointee
                let name = attributes.font_name.map { String(cString: $0) } ?? ""
                let colour = (UInt32(attributes.color.red >> 8) << 16) | (UInt32(attributes.color.green >> 8) << 8) | UInt32(attributes.color.blue >> 8)
                let style = WordStyle(size: attributes.font_size, bold: isBoldFont(name), italic: isItalicFont(name), colour: colour)
                let start = max(0, Int(attributes.start_index)), end = min(scalars.count - 1, Int(attributes.end_index))
                if start <= end { for index in start...end { styles[index] = style } }
            }
            node = current.pointee.next
        }
    }
    return scalars.indices.map { index in
        let scalar = scalars[index]
        guard !scalar.properties.isWhitespace else { return nil }
        let r = rectangles[index]
        return PageCharacter(scalar: scalar, x0: min(r.x1, r.x2), x1: max(r.x1, r.x2), top: min(r.y1, r.y2), bottom: max(r.y1, r.y2), style: styles[index])
    }
}

/// The font name without its subset tag ("ABCDEF+Arial-BoldMT" → "arial-boldmt"), lowercased.
private func fontKey(_ name: String) -> String {
    let base = name.split(separator: "+", maxSplits: 1).last.map(String.init) ?? name
    return base.lowercased()
}

func isBoldFont(_ name: String) -> Bool {
    let key = fontKey(name)
    return ["bold", "black", "heavy", "semibold", "demibold", "demi", "extrabold", "ultrabold"].contains { key.contains($0) }
        || key.hasSuffix(",b") || key.hasSuffix("-b")
}

func isItalicFont(_ name: String) -> Bool {
    let key = fontKey(name)
    return key.contains("italic") || key.contains("oblique") || key.hasSuffix(",i") || key.hasSuffix("-i")
}
