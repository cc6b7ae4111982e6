import Foundation

/// The numbering part (`word/numbering.xml`): abstract list definitions (`w:abstractNum`, a
/// level each for "1.", "1.1", "(a)" …) and the lists paragraphs name (`w:num`, an abstract
/// definition with its level overrides: a restart, a level redefined).
struct WordNumbering {
    /// One level of a list: how it counts and what it prints.
    struct Level {
        var start = 1
        /// `w:numFmt`: decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none, …
        var format = "decimal"
        /// `w:lvlText`: "%1.%2", "(%3)", or the bullet character.
        var text = ""
        /// `w:isLgl`: every level it shows printed as decimal ("1.1.1" under a roman level).
        var isLegal = false
        /// `w:lvlRestart`: restarts only after a level above this (1-based); 0 never restarts.
        var restartAfter: Int?
        var paragraph = ParagraphFormat()

        init() {}

        init(_ element: WordElement) {
            start = element.child("w:start")?.intValue ?? 1
            format = element.child("w:numFmt")?["w:val"] ?? "decimal"
            text = element.child("w:lvlText")?["w:val"] ?? ""
            isLegal = element.child("w:isLgl")?.isOn ?? false
            restartAfter = element.child("w:lvlRestart")?.intValue
            paragraph = ParagraphFormat(element.child("w:pPr"))
        }
    }

    struct Abstract {
        var levels: [Int: Level] = [:]
        /// `w:numStyleLink`: the levels are those of the list a numbering style names.
        var styleLink: String?
    }

    struct List {
        var abstractID: String
        /// Per level: a start the list restarts at, and a level it redefines.
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    private(set) var abstracts: [String: Abstract] = [:]
    private(set) var lists: [String: List] = [:]

    init() {}

    init(_ root: WordElement?, styles: WordStyles) {
        guard let root else { return }
        for element in root.children("w:abstractNum") {
            guard let id = element["w:abstractNumId"] else { continue }
            var abstract = Abstract(styleLink: element.child("w:numStyleLink")?["w:val"])
            for level in element.children("w:lvl") {
                if let index = level["w:ilvl"].flatMap({ Int($0) }) { abstract.levels[index] = Level(level) }
            }
            abstracts[id] = abstract
        }
        for element in root.children("w:num") {
            guard let id = element["w:numId"], let abstractID = element.child("w:abstractNumId")?["w:val"] else { continue }
            var list = List(abstractID: abstractID)
            for override in element.children("w:lvlOverride") {
                guard let index = override["w:ilvl"].flatMap({ Int($0) }) else { continue }
                if let start = override.child("w:startOverride")?.intValue { list.startOverrides[index] = start }
                if let level = override.child("w:lvl") { list.levelOverrides[index] = Level(level) }
            }
            lists[id] = list
        }
        // A definition that only links to a numbering style takes the levels of the list
        // that style names.
        for (id, abstract) in abstracts where abstract.levels.isEmpty {
            guard let link = abstract.styleLink, let numID = styles.paragraphFormat(link).numID,
                  let target = lists[numID], let levels = abstracts[target.abstractID]?.levels else { continue }
            abstracts[id]?.levels = levels
        }
    }

    /// The abstract definition a list counts in (lists of one definition share its counters).
    func abstractID(of numID: String) -> String? { lists[numID]?.abstractID }

    /// Level `index` of list `numID`, its override applied.
    func level(_ numID: String, _ index: Int) -> Level? {
        guard let list = lists[numID] else { return nil }
        return list.levelOverrides[index] ?? abstracts[list.abstractID]?.levels[index]
    }
}

/// Word's list counters through the document, so each numbered paragraph gets the marker
/// Word prints for it: one set of counters per abstract definition (two lists of one
/// definition continue each other), deeper levels restarting when a level above them counts,
/// and a list's `startOverride` restarting its level the first time the list is used.
struct ListCounters {
    private var counts: [String: [Int: Int]] = [:]
    private var started = Set<String>()

