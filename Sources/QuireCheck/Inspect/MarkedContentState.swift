/// What the content walk tracks and reports, by marked-content sequence.
extension MarkedContentWalker {
    /// Marked content on a page: `stream` is 0 for the page's own content, else the object
    /// number of the form XObject holding it (what a structure element's MCR /Stm names).
    struct Key: Hashable {
        var page: Int
        var stream: Int
        var mcid: Int
    }

    struct Counts {
        var tagged = 0, artifact = 0, untagged = 0
        var firstUntaggedPage: Int?
        var unmappedIDs = 0

        mutating func add(_ other: Counts) {
            tagged += other.tagged
            artifact += other.artifact
            untagged += other.untagged
            unmappedIDs += other.unmappedIDs
            if firstUntaggedPage == nil { firstUntaggedPage = other.firstUntaggedPage }
        }

        /// What was counted since `earlier` (the first untagged page only if it is new).
        func minus(_ earlier: Counts) -> Counts {
            Counts(tagged: tagged - earlier.tagged, artifact: artifact - earlier.artifact, untagged: untagged - earlier.untagged,
                   firstUntaggedPage: earlier.firstUntaggedPage == nil ? firstUntaggedPage : nil,
                   unmappedIDs: unmappedIDs - earlier.unmappedIDs)
        }
    }

    /// The marked-content state inside one BMC/BDC, folded with every enclosing one, so
    /// each operation asks only the innermost.
    struct Mark {
        var artifact = false
        var tagged = false
        /// Where shown text goes (nil: nowhere, e.g. in an artifact).
        var key: Key?
        /// Inside a sequence whose /ActualText replaces the text shown.
        var suppressed = false
        var actualText: String?
    }
}
