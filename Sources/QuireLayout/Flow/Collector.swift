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
    /// Each element's builder and the requests it owns: contiguous and in order, since an
    /// element requests its paragraphs just before it is added. `stream` shapes a chunk as the
    /// requests its builders own, so a builder must own every request it reads.
    private var builders: [(specs: Range<Int>, build: (Shaped) -> [FlowItem])] = []
    private var specsAtLastAdd = 0
    /// Whether numbered paragraphs have an open list (L › LI › LBody) that later blocks join.
    var numberedListOpen = false
    /// What collecting noticed or had to give up on (a paragraph number typed by habit, a
    /// table kept together but taller than a page).
    var diagnostics: [Diagnostic] = []
    /// Notes numbered so far: they are counted through the paper, in the order referred to.
    var noteCount = 0
    /// Notes referred to in paragraphs requested since the last element was added; that
    /// element sets them at the foot of its pages, unless `holdsNotes` (a table sets its own).
    var pendingNotes: [NoteReference] = []
    var holdsNotes = false

    init(theme: Theme, file: String, images: [String: ImageInfo]) {
        self.theme = theme
        self.file = file
        self.images = images
    }

    /// Shaped results by request index (for a chunk: the requests from `base` on).
    struct Shaped {
        let paragraphs: [ShapedParagraph]
        var base = 0
        subscript(_ index: Int) -> ShapedParagraph { paragraphs[index - base] }
    }

    // MARK: - Requests

    /// Asks for a paragraph to be shaped; the index finds it in `Shaped` later. Notes referred
    /// to in it are numbered here (`numberingNotes`).
    func request(_ text: StyledText, width: Double, size: Double? = nil, family: String? = nil, color: Color? = nil,
                 alignment: TextAlignment) -> Int {
        let text = text.hasNotes ? numberingNotes(text, size: size ?? theme.body.size) : text
        specs.append(ParagraphSpec(text: text, family: family ?? theme.body.family, codeFamily: theme.code.family,
                                   size: size ?? theme.body.size, color: color ?? theme.body.color, width: width, alignment: alignment))
        return specs.count - 1
    }

    /// Adds an element: a closure run after shaping that returns its flow items. The notes its
    /// paragraphs refer to are requested now, so the element owns them, and go with the slices
    /// that refer to them to the foot of their page.
    func add(_ builder: @escaping (Shaped) -> [FlowItem]) {
        var build = builder
        if !holdsNotes, !pendingNotes.isEmpty {
            let notes = requestNotes(takeNotes())
            build = { [unowned self] shaped in self.attach(notes, to: builder(shaped), shaped) }
        }
        builders.append((specsAtLastAdd..<specs.count, build))
        specsAtLastAdd = specs.count
    }

    /// The notes referred to since they were last taken, leaving none pending.
    func takeNotes() -> [NoteReference] {
        defer { pendingNotes = [] }
        return pendingNotes
    }

    /// Adds items that read no shaped paragraph (a mark, a space). They own no requests: the
    /// ones made since the last element belong to the element added next, even when a mark
    /// comes between its requests and its builder (a contents entry opens its element there).
    /// Owning them, a mark could end one chunk and leave its element to read them from the next.
    private func addUnshaped(_ items: [FlowItem]) {
        builders.append((specsAtLastAdd..<specsAtLastAdd, { _ in items }))
    }

    /// Opens a structure element around what is added next, until `close`.
    func open(_ tag: StructureTag) { addUnshaped([.open(tag)]) }
    func open(_ role: StructureRole) { open(StructureTag(role)) }
    func close(_ count: Int = 1) { addUnshaped(Array(repeating: .close, count: count)) }

    /// Records a rule a builder could not keep.
    func note(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Vertical space; consecutive spaces collapse to the largest, as margins do in CSS.
    func space(_ height: Double) {
        addUnshaped([.space(height)])
    }

    // MARK: - Build

    /// Runs the builders over the shaped paragraphs, merging adjacent spaces.
    func build(with shaped: [ShapedParagraph]) -> [FlowItem] {
        var items: [FlowItem] = []
        items.reserveCapacity(shaped.count * 4)
        for builder in builders { append(builder.build(Shaped(paragraphs: shaped)), to: &items) }
        releaseBuilders()
        var folder = MarkFolder()
        return folder.fold(items, final: true)
    }

    /// Shapes and builds in chunks of about `chunk` paragraphs, handing each chunk's flow items
    /// on before shaping the next, so shaped text for the whole document is never held at once.
    /// Stops before a chunk once `proceed` says no (a render past its budget).
    /// Paragraphs shaped between two asks of `proceed`.
    static let shapingBatch = 256

    func stream(through shaper: any TextShaper, chunk: Int, while proceed: () -> Bool = { true }, _ consume: ([FlowItem]) -> Void) {
        defer { releaseBuilders() }
        var first = 0
        var heldSpace: [FlowItem] = []  // a trailing space (and marks after it) may merge with the next chunk's first
        var folder = MarkFolder()
        while first < builders.count {
            guard proceed() else { return }
            let base = builders[first].specs.lowerBound
            var last = first + 1
            while last < builders.count, builders[last].specs.upperBound - base <= chunk { last += 1 }
            let upper = builders[last - 1].specs.upperBound
            // Shaped a batch at a time so that a budget can stop even one huge builder (a long
            // table), and soon: a chunk's 2048 paragraphs take seconds on a busy machine.
            // Paragraphs are shaped independently, so the batch changes no output.
            let batch = min(chunk, Self.shapingBatch)
            var paragraphs: [ShapedParagraph] = []
            for start in stride(from: base, to: upper, by: batch) {
                guard start == base || proceed() else { return }
                paragraphs += shaper.shapeAligned(Array(specs[start..<min(upper, start + batch)]))
            }
            let shaped = Shaped(paragraphs: paragraphs, base: base)
            var items = heldSpace
            for builder in builders[first..<last] { append(builder.build(shaped), to: &items) }
            heldSpace = []
            if let space = lastNonMark(items), case .space = items[space] {
                heldSpace = Array(items[space...])
                items.removeSubrange(space...)
            }
            consume(folder.fold(items, final: false))
            first = last
        }
        consume(folder.fold(heldSpace, final: true))
    }

    /// Drops the builders and requests once built: the builders' closures hold everything
    /// the paper said, which no one needs after its flow items (and a service renders for
    /// as long as it runs).
    private func releaseBuilders() {
        builders = []
        specs = []
        specsAtLastAdd = 0
    }

    private func lastNonMark(_ items: [FlowItem]) -> Int? { items.lastIndex { !$0.isMark } }

    /// Appends items; consecutive spaces collapse to the largest, as margins do in CSS
    /// (structure marks between them take no room).
    private func append(_ new: [FlowItem], to items: inout [FlowItem]) {
        for item in new {
            if case .space(let h) = item, let index = lastNonMark(items), case .space(let previous) = items[index] {
                items[index] = .space(max(h, previous))
            } else {
                items.append(item)
            }
        }
    }
}
