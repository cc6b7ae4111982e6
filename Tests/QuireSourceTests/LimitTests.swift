import QuireModel
import Testing

/// Hostile or machine-made input is refused with a .limit error instead of exhausting the
/// stack or memory.
@Suite struct LimitTests {
    @Test func listsNestedFortyDeep() throws {
        var markdown = ""
        for depth in 0..<40 {
            markdown += String(repeating: "  ", count: depth) + "- item \(depth)\n"
        }
        let error = try #require(parseFailure("---\nsubject: Deep\n---\n" + markdown, file: "deep.md"))
        #expect(error.kind == .limit)
        #expect(error.location?.file == "deep.md")
        // The nesting starts on line 4 and its 40 lines run to line 43.
        #expect((4...43).contains(error.location?.line ?? 0))
        #expect(error.hint?.contains("flatten") == true)
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        var yaml = "a: &a [" + Array(repeating: "\"lol\"", count: 10).joined(separator: ", ") + "]\n"
        let names = Array("abcdefghi").map(String.init)
        for (previous, name) in zip(names, names.dropFirst()) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let source = "---\n" + yaml + "---\nBody.\n"
        let clock = ContinuousClock()
        var error: QuireError?
        let elapsed = clock.measure { error = parseFailure(source, file: "laughs.md") }
        let refused = try #require(error)
        #expect(refused.kind == .limit)
        #expect(refused.location?.file == "laughs.md")
        #expect(refused.location?.line == 2)
        #expect(refused.hint?.contains("aliases") == true)
        #expect(elapsed < .seconds(5))
    }

    /// A value longer than a field may hold is refused at its own line, wherever it is nested;
    /// the limit counts characters, so one of accented letters at the limit, twice as many
    /// bytes, is not refused.
    @Test func overlongValueIsRefusedAtItsLine() throws {
        let long = String(repeating: "a", count: 50_001)
        let nested = "---\nsubject: Long\nrecommendations:\n  - short\n  - \(long)\n---\nBody.\n"
        let refused = try #require(parseFailure(nested, file: "long.md"))
        #expect(refused.kind == .limit)
        #expect(refused.location?.line == 5)
        #expect(refused.message.contains("50001 characters long"), "\(refused.message)")
        let accented = String(repeating: "é", count: 50_000)
        let atLimit = parseFailure("---\nsubject: Long\nsummary: \(accented)\n---\nBody.\n", file: "limit.md")
        #expect(atLimit.map { !$0.message.contains("characters long") } ?? true, "\(atLimit?.message ?? "")")
    }
}
