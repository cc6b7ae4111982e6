/// The checks that read the structure tree: tagged, headings, tables, figures.
extension AccessibilityCheck {
    static func tagged(marked: Bool, hasTreeRoot: Bool, elements: Int) -> AccessibilityCheck {
        var problems: [String] = []
        if !marked { problems.append("/MarkInfo /Marked is not true") }
        if !hasTreeRoot { problems.append("no /StructTreeRoot") } else if elements == 0 { problems.append("the structure tree is empty") }
        guard problems.isEmpty else { return .init("tagged", .fail, problems.joined(separator: "; ")) }
        return .init("tagged", .pass, "structure tree with \(elements) element\(elements == 1 ? "" : "s")")
    }

    /// At least one heading; numbered ones start at H1 and go at most one level deeper at a time.
    /// `headings`: there are some, numbered ones start at H1 and skip no level going down,
    /// and every `Part` (an agenda item in a pack) opens with one, so heading navigation
    /// says which item a paper's "1. Introduction" belongs to.
    static func headings(_ lines: [StructureLine], _ tree: StructureTree) -> AccessibilityCheck {
        let headings = lines.filter { $0.role == "H" || headingLevel($0.role) != nil }
        guard !headings.isEmpty else { return .init("headings", .fail, "no headings (H, H1…H6) in the structure tree") }
        let parts = tree.elements.indices.filter { tree.elements[$0].role == "Part" }
        let unheaded = parts.filter { part in
            guard let first = tree.descendants(of: part).first(where: { tree.elements[$0].depth == tree.elements[part].depth + 1 }) else { return true }
            let role = tree.elements[first].role
            return !(role == "H" || headingLevel(role) != nil)
        }
        if let first = unheaded.first, first < lines.count {
            return .init("headings", .fail, "\(unheaded.count) of \(parts.count) parts do not open with a heading, first \(quoted(lines[first]))")
        }
        var previous: Int?
        var levels: [Int] = []
        for heading in headings {
            guard let level = headingLevel(heading.role) else { continue }
            if previous == nil, level != 1 {
                return .init("headings", .fail, "the first numbered heading is \(heading.role), not H1: \(quoted(heading))")
            }
            if let previous, level > previous + 1 {
                return .init("headings", .fail, "H\(previous) → \(heading.role) skips a level at \(quoted(heading))")
            }
            previous = level
            levels.append(level)
        }
        let count = "\(headings.count) heading\(headings.count == 1 ? "" : "s")"
        guard let deepest = levels.max() else { return .init("headings", .pass, "\(count) (unnumbered H)") }
        return .init("headings", .pass, "\(count), \(deepest == 1 ? "H1" : "H1–H\(deepest)"), nested")
    }

    static func tables(_ tree: StructureTree, _ lines: [StructureLine]) -> AccessibilityCheck {
        let tables = tree.elements.indices.filter { tree.elements[$0].role == "Table" }
        guard !tables.isEmpty else { return .init("tables", .pass, "no tables") }
        let bare = tables.filter { table in !tree.descendants(of: table).contains { tree.elements[$0].role == "TH" } }
        guard let first = bare.first else {
            return .init("tables", .pass, "\(tables.count) table\(tables.count == 1 ? "" : "s"), all with header cells (TH)")
        }
        return .init("tables", .fail, "\(bare.count) of \(tables.count) tables without a TH cell, first \(quoted(lines[first]))")
    }

    static func figures(_ tree: StructureTree, _ lines: [StructureLine]) -> AccessibilityCheck {
        let figures = tree.elements.indices.filter { tree.elements[$0].role == "Figure" }
        guard !figures.isEmpty else { return .init("figures", .pass, "no figures") }
        let bare = figures.filter { tree.elements[$0].alt == nil && tree.elements[$0].actualText == nil }
        if let first = bare.first {
            return .init("figures", .fail, "\(bare.count) of \(figures.count) figures without /Alt, first \(quoted(lines[first]))")
        }
        // A caption written just before its figure, as its sibling, is not the figure's (PDF
        // 32000-1, 14.8.4.4.1: a Caption is the first or last kid of what it captions).
        let beside = figures.filter { figure in
            guard figure > 0 else { return false }
            let before = tree.elements[..<figure].lastIndex { $0.depth <= tree.elements[figure].depth }
            return before.map { tree.elements[$0].role == "Caption" && tree.elements[$0].depth == tree.elements[figure].depth } ?? false
        }
        if let first = beside.first {
            return .init("figures", .fail, "\(beside.count) of \(figures.count) figures with their caption beside them, not inside, first \(quoted(lines[first]))")
        }
        return .init("figures", .pass, "\(figures.count) figure\(figures.count == 1 ? "" : "s"), all with alternative text")
    }

    static func headingLevel(_ role: String) -> Int? {
        guard role.count == 2, role.first == "H", let level = Int(role.dropFirst()), (1...6).contains(level) else { return nil }
        return level
    }

    /// An element for a detail line: its text (short) and page.
    static func quoted(_ line: StructureLine) -> String {
        let text = line.text.count > 40 ? String(line.text.prefix(39)) + "…" : line.text
        let page = line.page.map { " on p.\($0)" } ?? ""
        return text.isEmpty ? "(no text)\(page)" : "\"\(text)\"\(page)"
    }
}
