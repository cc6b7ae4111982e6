public import QuirePages

/// A council's logo or crest (SVG or PNG from the layout's folder or assets/), drawn in the
/// top margin of the first page or of every page, at the left or right, with the council's
/// name beside or under it. On the first page it is a figure with the layout's alt text;
/// repeated on later pages it is furniture (an artifact).
public struct LogoStyle: Hashable, Sendable {
    public enum Pages: String, Hashable, Sendable, CaseIterable { case first, every }
    public enum Place: String, Hashable, Sendable, CaseIterable {
        case topLeft = "top-left", topRight = "top-right"
    }
    public enum NamePosition: String, Hashable, Sendable, CaseIterable { case beside, under, none }
    /// The image file; empty: no logo.
    public var file = ""
    public var width = mm(30)
    public var pages = Pages.first
    public var place = Place.topRight
    /// Distance of the logo's top from the top of the page.
    public var top = mm(10)
    /// The council's name, set beside or under the logo.
    public var name = ""
    public var namePosition = NamePosition.beside
    public var nameSize = 12.0
    public var nameBold = true
    public var nameColor: Color?
    /// The text alternative read out for the logo.
    public var alt = ""
}
