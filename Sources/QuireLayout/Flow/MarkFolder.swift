import QuirePages

/// Moves structure marks into the slices beside them, so the distributor sees only slices
/// and space: an opening mark joins the next slice (an element starts on the page of its
/// first content), a closing mark the previous slice (it ends with its last content). An
/// element with no slice inside is dropped. Fed in pieces, it holds back the last slice, which
/// a closing mark in the next piece may still need.
struct MarkFolder {
    private var opens: [StructureTag] = []
    private var held: [FlowItem] = []

    mutating func fold(_ items: [FlowItem], final: Bool) -> [FlowItem] {
        var out = held
        out.reserveCapacity(held.count + items.count)
        var lastSlice = out.lastIndex { if case .slice = $0 { true } else { false } }
        for item in items {
            switch item {
            case .open(let tag):
                opens.append(tag)
            case .close:
                if !opens.isEmpty {
                    opens.removeLast()
                } else if let index = lastSlice, case .slice(var slice) = out[index] {
                    slice.frame.close()
                    out[index] = .slice(slice)
                }
            case .slice(var slice):
                if !opens.isEmpty {
                    slice.frame.prepend(opening: opens)
                    opens.removeAll()
                }
                out.append(.slice(slice))
                lastSlice = out.count - 1
            case .space, .pageBreak:
                out.append(item)
            }
        }
        if final {
            held = []
            opens = []
            return out
        }
        let keep = lastSlice ?? out.count
        held = Array(out[keep...])
        return Array(out[..<keep])
    }
}
