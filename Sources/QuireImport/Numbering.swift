/// Checks the legacy paragraph numbers against the ones Quire will print, which count every
/// paragraph of a section from 1. Where they differ (a number given twice, skipped, or a
/// paragraph without one among numbered ones) the author is told which line and what Quire
/// prints instead, since references elsewhere ("see paragraph 2(11)") may need changing.
struct Numbering {
    let file: String
    private var section = 0
    private var printed = 0
    private var last: (number: Int, section: Int?)?
    private var sectionHasNumbers = false

    init(file: String) { self.file = file }

    /// A new section, given its blocks (to know whether the legacy text numbered it).
    mutating func startSection(_ blocks: some Sequence<RawBlock>) {
        section += 1
        printed = 0
        last = nil
        sectionHasNumbers = blocks.contains { if case .paragraph(_?, _) = $0.kind { true } else { false } }
    }

    /// A paragraph with its legacy number (nil if it had none); warnings where they differ.
    mutating func paragraph(number: Int?, section legacySection: Int?, line: Int) -> [ImportWarning] {
        // Paragraphs before the first section are not numbered.
        guard section > 0 else { return [] }
        printed += 1
        let dotted = legacySection != nil || last?.section != nil
        let quire = dotted ? "\(section).\(printed)" : "(\(printed))"
        func warning(_ message: String) -> [ImportWarning] { [ImportWarning(file: file, line: line, message: message)] }
        defer { if let number { last = (number, legacySection) } }
        guard let number else {
            return sectionHasNumbers ? warning("paragraph without a number in a numbered section; Quire numbers it \(quire)") : []
        }
        // A wrong legacy number that Quire happens to print anyway needs no word.
        if written(number, legacySection) == quire { return [] }
        if let last, number != last.number + 1 {
            return warning("paragraph numbered \(written(number, legacySection)) follows \(written(last.number, last.section)); Quire renumbers it \(quire)")
        }
        if last == nil, number != 1 {
            return warning("paragraph numbered \(written(number, legacySection)) opens its section; Quire renumbers it \(quire)")
        }
        return []
    }

    private func written(_ number: Int, _ section: Int?) -> String {
        section.map { "\($0).\(number)" } ?? "(\(number))"
    }
}
