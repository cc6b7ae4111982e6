import Foundation
import QuireKit
import QuireLayout
import QuireModel
import QuirePages
import QuirePangoCairo
import Testing

/// The Pango backend breaks and shapes; what the lines look like beyond that (justification,
/// the code font) is the layout's decision.
@Suite("Pango breaks, layout decides")
struct PangoBreaksOnlyTests {
    let text: StyledText = {
        var text = StyledText("The Board met six times during the year and received reports from each of its sub-groups, ")
        text.append("quire dump", style: SpanStyle(monospace: true))
        text.append(" and every statutory partner sent a representative.\nA line after a hard break, long enough to wrap onto a second line of its own.",
                    style: SpanStyle())
        return text
    }()

    @Test("justified lines come back as left-aligned ones, each saying whether it ends its paragraph")
    func naturalWidths() throws {
        let spec = ParagraphSpec(text: text, family: "Liberation Sans", size: 12, width: 200, alignment: .justify)
        var left = spec
        left.alignment = .left
        let lines = typesetter.shaper.shape([spec])[0].lines
        #expect(lines.count > 4)
        #expect(lines == typesetter.shaper.shape([left])[0].lines)
        // The text's last line, and the last before the hard break, end a paragraph.
        let beforeBreak = try #require(lines.firstIndex { line in line.runs.contains { $0.item.text.contains("representative.") } })
        #expect(lines.map(\.endsParagraph) == lines.indices.map { $0 == beforeBreak || $0 == lines.count - 1 })
    }

    @Test("the layout stretches them, so a justified page has full-width lines")
    func layoutStretches() throws {
        let result = try typesetter.layout(file: examplePath("kscb-2016-17"))
        let rows = Dictionary(grouping: result.layout.document.pages[1].frame.items.compactMap { item -> (y: Double, end: Double)? in
            guard case .glyphs(let run) = item.item else { return nil }
            return (item.point.y, item.point.x + run.width)
        }, by: { ($0.y * 100).rounded() })
        let right = result.theme.page.size.width - result.theme.page.marginRight
        let full = rows.values.filter { row in row.contains { abs($0.end - right) < 0.01 } }
        #expect(full.count > 10, "only \(full.count) lines reach the right margin on page 2")
    }

    @Test("monospace spans take the family the layout names (code.font)")
    func codeFamily() {
        func family(of piece: String, _ codeFamily: String) -> String? {
            let spec = ParagraphSpec(text: text, family: "Liberation Sans", codeFamily: codeFamily, size: 12, width: 400, alignment: .left)
            let runs = typesetter.shaper.shape([spec])[0].lines.flatMap(\.runs)
            return runs.first { $0.item.text.contains(piece) }?.item.font.family
        }
        #expect(family(of: "quire dump", "Liberation Mono") == "Liberation Mono")
        #expect(family(of: "quire dump", "Liberation Sans") == "Liberation Sans")
    }

    @Test("a layout naming a code font that is not bundled is an error at its line")
    func unbundledCodeFont() throws {
        let root = try scratchDirectory()
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("fonts"), withDestinationURL: repositoryRoot.appendingPathComponent("fonts"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("layouts"), withIntermediateDirectories: true)
        try "name: courier-code\ncode:\n  font: Courier\n".write(to: root.appendingPathComponent("layouts/courier-code.yaml"), atomically: true, encoding: .utf8)
        let local = Typesetter(resources: Resources(root: root))
        #expect {
            _ = try local.layout(file: examplePath("kscb-2016-17"), layout: "courier-code")
        } throws: { error in
            guard let error = error as? QuireError else { return false }
            return error.field == "code.font" && error.location?.line == 3 && error.message.contains("Courier")
        }
    }
}
