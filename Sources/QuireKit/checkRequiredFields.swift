import QuireLayout
import QuireModel

/// Whether a paper is new (written for this layout) or comes from the archive; an imported
/// paper (`imported-from:`) is treated as archived.
public enum PaperOrigin: Sendable {
    case new
    /// Re-rendered from the archive (`quire regenerate`): shown as its source was.
    case archived
}

/// The layout names the header fields (and report sections) a paper must have. For a new
/// paper a missing one is an error at the top of the front matter with an example to copy,
/// every missing field reported at once. An archived or imported paper's source never had it:
/// it renders without it, and each missing field or section is a warning naming it; nothing
/// is made up in its place.
func checkRequiredFields(_ paper: Paper, theme: Theme, origin: PaperOrigin) throws(QuireError) -> [Diagnostic] {
    let matter = paper.frontMatter
    let missingFields = theme.headerBlock.required.filter { !matter.has($0) }
    let missingSections = theme.missingSections(in: paper.body).filter(\.required)
    let imported = matter.name(.importedFrom) != nil
    if origin == .archived || imported {
        let why = imported ? "this imported paper" : "this archived paper"
        let top = SourceLocation(file: paper.file, line: 2)
        return missingFields.map { field in
            Diagnostic(at: top, "the layout '\(theme.name)' requires '\(field.key)'; \(why) has none, so it renders without it")
        } + missingSections.map { section in
            Diagnostic(at: SourceLocation(file: paper.file, line: paper.bodyLine),
                       "the layout '\(theme.name)' requires a section '\(section.title)'; \(why) has none, so it renders without it")
        }
    }
    let missing = missingFields.map { field in
        QuireError(.missingField, at: SourceLocation(file: paper.file, line: 2), field: field.key,
                   "the layout '\(theme.name)' requires '\(field.key)', and the front matter has none",
                   hint: "add a line such as '\(field.key): \(example(field))' between the '---' lines")
    } + missingSections.map { section in
        QuireError(.missingField, at: SourceLocation(file: paper.file, line: paper.bodyLine), field: section.title,
                   "the layout '\(theme.name)' requires a section '\(section.title)', and the body has none",
                   hint: "add '# \(section.title)' with its text to the body")
    }
    if let error = QuireError.combining(missing) { throw error }
    return []
}

/// A value to copy, in the shape the field's kind takes.
private func example(_ field: FrontMatterField) -> String {
    switch field.kind {
    case .date: "2017-10-19"
    case .people: "[{name: Jane Smith, role: Corporate Director}]"
    case .contacts: "[{name: Jane Smith, phone: \"03000 000000\", email: jane.smith@example.gov.uk}]"
    case .textList, .files: field == .data ? "figures.yaml" : "…"
    case .name: "committee-paper"
    case .rows: "{Cabinet portfolio: Finance}"
    case .numbering: "{paragraphs: \"1.1\"}"
    case .text: field == .classification ? "Unrestricted" : field == .to ? "Cabinet Committee" : "…"
    }
}
