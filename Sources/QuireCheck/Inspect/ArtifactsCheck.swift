/// `artifacts`: every drawing operation is either structure content or declared decoration;
/// anything else is invisible to assistive technology without being marked as unimportant.
extension AccessibilityCheck {
    static func artifacts(_ counts: MarkedContentWalker.Counts, stoppedEarly: Bool) -> AccessibilityCheck {
        let total = counts.tagged + counts.artifact + counts.untagged
        var notes = ""
        if counts.unmappedIDs > 0 {
            notes += "; \(counts.unmappedIDs) marked-content id\(counts.unmappedIDs == 1 ? "" : "s") not in the /ParentTree"
        }
        if stoppedEarly {
            return .init("artifacts", .fail, "gave up after \(total) drawing operations (too much content to walk)" + notes)
        }
        guard total > 0 else { return .init("artifacts", .pass, "no drawing operations") }
        guard counts.untagged == 0 else {
            let first = counts.firstUntaggedPage.map { ", first on p.\($0)" } ?? ""
            return .init("artifacts", .fail, "\(counts.untagged) of \(total) drawing operations neither tagged nor artifact\(first)" + notes)
        }
        return .init("artifacts", .pass, "\(total) drawing operations: \(counts.tagged) tagged, \(counts.artifact) artifact" + notes)
    }
}

/// A page attribute the page may inherit from its ancestors in the page tree (/Resources).
func inheritedPageAttribute(_ key: String, of page: PDFObject) -> PDFObject? {
    var node: PDFObject? = page
    for _ in 0..<inspectionMaxDepth {
        guard let current = node else { return nil }
        if let value = current[key] { return value }
        node = current["Parent"]
    }
    return nil
}
