import Foundation
import QuireTestSupport
import Testing

/// cairo's font subsets are deflated at zlib level 1 (Sources/CLazyLoad/cairo_deflate_level.c),
/// every other stream at the level its writer asked for: the zlib header's level bits say
/// which (0x78 0x01 fastest, 0x78 0x9C default).
@Suite struct FontDeflateLevelTests {
    @Test func fontSubsetsAreDeflatedFastAndPageContentAtTheDefaultLevel() throws {
        let scratch = try Scratch()
        let paper = repositoryRoot.appendingPathComponent("assets/service/example-paper.md").path
        let result = try scratch.quire(["render", paper, "-o", "out.pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = [UInt8](try Data(contentsOf: scratch.work.appendingPathComponent("out.pdf")))
        // One character per byte (Latin-1), so a character's index is its byte's offset.
        let text = bytes.map { Character(Unicode.Scalar($0)) }
        var fonts: [UInt8] = [], others: [UInt8] = []
        let marker = Array("stream\n")
        for end in marker.count..<bytes.count - 1 where text[(end - marker.count)..<end].elementsEqual(marker) && bytes[end] == 0x78 {
            guard let open = (0..<(end - 1)).reversed().first(where: { text[$0] == "<" && text[$0 + 1] == "<" }) else { continue }
            let dictionary = String(text[open..<end])
            guard dictionary.contains("/FlateDecode") else { continue }
            if dictionary.contains("/Length1") { fonts.append(bytes[end + 1]) } else { others.append(bytes[end + 1]) }
        }
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0 == 0x01 }, "font streams' level bytes: \(fonts)")
        #expect(!others.isEmpty && others.allSatisfy { $0 == 0x9C }, "other streams' level bytes: \(others)")
    }
}
