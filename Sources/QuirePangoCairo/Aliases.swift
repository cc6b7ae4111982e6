import QuirePages

/// The page tree's font name, aliased so it does not clash with Pango's own C types.
typealias QuirePagesFontRef = QuirePages.FontRef
