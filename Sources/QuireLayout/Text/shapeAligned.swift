extension TextShaper {
    /// Shapes a batch through the backend, then justifies: every line of a `justify` paragraph
    /// that does not end it is widened to the paragraph's width (`justified`). Layout shapes
    /// only through this, so justification is decided here, once, whichever backend broke the
    /// lines: Pango in production, the fixed-pitch shaper in tests.
    func shapeAligned(_ paragraphs: [ParagraphSpec]) -> [ShapedParagraph] {
        var shaped = shape(paragraphs)
        for (index, spec) in paragraphs.enumerated() where spec.alignment == .justify {
            for line in shaped[index].lines.indices where !shaped[index].lines[line].endsParagraph {
                shaped[index].lines[line] = justified(shaped[index].lines[line], width: spec.width)
            }
        }
        return shaped
    }
}
