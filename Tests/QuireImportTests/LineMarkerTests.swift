@testable import QuireImport
import Testing

/// Section numbers as PDF text gives them: a layout's tab stop can leave no space
/// ("1.Introduction", as poppler reads Quire's own papers), but a decimal stays text.
@Test func sectionNumbersWithOrWithoutASpace() {
    guard case .section(1, "Introduction", _) = lineMarker("1. Introduction") else { Issue.record("1. Introduction"); return }
    guard case .section(2, "The 2016/17 Annual Report", _) = lineMarker("2.The 2016/17 Annual Report") else {
        Issue.record("2.The 2016/17 Annual Report")
        return
    }
    guard case .numberedParagraph(5, 1, _, "million pounds were spent") = lineMarker("1.5 million pounds were spent") else {
        Issue.record("1.5 million is a paragraph number form, not a section: \(lineMarker("1.5 million pounds were spent"))")
        return
    }
    guard case .text = lineMarker("3.the rest of a sentence") else { Issue.record("lower case after '3.' is text"); return }
}
