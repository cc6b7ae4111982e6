@testable import QuireLayout
import QuirePages
import Testing

/// Structure marks between slices end up inside them, so pages split only between slices.
@Suite("Mark folding")
struct MarkFolderTests {
    func slice(_ text: String) -> FlowItem {
        var frame = Frame(size: Size(width: 10, height: 10))
        frame.push(.rect(Size(width: 1, height: 1), fill: .black), at: .zero)
        return .slice(Slice(frame: frame, height: 10, breakAfter: true, line: nil))
    }

    func tags(_ items: [FlowItem]) -> [String] {
        items.map { item in
            guard case .slice(let slice) = item else { return "space" }
            return slice.frame.items.map { positioned -> String in
                switch positioned.item {
                case .beginTag(let tag): "<\(tag.role.rawValue)>"
                case .endTag: "</>"
                default: "x"
                }
            }.joined()
        }
    }

    @Test("an opening mark joins the next slice, a closing mark the previous; an empty element is dropped")
    func fold() {
        var folder = MarkFolder()
        let items: [FlowItem] = [.open(StructureTag(.list)), .open(StructureTag(.listItem)), slice("a"), .space(5), slice("b"),
                                 .close, .open(StructureTag(.table)), .close, .close]
        #expect(tags(folder.fold(items, final: true)) == ["<L><LI>x", "space", "x</></>"])
    }

    @Test("fed in pieces, the last slice waits for a closing mark in the next piece")
    func pieces() {
        var folder = MarkFolder()
        let first = folder.fold([.open(StructureTag(.paragraph)), slice("a"), slice("b")], final: false)
        let second = folder.fold([.close, slice("c")], final: false)
        let last = folder.fold([], final: true)
        #expect(tags(first) == ["<P>x"])
        #expect(tags(second) == ["x</>"])
        #expect(tags(last) == ["x"])
    }
}
