import Foundation
import QuireModel

// Editing inline text by character offsets of its plain text, keeping bold, italic and links
// around what is kept: how a rule takes a label off the front of a value ("Summary: This
// report …") or a date out of a To row without losing the formatting of the rest.

/// The plain-text length an inline contributes (a soft break counts as its space, a hard
/// break as its newline), as `Array.plainText` writes it.
private func plainLength(_ inline: Inline) -> Int {
    switch inline {
    case .text(let s), .code(let s): s.count
    case .emphasis(let c), .strong(let c), .link(_, let c): c.reduce(0) { $0 + plainLength($1) }
    case .softBreak, .lineBreak: 1
    case .note: 0
    }
}

extension Array where Element == Inline {
    /// The inlines covering plain-text characters `range` (in `plainText`'s characters),
    /// each span cut to what falls inside.
    func slice(_ range: Range<Int>) -> [Inline] {
        var out: [Inline] = []
        var offset = 0
        for inline in self {
            let length = plainLength(inline)
            defer { offset += length }
            // A note takes no characters: it goes with the character before it (a reference
            // follows the word it annotates), or with the slice that starts the text.
            if case .note = inline {
                if (range.lowerBound < offset || offset == 0) && offset <= range.upperBound && range.lowerBound <= offset { out.append(inline) }
                continue
            }
            let start = Swift.max(range.lowerBound, offset), end = Swift.min(range.upperBound, offset + length)
            guard start < end else { continue }
            let local = (start - offset)..<(end - offset)
            switch inline {
            case .text(let s): out.append(.text(String([Character](s)[local])))
            case .code(let s): out.append(.code(String([Character](s)[local])))
            case .emphasis(let c): out.append(.emphasis(c.slice(local)))
            case .strong(let c): out.append(.strong(c.slice(local)))
            case .link(let url, let c): out.append(.link(url: url, c.slice(local)))
            case .softBreak, .lineBreak, .note: out.append(inline)
            }
        }
        return out
    }

    /// The inlines after the first `count` plain-text characters.
    func dropping(first count: Int) -> [Inline] { slice(count..<Swift.max(count, plainText.count)) }

    /// The first `count` plain-text characters' inlines.
    func prefix(characters count: Int) -> [Inline] { slice(0..<count) }

    /// With every run of white space (soft breaks too) one space, none at either end, and
    /// empty spans gone: how a value reads once the source's line breaks are undone.
    /// Hard breaks stay (a value the source set on its own lines).
    var tidied: [Inline] {
        var out = collapsed
        // Trim the ends: drop leading and trailing white space of the first and last texts.
        let text = out.plainText
        let leading = text.prefix { $0 == " " }.count
        let trailing = text.reversed().prefix { $0 == " " }.count
        if leading + trailing > 0, leading < text.count {
            out = out.slice(leading..<(text.count - trailing))
        } else if leading == text.count {
            out = []
        }
        return out.withoutEmptySpans
    }

    /// White space runs collapsed to one space, across span edges.
    private var collapsed: [Inline] {
        var lastWasSpace = false
        func collapse(_ inlines: [Inline]) -> [Inline] {
            var out: [Inline] = []
            for inline in inlines {
                switch inline {
                case .text(let s):
                    var t = ""
                    for character in s {
                        if character.isWhitespace {
                            if !lastWasSpace { t.append(" ") }
                            lastWasSpace = true
                        } else {
                            t.append(character)
                            lastWasSpace = false
                        }
                    }
                    if !t.isEmpty { out.append(.text(t)) }
                case .softBreak:
                    if !lastWasSpace { out.append(.text(" ")) }
                    lastWasSpace = true
                case .lineBreak:
                    out.append(.lineBreak)
                    lastWasSpace = true
                case .code(let s):
                    out.append(.code(s))
                    lastWasSpace = false
                case .emphasis(let c): out.append(.emphasis(collapse(c)))
                case .strong(let c): out.append(.strong(collapse(c)))
                case .link(let url, let c): out.append(.link(url: url, collapse(c)))
                case .note: out.append(inline)
                }
            }
            return out
        }
        return collapse(self)
    }

    /// Without spans that hold nothing, neighbouring texts merged.
    var withoutEmptySpans: [Inline] {
        var out: [Inline] = []
        for inline in self {
            var kept = inline
            switch inline {
            case .text(let s) where s.isEmpty: continue
            case .emphasis(let c): kept = .emphasis(c.withoutEmptySpans)
            case .strong(let c): kept = .strong(c.withoutEmptySpans)
            case .link(let url, let c): kept = .link(url: url, c.withoutEmptySpans)
            default: break
            }
            if case .emphasis(let c) = kept, c.isEmpty { continue }
            if case .strong(let c) = kept, c.isEmpty { continue }
            if case .text(let b) = kept, case .text(let a)? = out.last {
                out[out.count - 1] = .text(a + b)
            } else {
                out.append(kept)
            }
        }
        return out
    }

    /// Whether every character is bold (a paragraph set in bold throughout).
    var isAllStrong: Bool {
        let meaningful = filter { if case .text(let s) = $0 { !s.allSatisfy(\.isWhitespace) } else { true } }
        return !meaningful.isEmpty && meaningful.allSatisfy { if case .strong = $0 { true } else { false } }
    }
}

/// Texts joined as one, a space between each (a word broken at the end of one rejoined with
/// the next, as `dehyphenate` decides): a value that ran over several paragraphs.
func joinedInlines(_ parts: [[Inline]], vocabulary: Set<String> = []) -> [Inline] {
    var out: [Inline] = []
    for part in parts.map(\.tidied) where !part.isEmpty {
        if out.isEmpty {
            out = part
            continue
        }
        let before = out.plainText, after = part.plainText
        if let joined = dehyphenate(before, after, vocabulary: vocabulary), joined.count < before.count + after.count + 1 {
            // The hyphen went or the texts touch: drop the last character when it went.
            let dropped = before.count + after.count - joined.count
            out = out.prefix(characters: before.count - dropped) + part
        } else {
            out += [.text(" ")] + part
        }
    }
    return out.withoutEmptySpans
}

/// Plain text tidied: one space between words, none at the ends.
func tidiedText(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}
