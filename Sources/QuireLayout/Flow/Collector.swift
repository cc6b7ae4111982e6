import QuireModel
import QuirePages

/// Turns blocks into flow items in two steps: first every paragraph is described as a
/// `ParagraphSpec` (so the backend can shape them all in one batch, in parallel), then each
/// element's builder turns its shaped paragraphs into slices.
final class Collector {
    let theme: Theme
    let file: String
    /// Images found by the caller, by the path the source wrote.
    let images: [String: ImageInfo]
    private(set) var specs: [ParagraphSpec] = []
    private var builders: [(Shaped) -> [FlowItem]] = []

    init(theme: Theme, file: String, images: [String: ImageInfo]) {
        self.theme = theme
        self.file = file
        self.images = images
    }

    /// Shaped results by request index.
    struct Shaped {
        let paragraphs: [ShapedParagraph]
        subscript(_ index: Int) -> ShapedParagraph { paragraphs[index] }
    }

    // MARK: - Requests

    /// Asks for a paragraph to be shaped; the index finds it in `Shaped` later.
    func request(_ text: StyledText, width: Double, size: Double? = nil, family: String? = nil, color: Color? = nil,
                 alignment: TextAlignment) -> Int {
        specs.append(ParagraphSpec(text: text, family: family ?? theme.body.family, size: size ?? theme.body.size,
                                   color: color ?? theme.body.color, width: width, alignment: alignment))
        return specs.count - 1
    }

    /// Adds an element: a closure run after shaping that returns its flow items.
    func add(_ builder: @escaping (Shaped) -> [FlowItem]) { builders.append(builder) }

    /// Vertical space; consecutive spaces collapse to the largest, as margins do in CSS.
    func space(_ height: Double) {
        add { _ in [.space(height)] }
    }

    // MARK: - Build

    /// Runs the builders over the shaped paragraphs, merging adjacent spaces.
    func build(with shaped: [ShapedParagraph]) -> [FlowItem] {
        let results = Shaped(paragraphs: shaped)
        var items: [FlowItem] = []
        items.reserveCapacity(shaped.count * 4)
        for builder in builders {
            for item in builder(results) {
                if case .space(let h) = item, case .space(let previous)? = items.last {
                    items[items.count - 1] = .space(max(h, previous))
                } else {
                    items.append(item)
                }
            }
        }
        return items
    }
}