    /// Counts a paragraph at `level` of list `numID` and returns its marker as printed
    /// ("1.", "1.1", "(a)", "•"), or nil when the list prints nothing there.
    mutating func marker(_ numID: String, level index: Int, in numbering: WordNumbering) -> String? {
        guard let abstract = numbering.abstractID(of: numID), let level = numbering.level(numID, index) else { return nil }
        var values = counts[abstract] ?? [:]
        let key = numID + "#" + String(index)
        if started.insert(key).inserted, let start = numbering.lists[numID]?.startOverrides[index] {
            values[index] = start - 1
        }
        values[index] = (values[index] ?? level.start - 1) + 1
        // Deeper levels start again, unless they restart only after a level above this one.
        for deeper in values.keys where deeper > index {
            let restartAfter = numbering.level(numID, deeper)?.restartAfter
            if restartAfter == nil || (restartAfter != 0 && index < restartAfter!) { values[deeper] = nil }
        }
        counts[abstract] = values
        if level.format == "bullet" { return bulletText(level.text) }
        var text = ""
        var characters = Array(level.text)
        var position = 0
        while position < characters.count {
            let character = characters[position]
            if character == "%", position + 1 < characters.count, let digit = characters[position + 1].wholeNumberValue, (1...9).contains(digit) {
                let shown = digit - 1
                let shownLevel = numbering.level(numID, shown)
                let value = values[shown] ?? shownLevel?.start ?? 1
                let format = level.isLegal && shown < index ? "decimal" : shownLevel?.format ?? "decimal"
                text += formatListNumber(value, format)
                position += 2
            } else {
                text.append(character)
                position += 1
            }
        }
        characters = []
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// A number in one of Word's list formats.
func formatListNumber(_ value: Int, _ format: String) -> String {
    switch format {
    case "none": return ""
    case "decimalZero": return value < 10 && value >= 0 ? "0\(value)" : String(value)
    case "lowerLetter", "upperLetter":
        guard value > 0 else { return String(value) }
        // a … z, then aa … zz: Word repeats the letter.
        let letter = Character(Unicode.Scalar(UInt8(97 + (value - 1) % 26)))
        let text = String(repeating: String(letter), count: (value - 1) / 26 + 1)
        return format == "upperLetter" ? text.uppercased() : text
    case "lowerRoman", "upperRoman":
        let text = romanNumeral(value)
        return format == "upperRoman" ? text.uppercased() : text
    case "ordinal":
        let suffix = (11...13).contains(value % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][value % 10] ?? "th"
        return "\(value)\(suffix)"
    case "decimalEnclosedParen": return "(\(value))"
    default: return String(value)
    }
}

/// Lower-case roman numerals (Word prints 0 and negatives as decimal).
func romanNumeral(_ value: Int) -> String {
    guard value > 0, value < 4000 else { return String(value) }
    let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
                                  (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    var rest = value
    var out = ""
    for (amount, numeral) in table {
        while rest >= amount {
            out += numeral
            rest -= amount
        }
    }
    return out
}

/// A bullet level's text as it prints: the private-use code points of Word's Symbol and
/// Wingdings bullets as the characters they draw.
func bulletText(_ text: String) -> String? {
    let symbols: [UInt32: String] = [0xF0B7: "•", 0xF0A7: "▪", 0xF06E: "■", 0xF0A8: "◦", 0xF0D8: "➢", 0xF0FC: "✓", 0xF076: "❖",
                                     0xF0E0: "➔", 0xF02D: "–", 0xF06F: "o", 0xF0B0: "°"]
    let mapped = text.unicodeScalars.map { scalar -> String in
        if let symbol = symbols[scalar.value] { return symbol }
        return (0xF000...0xF0FF).contains(scalar.value) ? "•" : String(scalar)
    }.joined().trimmingCharacters(in: .whitespaces)
    return mapped.isEmpty ? nil : mapped
}
