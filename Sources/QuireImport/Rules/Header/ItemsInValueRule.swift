import Foundation
import QuireModel

/// A list value (a recommendation, background papers) as its entries: a lead-in, then items
/// each opening with a marker, more text going on with the item before it.
///
/// Shapes:
/// ```
/// Cabinet is asked to:        lead-in
/// a) APPROVE the plan; and    item (its marker dropped: the layout labels items itself)
/// b) NOTE the costs.          item
/// (1) APPROVE the plan        items on consecutive lines of one paragraph, split at
/// (2) NOTE the costs          each line that opens with the next marker
/// ```
/// A lead-in is kept, joined to the first item ("Cabinet is asked to: APPROVE the plan"):
/// the front matter holds a list of texts, and a lead-in alone would be labelled as an item.
struct ListValue {
    var entries: [[Inline]]
    /// The items' label style, as printed (nil when the value had no items).
    var style: ItemNumbering?
}

func readListValue(_ pieces: [ValuePiece], notes: inout Notes) -> ListValue {
    let split = pieces.flatMap(splitAtMarkedLines)
    var lead: [[Inline]] = []
    var items: [[[Inline]]] = []
    var style: ItemNumbering?
    var previous: Marker?
    for piece in split {
        if let marker = piece.marker {
            let settled = marker.settled(after: previous)
            previous = settled
            style = style ?? settled.itemStyle
            notes.drop(marker.written, at: piece.place, .number)
            items.append([piece.inlines])
        } else if items.isEmpty {
            lead.append(piece.inlines)
        } else {
            items[items.count - 1].append(piece.inlines)
        }
    }
    guard !items.isEmpty else { return ListValue(entries: lead.isEmpty ? [] : [joinedInlines(lead)], style: nil) }
    var entries = items.map { joinedInlines($0) }
    if !lead.isEmpty { entries[0] = joinedInlines(lead + [entries[0]]) }
    return ListValue(entries: entries, style: style)
}

/// A piece whose later lines open with markers ("(2) NOTE …" under "(1) APPROVE …") split at
/// each such line. The first line's marker may be the reader's (`piece.marker`) or still in
/// the text.
func splitAtMarkedLines(_ piece: ValuePiece) -> [ValuePiece] {
    var piece = piece
    // A value whose text still opens with its marker ("Recommendation: (a) NOTE …").
    if piece.marker == nil, let (marker, rest) = leadingMarker(piece.text) {
        piece.marker = marker
        piece.inlines = piece.inlines.dropping(first: piece.text.count - rest.count).tidied
        piece.lines = piece.lines.isEmpty ? [] : [rest] + piece.lines.dropFirst()
    }
    guard piece.lines.count > 1 else { return [piece] }
    let text = piece.inlines.plainText
    var cuts: [(offset: Int, marker: Marker, length: Int)] = []
    var searchFrom = text.startIndex
    for line in piece.lines.dropFirst() {
        guard let (marker, rest) = leadingMarker(tidiedText(line)), !rest.isEmpty,
              let found = text.range(of: rest, range: searchFrom..<text.endIndex) else { continue }
        // The marker must stand right before the rest in the text.
        let before = String(text[..<found.lowerBound])
        let trimmed = String(before.reversed().drop { $0.isWhitespace }.reversed())
        guard trimmed.hasSuffix(marker.written) else { continue }
        let markerStart = trimmed.count - marker.written.count
        cuts.append((markerStart, marker, before.count - markerStart))
        searchFrom = found.upperBound
    }
    guard !cuts.isEmpty else { return [piece] }
    var out: [ValuePiece] = []
    var start = 0
    var marker = piece.marker
    for cut in cuts {
        var part = piece
        part.inlines = piece.inlines.slice(start..<cut.offset).tidied
        part.marker = marker
        part.lines = []
        out.append(part)
        start = cut.offset + cut.length
        marker = cut.marker
    }
    var last = piece
    last.inlines = piece.inlines.dropping(first: start).tidied
    last.marker = marker
    last.lines = []
    out.append(last)
    return out.filter { !$0.inlines.isEmpty || $0.marker != nil }
}

/// A marker at the start of a line of text ("(2) NOTE …" → "(2)", "NOTE …"), for lines a
/// reader left inside one paragraph.
func leadingMarker(_ line: String) -> (Marker, String)? {
    guard let g = matchGroups(#"^(\(?[0-9]{1,3}\)|[0-9]{1,3}\.|\(?[a-z]{1,2}\)|\(?[ivx]{1,5}\)|[a-z]\.|[•·▪◦–-])\s+(\S.*)$"#, line),
          let marker = Marker(g[0]) else { return nil }
    return (marker, g[1])
}
