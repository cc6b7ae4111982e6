import QuirePages

/// The foot of a page where the notes its slices refer to are set: space under the body, a
/// short rule, then each note (a slice of its own, never split) after a little space.
struct NoteArea {
    var spaceAbove = 0.0
    var spaceBetween = 0.0
    var ruleLength = 0.0
    var ruleWidth = 0.5
    var ruleColor = Color.black

    init() {}

    init(_ style: NoteStyle) {
        spaceAbove = style.spaceAbove
        spaceBetween = style.spaceBetween
        ruleLength = style.ruleLength
        ruleWidth = style.ruleWidth
        ruleColor = style.ruleColor
    }

    /// The notes on a page so far: how many, and their height together.
    struct Content {
        var count = 0
        var height = 0.0

        func adding(_ notes: [Slice]) -> Content {
            guard !notes.isEmpty else { return self }
            return Content(count: count + notes.count, height: notes.reduce(height) { $0 + $1.height })
        }
    }

    /// The height the notes take at the foot of the page, their rule included; 0 for none.
    func height(of content: Content) -> Double {
        content.count == 0 ? 0 : spaceAbove + Double(content.count) * spaceBetween + content.height
    }

    /// The rule over the notes: decoration, so an artifact.
    func drawRule(in frame: inout Frame, y: Double) {
        frame.open(.artifact)
        frame.push(.line(to: Point(x: ruleLength, y: 0), width: ruleWidth, color: ruleColor), at: Point(x: 0, y: y))
        frame.close()
    }
}
