import QuireLayout
import QuireModel

/// The layout names the header fields a paper must have; a missing one is an error at the
/// top of the front matter with an example to copy. Every missing field is reported at once.
/// An imported paper (`imported-from:`) never had them: it renders without them, each
/// missing field a warning, nothing made up in its place.
func checkRequiredFields(_ paper: Paper, theme: Theme) throws(QuireError) -> [Diagnostic] {
    let lacking = theme.headerBlock.required.filter { !paper.frontMatter.has($0) }
    if paper.frontMatter.name(.importedFrom) != nil {
        return lacking.map { field in
            Diagnostic(at: SourceLocation(file: paper.file, line: 2),
                       "the layout '\(theme.name)' requires '\(field.key)'; this imported paper has none, so it renders without it")
        }
    }
    let missing = lacking.map { field in
        QuireError(.missingField, at: SourceLocation(file: paper.file, line: 2), field: field.key,
                   "the layout '\(theme.name)' requires '\(field.key)', and the front matter has none",
                   hint: "add a line such as '\(field.key): \(example(field))' between the '---' lines")
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
