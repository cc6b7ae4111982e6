import CCairo
import CPangoCairo
import QuireLayout
import QuirePages

private let pangoScale = Double(PANGO_SCALE)
/// Pango's marker for "no glyph here" (e.g. for a newline): nothing to draw.
private let emptyGlyph: UInt32 = 0x0FFF_FFFF
/// Pango marks characters no font covers with this bit; draw the font's .notdef box instead.
private let unknownGlyphFlag: UInt32 = 0x1000_0000

extension PangoContextOwner {
    /// Breaks and shapes one paragraph with Pango and copies the lines out as value types.
    /// Justified lines stay at their natural width: widening them is layout's decision.
    func shape(_ spec: ParagraphSpec) -> ShapedParagraph {
        let layout = pango_layout_new(context)!
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let bytes = Array(spec.text.text.utf8)
        configure(layout, spec, bytes)

        var lines: [ShapedLine] = []
        let colored = spec.text.spans.contains { $0.style.color != nil }
        let iter = pango_layout_get_iter(layout)!
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iter) else { continue }
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            var lineLogical = PangoRectangle()
            pango_layout_line_get_extents(line, nil, &lineLogical)
            // A paragraph ends with the text's last line or at a hard break (the line's end
            // next to a newline); layout justifies every other line of a justified paragraph.
            let end = Int(line.pointee.start_index + line.pointee.length)
            let endsParagraph = pango_layout_iter_at_last_line(iter) != 0
                || (end < bytes.count && (bytes[end] == 0x0A || (end > 0 && bytes[end - 1] == 0x0A)))
            lines.append(copyLine(line, x: Double(logical.x) / pangoScale, extents: lineLogical, bytes: bytes, spec: spec,
                                  colored: colored, endsParagraph: endsParagraph))
        } while pango_layout_iter_next_line(iter) != 0
        return ShapedParagraph(lines: lines)
    }

    private func configure(_ layout: OpaquePointer, _ spec: ParagraphSpec, _ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { pango_layout_set_text(layout, $0.baseAddress, Int32($0.count)) }
        }
        let description = pango_font_description_new()
        pango_font_description_set_family(description, spec.family)
        pango_font_description_set_absolute_size(description, spec.size * pangoScale)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_width(layout, Int32(spec.width * pangoScale))
        // Words longer than the line (URLs) break anywhere rather than overflow the margin.
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        switch spec.alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .justify:
            // Broken by Pango at the left; layout justifies the lines (`shapeAligned`).
            pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        let attributes = pango_attr_list_new()
        for span in spec.text.spans {
            func add(_ attribute: UnsafeMutablePointer<PangoAttribute>?) {
                guard let attribute else { return }
                attribute.pointee.start_index = UInt32(span.start)
                attribute.pointee.end_index = UInt32(span.end)
                pango_attr_list_insert(attributes, attribute)
            }
            if span.style.bold { add(pango_attr_weight_new(PANGO_WEIGHT_BOLD)) }
            if span.style.italic { add(pango_attr_style_new(PANGO_STYLE_ITALIC)) }
            if span.style.monospace { add(pango_attr_family_new(spec.codeFamily)) }
            // Smaller here; raised when the line is copied (`copyLine`), so the rise does not
            // make the line taller.
            if span.style.superscript { add(pango_attr_size_new_absolute(Int32((spec.size * SpanStyle.superscriptScale * pangoScale).rounded()))) }
            // A coloured span gets runs of its own (Pango breaks items where attributes
            // change); `copyLine` gives them the span's colour.
            if let color = span.style.color {
                add(pango_attr_foreground_new(UInt16(color.red * 65535), UInt16(color.green * 65535), UInt16(color.blue * 65535)))
            } else if span.style.link != nil {
                // The same colour as the text, only so that a link's words are runs of their
                // own, which layout puts inside the link's element. Nothing drawn changes.
                add(pango_attr_foreground_new(UInt16(spec.color.red * 65535), UInt16(spec.color.green * 65535), UInt16(spec.color.blue * 65535)))
            }
        }
        pango_layout_set_attributes(layout, attributes)
        pango_attr_list_unref(attributes)
    }

    /// Copies a Pango line's glyph runs (visual order) into `GlyphRun`s with clusters.
    private func copyLine(_ line: UnsafeMutablePointer<PangoLayoutLine>, x lineX: Double, extents: PangoRectangle,
                          bytes: [UInt8], spec: ParagraphSpec, colored: Bool, endsParagraph: Bool) -> ShapedLine {
        var runs: [Positioned<GlyphRun>] = []
        var links: [LineLink] = []
        var penX = 0.0
        var node = line.pointee.runs
        while let current = node {
            node = current.pointee.next
            guard let run = current.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self).pointee,
                  let item = run.item?.pointee, let glyphString = run.glyphs?.pointee, let font = item.analysis.font else { continue }
            let start = Int(item.offset), length = Int(item.length)
            var glyphs: [Glyph] = []
            glyphs.reserveCapacity(Int(glyphString.num_glyphs))
            var x = 0.0
            for index in 0..<Int(glyphString.num_glyphs) {
                let info = glyphString.glyphs[index]
                let advance = Double(info.geometry.width) / pangoScale
                var id = info.glyph
                if id != emptyGlyph {
                    if id & unknownGlyphFlag != 0 { id = 0 }
                    glyphs.append(Glyph(id: id, x: Float(x + Double(info.geometry.x_offset) / pangoScale),
                                        y: Float(Double(info.geometry.y_offset) / pangoScale), cluster: glyphString.log_clusters[index]))
                }
                x += advance
            }
            let text = String(decoding: bytes[start..<(start + length)], as: UTF8.self)
            let color = colored ? spanColor(spec, at: start) ?? spec.color : spec.color
            let glyphRun = GlyphRun(font: fontRef(for: font), color: color, text: text, glyphs: glyphs, width: x)
            let raised = spec.text.spans.contains { $0.style.superscript && $0.start <= start && start < $0.end }
            runs.append(Positioned(glyphRun, at: Point(x: lineX + penX, y: raised ? -spec.size * SpanStyle.superscriptRise : 0)))
            links += linkExtents(spec, start: start, length: length, glyphString: glyphString, x: lineX + penX)
            penX += x
        }
        let ascent = Double(-extents.y) / pangoScale
        let descent = Double(extents.height + extents.y) / pangoScale
        return ShapedLine(runs: runs, width: penX, ascent: ascent, descent: descent, links: mergeLinks(links), endsParagraph: endsParagraph)
    }

    /// The colour of the span a run starts in, if it has one of its own.
    private func spanColor(_ spec: ParagraphSpec, at offset: Int) -> Color? {
        spec.text.spans.first { $0.start <= offset && offset < $0.end }?.style.color
    }

    /// Where link spans fall in one glyph run, as horizontal extents.
    private func linkExtents(_ spec: ParagraphSpec, start: Int, length: Int, glyphString: PangoGlyphString, x: Double) -> [LineLink] {
        var out: [LineLink] = []
        for span in spec.text.spans {
            guard let url = span.style.link, span.start < start + length, span.end > start else { continue }
            var minX = Double.infinity, maxX = -Double.infinity, pen = 0.0
            for index in 0..<Int(glyphString.num_glyphs) {
                let advance = Double(glyphString.glyphs[index].geometry.width) / pangoScale
                let offset = start + Int(glyphString.log_clusters[index])
                if offset >= span.start, offset < span.end {
                    minX = min(minX, pen)
                    maxX = max(maxX, pen + advance)
                }
                pen += advance
            }
            if minX < maxX { out.append(LineLink(url: url, x: x + minX, width: maxX - minX)) }
        }
        return out
    }

    /// A link split over several runs (a bold word inside it) becomes one area per line.
    private func mergeLinks(_ links: [LineLink]) -> [LineLink] {
        var out: [LineLink] = []
        for link in links {
            if let last = out.last, last.url == link.url, abs(last.x + last.width - link.x) < 0.5 {
                out[out.count - 1].width = link.x + link.width - last.x
            } else {
                out.append(link)
            }
        }
        return out
    }
}
