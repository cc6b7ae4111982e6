import Foundation
import QuireModel
import QuirePages

/// A note referred to in a requested paragraph: the number it was given and its text.
struct NoteReference {
    let number: Int
    let content: [Inline]
    /// The size its number is set at in the paragraph, to find it again among the glyphs.
    let markerSize: Double
}

/// A note whose number and text have been requested for shaping, to be set at `x`.
struct NoteRequest {
    let reference: NoteReference
    let label: Int
    let text: Int
    let x: Double
}

extension Collector {
    /// The text with each note reference replaced by the note's number, set in superscript
    /// (two references side by side read "1,2"); the notes are numbered in the order they are
    /// requested, which is reading order, and wait in `pendingNotes` for their element.
    func numberingNotes(_ text: StyledText, size: Double) -> StyledText {
        var out = StyledText()
        let bytes = Array(text.text.utf8)
        var afterMarker = false
        for span in text.spans {
            guard let content = span.style.note else {
                out.append(String(decoding: bytes[span.start..<span.end], as: UTF8.self), style: span.style)
                if span.end > span.start { afterMarker = false }
                continue
            }
            noteCount += 1
            var style = span.style
            style.note = nil
            style.superscript = true
            out.append((afterMarker ? "," : "") + String(noteCount), style: style)
            afterMarker = true
            pendingNotes.append(NoteReference(number: noteCount, content: content, markerSize: size * SpanStyle.superscriptScale))
        }
        return out
    }

    /// Requests each note's number and text in the note style, the number hung at `x` (the
    /// margin for notes at the foot of a page, a table's left edge for the notes under it).
    func requestNotes(_ notes: [NoteReference], x: Double = 0) -> [NoteRequest] {
        let style = theme.notes
        return notes.map { note in
            let label = request(StyledText(String(note.number)), width: style.indent, size: style.size, alignment: .left)
            let text = request(styledText(note.content), width: max(1, theme.contentWidth - x - style.indent), size: style.size, alignment: .left)
            return NoteRequest(reference: note, label: label, text: text, x: x)
        }
    }

    /// Gives each slice the notes whose numbers it shows; a note whose number was not found
    /// (it cannot be lost) goes with the element's last slice.
    func attach(_ notes: [NoteRequest], to items: [FlowItem], _ shaped: Shaped) -> [FlowItem] {
        var items = items
        var left = notes
        let style = theme.notes, width = theme.contentWidth
        for index in items.indices {
            guard !left.isEmpty, case .slice(var slice) = items[index] else { continue }
            let shown = shownNotes(in: slice.frame, sizes: Set(left.map(\.reference.markerSize)))
            let here = left.filter { shown.contains($0.reference.number) }
            guard !here.isEmpty else { continue }
            slice.notes += here.map { noteSlice($0, shaped, style: style, width: width) }
            left.removeAll { shown.contains($0.reference.number) }
            items[index] = .slice(slice)
        }
        if !left.isEmpty, let last = items.lastIndex(where: { if case .slice = $0 { true } else { false } }), case .slice(var slice) = items[last] {
            slice.notes += left.map { noteSlice($0, shaped, style: style, width: width) }
            items[last] = .slice(slice)
        }
        return items
    }

    /// The note numbers drawn in a frame: superscript runs ("3", or "3,4") at a marker's size.
    private func shownNotes(in frame: Frame, sizes: Set<Double>) -> Set<Int> {
        var out = Set<Int>()
        for item in frame.items {
            guard case .glyphs(let run) = item.item, sizes.contains(where: { abs($0 - run.font.size) < 0.01 }) else { continue }
            for part in run.text.split(separator: ",") { if let number = Int(part.trimmingCharacters(in: .whitespaces)) { out.insert(number) } }
        }
        return out
    }
}

/// One note as a slice the width of the column: its number hung at the left (`Lbl`), its
/// text beside it (`P`), both in a `Note` element.
func noteSlice(_ note: NoteRequest, _ shaped: Collector.Shaped, style: NoteStyle, width: Double) -> Slice {
    let lines = shaped[note.text].lines, label = shaped[note.label].lines
    let height = Double(max(1, lines.count, label.count)) * style.leading
    var frame = Frame(size: Size(width: width, height: height))
    frame.open(.note)
    frame.open(.label)
    for (n, line) in label.enumerated() {
        place(line, in: &frame, x: note.x, baseline: Double(n) * style.leading + baselineOffset(line, leading: style.leading))
    }
    frame.close()
    frame.open(.paragraph)
    for (n, line) in lines.enumerated() {
        place(line, in: &frame, x: note.x + style.indent, baseline: Double(n) * style.leading + baselineOffset(line, leading: style.leading))
    }
    frame.close(2)
    return Slice(frame: frame, height: height, breakAfter: true)
}
