public import QuirePages

/// Where a long document's pages split into parts drawn side by side, each on a surface of its
/// own: after a page at least `minimumPages` into the part, where no structure element is open
/// (between the papers of a pack), so that each part's structure is whole and the parts join
/// as they are. The split depends on the pages alone, never on threads or timing, so the
/// bytes written are the same however the parts are scheduled. A document with no such place
/// (one long paper, one section open throughout) is one part.
public struct DrawingParts {
    public let minimumPages: Int
    /// Structure elements open after the pages seen so far.
    private var depth = 0
    private var pagesInPart = 0

    /// Parts of 64 pages or more: each part embeds its own font subsets (about 40 KB for the
    /// house styles' faces), so a 1,000-page pack's parts cost some 15 of them.
    public static let defaultMinimumPages = 64

    public init(minimumPages: Int = defaultMinimumPages) { self.minimumPages = max(1, minimumPages) }

    /// Counts `page` into the current part; true when the part may end after it.
    public mutating func endsPart(after page: Page) -> Bool {
        for positioned in page.frame.items {
            switch positioned.item {
            case .beginTag: depth += 1
            case .endTag: depth -= 1
            default: continue
            }
        }
        pagesInPart += 1
        guard depth <= 0, pagesInPart >= minimumPages else { return false }
        pagesInPart = 0
        return true
    }
}
