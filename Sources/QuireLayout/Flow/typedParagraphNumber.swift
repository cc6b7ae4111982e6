import QuireModel

/// The number a paragraph starts with when it looks typed by habit, as the author wrote it:
/// "1.1", "2.3.", "(3)", followed by a space and a capital ("1.1 The largest pressure…").
/// Nil otherwise; "1.5 million children" (a lower-case word after it) is a sentence, not a
/// number. Quire numbers paragraphs itself, so a typed one would print after its own.
func typedParagraphNumber(_ text: String) -> String? {
    let scalars = Array(text.unicodeScalars.prefix(24))
    var index = 0
    func digits() -> Bool {
        let start = index
        while index < scalars.count, index - start < 3, ("0"..."9").contains(scalars[index]) { index += 1 }
        return index > start && (index == scalars.count || !("0"..."9").contains(scalars[index]))
    }
    if scalars.first == "(" {
        index = 1
        guard digits(), index < scalars.count, scalars[index] == ")" else { return nil }
        index += 1
    } else {
        guard digits() else { return nil }
        var parts = 1
        while index + 1 < scalars.count, scalars[index] == ".", ("0"..."9").contains(scalars[index + 1]) {
            index += 1
            guard digits() else { return nil }
            parts += 1
        }
        guard parts >= 2 else { return nil }
        if index < scalars.count, scalars[index] == "." { index += 1 }
    }
    let number = String(String.UnicodeScalarView(scalars[..<index]))
    guard index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\u{A0}" else { return nil }
    while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\u{A0}" { index += 1 }
    guard index < scalars.count, scalars[index].properties.isUppercase else { return nil }
    return number
}

extension Collector {
    /// Warns when a numbered paragraph starts with a number of its own, saying what it prints.
    func checkTypedNumber(_ text: String, label: String, line: Int) {
        guard let typed = typedParagraphNumber(text) else { return }
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let shown = words.count > 40 ? String(words.prefix(40)) + "…" : words
        diagnostics.append(Diagnostic(at: SourceLocation(file: file, line: line),
            "this paragraph starts with '\(typed)', like a number typed by habit: it prints as '\(label) \(shown)'; remove the typed number (Quire numbers paragraphs itself)"))
    }
}
