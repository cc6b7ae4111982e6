public import QuireModel

/// A run of words set alike, as the paragraph builder joins them.
struct StyledRun: Sendable, Equatable {
    var text: String
    var bold: Bool
    var italic: Bool
}

/// A paragraph's lines of words as runs of like-set text: words one space apart, a word broken
/// by a hyphen at a line end rejoined (`dehyphenate`), a change of weight or slant a new run.
/// With `breaksWords` (a table cell), a word the column broke without a hyphen is rejoined.
func styledInlines(_ lines: [[PageWord]], vocabulary: Set<String>, breaksWords: Bool = false) -> [StyledRun] {
    var runs: [StyledRun] = []
    for line in lines {
        for (index, word) in line.enumerated() {
            guard var last = runs.last else {
                runs.append(StyledRun(text: word.text, bold: word.style.bold, italic: word.style.italic))
                continue
            }
            if index == 0, let joined = dehyphenate(last.text, word.text, vocabulary: vocabulary) {
                last.text = joined
                runs[runs.count - 1] = last
            } else if index == 0, breaksWords, continuesBrokenWord(last.text, word.text, vocabulary: vocabulary) {
                last.text += word.text
                runs[runs.count - 1] = last
            } else if last.bold == word.style.bold, last.italic == word.style.italic {
                last.text += " " + word.text
                runs[runs.count - 1] = last
            } else {
                runs.append(StyledRun(text: " " + word.text, bold: word.style.bold, italic: word.style.italic))
            }
        }
    }
    return runs
}

extension [StyledRun] {
    /// The runs as inlines: bold as `.strong`, italic as `.emphasis`, the spaces between runs
    /// kept outside them. Weight or slant the whole paragraph has is left to the paragraph's
    /// own flags (`isBold`, `isItalic`), so a bold heading is plain text with `isBold`.
    func flattened(bold allBold: Bool, italic allItalic: Bool) -> [Inline] {
        var out: [Inline] = []
        func appendText(_ text: String) {
            guard !text.isEmpty else { return }
            if case .text(let previous)? = out.last {
                out[out.count - 1] = .text(previous + text)
            } else {
                out.append(.text(text))
            }
        }
        for run in self {
            let leading = run.text.prefix { $0 == " " }
            appendText(String(leading))
            var inline: Inline = .text(String(run.text.dropFirst(leading.count)))
            if run.italic && !allItalic { inline = .emphasis([inline]) }
            if run.bold && !allBold { inline = .strong([inline]) }
            if case .text(let text) = inline { appendText(text) } else { out.append(inline) }
        }
        return out
    }
}

/// Short words a line may well start with; any other one- or two-letter lowercase fragment
/// at the start of a cell's line is the end of a word the narrow column broke ("Improvement" /
/// "s scheme").
private let shortWords: Set<String> = ["a", "i", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my",
                                       "no", "of", "on", "or", "so", "to", "up", "us", "we", "am", "vs", "eg", "ie"]

/// Whether `next`, starting a cell's line, finishes the word `text` ends with: a lowercase
/// fragment no word on its own, or one that with the word before makes a word the paper uses
/// elsewhere while the fragment alone is not one.
func continuesBrokenWord(_ text: String, _ next: String, vocabulary: Set<String>) -> Bool {
    guard let last = text.last, last.isLetter, let first = next.first, first.isLowercase else { return false }
    let fragment = String(next.prefix { $0.isLetter })
    let before = String(text.reversed().prefix { $0.isLetter }.reversed())
    if fragment.count <= 2, !shortWords.contains(fragment), fragment.count == next.filter(\.isLetter).count { return true }
    return fragment.count < next.count + 1 && vocabulary.contains((before + fragment).lowercased()) && !vocabulary.contains(fragment.lowercased())
}
