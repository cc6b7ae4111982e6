import CCmarkGFM
import Foundation
import QuireModel

/// A parsed cmark-gfm document, freed when this goes away. Only this file sees cmark types.
final class MarkdownDocument {
    let root: OpaquePointer
    private let parser: OpaquePointer

    /// Parses CommonMark with the GFM table, autolink (bare emails become mailto links) and
    /// strikethrough extensions; with `footnotes`, GFM footnotes too (a body's `text[^1]` and
    /// `[^1]: note`; a header value leaves them off, so `[^1]:` there stays text).
    init(_ text: String, footnotes: Bool = false) {
        MarkdownDocument.registerExtensions
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT | (footnotes ? CMARK_OPT_FOOTNOTES : 0))!
        for name in ["table", "autolink", "strikethrough"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var copy = text
        copy.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        self.parser = parser
        root = cmark_parser_finish(parser)
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// cmark registers its extensions in a process-wide registry; do it exactly once.
    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()
}

/// A borrowed view of one cmark node.
struct MarkdownNode {
    let pointer: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    /// Extension node kinds ("table", "table_row", …) only have names, not fixed type values.
    var typeName: String { String(cString: cmark_node_get_type_string(pointer)) }
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
    var line: Int { Int(cmark_node_get_start_line(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    /// Byte columns (from 1) of the node's first and last source characters on their lines.
    var column: Int { Int(cmark_node_get_start_column(pointer)) }
    var endColumn: Int { Int(cmark_node_get_end_column(pointer)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
    /// The number an ordered list's first item was written with ("2." → 2).
    var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }

    var children: [MarkdownNode] {
        var out: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let node = child {
            out.append(MarkdownNode(pointer: node))
            child = cmark_node_next(node)
        }
        return out
    }

    /// Column alignments of a GFM table node.
    var tableAlignments: [Table.Alignment] {
        let count = Int(cmark_gfm_extensions_get_table_columns(pointer))
        guard let raw = cmark_gfm_extensions_get_table_alignments(pointer) else {
            return Array(repeating: .left, count: count)
        }
        return (0..<count).map { index in
            switch raw[index] {
            case UInt8(ascii: "r"): .right
            case UInt8(ascii: "c"): .center
            default: .left
            }
        }
    }
}
