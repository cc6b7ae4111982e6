import Foundation
import QuireLayout
import QuireModel
import QuirePages
import QuireSource
import Testing

/// Damaged sources must give a `QuireError` or pages, never a crash or a hang: the CLI and the
/// service both run on what people paste in. Deterministic mutations of the real examples.
@Suite("Mutation fuzzing")
struct MutationFuzzTests {
    static let sources = ["kscb-2016-17", "kscb-2012-13", "cabinet-decision-2017"].map { name in
        (try? Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/\(name)/paper.md"))) ?? Data()
    }

    /// SplitMix64, so every run tries the same inputs.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
        }
    }

    static let fragments: [[UInt8]] = ["---\n", "# ", "1. ", "- ", "| a | b |\n|---|--:|\n", "**", "*", "`", "[x](", "{{ cpp[2017] }}",
                                       "```table\nindicators: [x]\n```\n", "```chart\n", ": ", "  - name:", "\t", "\u{0}", "\u{FEFF}", "\r\n",
                                       "&a [*a, *a]", "> ", "![i](../../etc/passwd)", "\u{00e9}"].map { Array($0.utf8) } + [[0xFF, 0xFE], [0xC3]]

    func mutate(_ source: [UInt8], _ random: inout Random) -> [UInt8] {
        var bytes = source
        for _ in 0..<(1 + random.next(6)) {
            guard !bytes.isEmpty else { break }
            let at = random.next(bytes.count)
            switch random.next(5) {
            case 0: bytes[at] = UInt8(random.next(256))
            case 1: bytes.remove(at: at)
            case 2: bytes.insert(contentsOf: Self.fragments[random.next(Self.fragments.count)], at: at)
            case 3:
                let end = min(bytes.count, at + random.next(200))
                bytes.removeSubrange(at..<end)
            default:
                let end = min(bytes.count, at + random.next(120))
                bytes.insert(contentsOf: bytes[at..<end], at: end)
            }
        }
        return bytes
    }

    /// `FUZZ_ROUNDS=20000 swift test --filter MutationFuzz` searches longer, on purpose.
    @Test("500 damaged sources: each parses and lays out, or gives a located error")
    func damagedSourcesNeverCrash() throws {
        var random = Random(state: 2017)
        var laidOut = 0, refused = 0
        let theme = Theme()
        let rounds = Int(ProcessInfo.processInfo.environment["FUZZ_ROUNDS"] ?? "") ?? 500
        for round in 0..<rounds {
            let source = [UInt8](Self.sources[round % Self.sources.count])
            let damaged = mutate(source, &random)
            do {
                let resolved = try parsePaper(data: Data(damaged), file: "fuzz.md")
                let result = layoutPaper(resolved, theme: theme, shaper: FixedPitchShaper())
                #expect(!result.document.pages.isEmpty)
                laidOut += 1
            } catch {
                #expect(error.location?.file == "fuzz.md" || error.location == nil, "\(error)")
                #expect(!error.message.isEmpty)
                refused += 1
            }
        }
        #expect(laidOut > 50 && refused > 50, "laid out \(laidOut), refused \(refused)")
    }
}
