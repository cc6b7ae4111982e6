import Foundation
import QuireModel
import QuirePages

/// What finalize adds to pages besides the running header and footer: the layout's logo (with
/// the council's name) and the protective marking, resolved for one paper.
struct PageFurniture {
    /// The logo image, found and measured by the caller.
    var logo: ImageInfo?
    /// The marking as printed ("OFFICIAL-SENSITIVE"), or nil for none.
    var marking: String?

    init(theme: Theme, matter: FrontMatter, images: [String: ImageInfo]) {
        logo = theme.logo.file.isEmpty ? nil : images[theme.logo.file]
        marking = protectiveMarking(theme.marking, matter)
    }
}

/// The marking a paper carries in a layout's form: its `classification` or
/// `protective-marking` (as the layout says), else the layout's default; nil when the layout
/// prints none or nothing gives one.
func protectiveMarking(_ style: MarkingStyle, _ matter: FrontMatter) -> String? {
    guard style.enabled else { return nil }
    let field: FrontMatterField = style.source == .classification ? .classification : .protectiveMarking
    let value = matter.text(field)?.plainText ?? style.defaultMarking
    guard !value.isEmpty else { return nil }
    return style.textCase.apply(style.form.replacingOccurrences(of: "{marking}", with: value))
}

/// The logo's and marking's paragraphs, shaped with the running header and footer.
struct FurnitureRequests {
    var name: Int?
    var marking: Int?
}

extension PageFurniture {
    /// Asks for the council's name and the marking to be shaped (once per batch: they are the
    /// same on every page).
    func request(_ theme: Theme, into specs: inout [ParagraphSpec]) -> FurnitureRequests {
        var requests = FurnitureRequests()
        if logo != nil, !theme.logo.name.isEmpty, theme.logo.namePosition != .none {
            let style = theme.logo
            let width = max(1, theme.contentWidth - (style.namePosition == .beside ? style.width + 8 : 0))
            let alignment: TextAlignment = style.place == .topRight ? .right : .left
            specs.append(ParagraphSpec(text: StyledText(style.name, style: SpanStyle(bold: style.nameBold)), family: theme.body.family,
                                       size: style.nameSize, color: style.nameColor ?? theme.body.color, width: width, alignment: alignment))
            requests.name = specs.count - 1
        }
        if let marking {
            let style = theme.marking
            specs.append(ParagraphSpec(text: StyledText(marking, style: SpanStyle(bold: style.bold)), family: theme.body.family,
                                       size: style.size, color: style.color ?? theme.body.color, width: theme.contentWidth, alignment: .center))
            requests.marking = specs.count - 1
        }
        return requests
    }

    /// Draws the logo (and name) on the page: a figure with its alt text, and the name a
    /// paragraph, on the document's first page; furniture (artifacts) when repeated.
    func drawLogo(on frame: inout Frame, theme: Theme, pageIndex: Int, name: ShapedParagraph?) {
        guard let logo else { return }
        let style = theme.logo
        guard style.pages == .every || pageIndex == 0 else { return }
        let content = pageIndex == 0
        let size = Size(width: style.width, height: Double(logo.pixelHeight) * style.width / Double(max(1, logo.pixelWidth)))
        let left = theme.page.marginLeft, right = theme.page.size.width - theme.page.marginRight
        let x = style.place == .topLeft ? left : right - size.width
        frame.open(content ? StructureTag(.figure, alt: !style.alt.isEmpty ? style.alt : style.name.isEmpty ? "Logo" : style.name + " logo") : StructureTag(.artifact))
        frame.push(.image(path: logo.path, size), at: Point(x: x, y: style.top))
        frame.close()
        guard let lines = name?.lines, !lines.isEmpty else { return }
        let leading = style.nameSize * 1.2
        let nameHeight = leading * Double(lines.count)
        // Beside: on the logo's inner side, centred on it; under: below it, on its side.
        let (nameX, nameTop): (Double, Double) = switch style.namePosition {
        case .beside: (style.place == .topLeft ? x + size.width + 8 : left, style.top + (size.height - nameHeight) / 2)
        case .under, .none: (left, style.top + size.height + 4)
        }
        frame.open(content ? StructureTag(.paragraph) : StructureTag(.artifact))
        for (index, line) in lines.enumerated() {
            place(line, in: &frame, x: nameX, baseline: nameTop + Double(index) * leading + baselineOffset(line, leading: leading))
        }
        frame.close()
    }

    /// Draws the marking, centred, near the top and the foot of the page (furniture).
    func drawMarking(on frame: inout Frame, theme: Theme, shaped: ShapedParagraph?) {
        guard let line = shaped?.lines.first else { return }
        let style = theme.marking
        if style.header {
            frame.open(.artifact)
            place(line, in: &frame, x: theme.page.marginLeft, baseline: style.distance)
            frame.close()
        }
        if style.footer {
            frame.open(.artifact)
            place(line, in: &frame, x: theme.page.marginLeft, baseline: theme.page.size.height - style.distance)
            frame.close()
        }
    }
}
