import CLazyLoad
import Foundation
import QuireKit
import QuireTestSupport
import Testing

/// cairo's numbers go through Quire's short path for snprintf's "%f" and "%.*f"
/// (Sources/CLazyLoad/fixed_point_format.c), which must write glibc's bytes exactly or hand
/// the value to glibc: checked against glibc's own vsnprintf on coordinates as cairo writes
/// them, on values across magnitudes, and on ties and their neighbours, where the rounding
/// is hardest; and the path must be the one a render takes.
@Suite struct FixedPointFormatTests {
    /// glibc's text for `value` at `precision`, and the length it returns.
    static func glibc(_ value: Double, _ precision: Int32, size: Int = 64) -> (String, Int32) {
        var buffer = [CChar](repeating: 0, count: max(size, 1))
        let length = withVaList([precision, value]) { vsnprintf(&buffer, size, "%.*f", $0) }
        return (String(cString: buffer), length)
    }

    static func quire(_ value: Double, _ precision: Int32, size: Int = 64) -> (String, Int32)? {
        var buffer = [CChar](repeating: 0, count: max(size, 1))
        let length = quire_format_fixed(&buffer, size, value, precision)
        return length < 0 ? nil : (String(cString: buffer), length)
    }

    /// Compares every value it can format; returns how many it formatted.
    static func compare(_ values: [Double], precisions: ClosedRange<Int32> = 0...18) -> Int {
        var formatted = 0
        for value in values {
            for precision in precisions {
                guard let ours = quire(value, precision) else { continue }
                formatted += 1
                let theirs = glibc(value, precision)
                if ours != theirs {
                    Issue.record("\(value.debugDescription) at \(precision): \(ours) against glibc's \(theirs)")
                    return formatted
                }
            }
        }
        return formatted
    }

    @Test func coordinatesAsCairoWritesThemAreGlibcsBytes() {
        // Points on a page in 1/1024 steps, and Pango units (1/1024 pt) scaled as cairo does.
        let values = stride(from: -900.0, through: 900.0, by: 1.0 / 1024 * 37).map { $0 } + (0..<20_000).map { Double($0) * 0.0009765625 / 3 }
        let formatted = Self.compare(values, precisions: 3...6)
        #expect(formatted == values.count * 4, "the short path took \(formatted) of \(values.count * 4)")
    }

    @Test func valuesAcrossMagnitudesAreGlibcsBytes() {
        var generator = SystemRandomNumberGenerator()
        let values = (0..<40_000).map { index -> Double in
            let magnitude = Double.random(in: -9...11, using: &generator)
            let value = pow(10, magnitude) * Double.random(in: 1...10, using: &generator)
            return index.isMultiple(of: 2) ? value : -value
        }
        #expect(Self.compare(values) > 0)
    }

    @Test func tiesAndTheirNeighboursAreGlibcsBytes() {
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.0000005, 0.0000015, -0.0000005, 1e-7, -1e-7, 123.4565, 0.125, 0.375]
        for precision in 0...9 {
            let unit = 1 / pow(10, Double(precision))
            for step in 0..<2_000 {
                let tie = (Double(step) + 0.5) * unit
                values += [tie, tie.nextUp, tie.nextDown, -tie, (-tie).nextUp]
            }
        }
        #expect(Self.compare(values, precisions: 0...9) == values.count * 10, "every tie and neighbour takes the short path")
        #expect(Self.quire(.nan, 6) == nil && Self.quire(.infinity, 6) == nil && Self.quire(1e300, 6) == nil)
        #expect(Self.quire(-0.0, 6)?.0 == "-0.000000" && Self.glibc(-0.0, 6).0 == "-0.000000")
    }

    /// Below 0.1 cairo asks for 18 decimals, counts the zeros, and asks again with six more
    /// than it found (zero included: "%.18f" is its final text).
    @Test func smallValuesAtUpToEighteenDecimalsAreGlibcsBytes() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.1.nextDown, 1e-18, 5e-19, -5e-19, 1.5e-18, .leastNonzeroMagnitude, .leastNormalMagnitude]
        values += (0..<20_000).map { _ in pow(10, Double.random(in: -20 ... -1, using: &generator)) * (Bool.random(using: &generator) ? 1 : -1) }
        #expect(Self.compare(values) == values.count * 19, "every value below 0.1 takes the short path at every precision")
    }

    /// The integer conversions cairo uses (object numbers, xref offsets, glyph and colour
    /// hex), and formats the short path must leave alone.
    @Test func integersAsCairoWritesThemAreGlibcsBytes() {
        var generator = SystemRandomNumberGenerator()
        let formats = ["%d", "%ld", "%u", "%lu", "%x", "%X", "%02x", "%04x", "%04X", "%010ld", "%03d", "%0d"]
        let values: [Int] = [0, 1, -1, 9, 10, 255, 256, 65535, 65536, Int(Int32.max), Int(Int32.min), Int.max, Int.min]
            + (0..<5_000).map { _ in Int.random(in: -2_000_000_000...2_000_000_000, using: &generator) }
        for format in formats {
            for value in values {
                // Each conversion reads the width it names: an int for %d, %u, %x; a long for %ld, %lu.
                let argument: any CVarArg = format.contains("l") ? value : Int32(truncatingIfNeeded: value)
                var ours = [CChar](repeating: 0, count: 64), theirs = [CChar](repeating: 0, count: 64)
                let length = withVaList([argument]) { quire_format_number(&ours, 64, format, $0) }
                let expected = withVaList([argument]) { vsnprintf(&theirs, 64, format, $0) }
                guard length == expected, String(cString: ours) == String(cString: theirs) else {
                    Issue.record("\(format) of \(value): \(String(cString: ours)) (\(length)) against glibc's \(String(cString: theirs)) (\(expected))")
                    return
                }
            }
        }
        var scratch = [CChar](repeating: 0, count: 64)
        for other in ["%s", "%5d", "%-4d", "%g", "%e", "%o", "%d %d", "x%d", "%.2d", "%lld", "%%"] {
            #expect(withVaList([Int32(7)]) { quire_format_number(&scratch, 64, other, $0) } == -1, "\(other) is glibc's")
        }
    }

    @Test func aShortBufferIsCutAsGlibcCutsIt() {
        for size in 0...12 {
            let ours = Self.quire(-1234.5678, 6, size: size), theirs = Self.glibc(-1234.5678, 6, size: size)
            #expect(ours?.1 == theirs.1 && (size == 0 || ours?.0 == theirs.0), "size \(size): \(String(describing: ours)) against \(theirs)")
        }
    }

    /// cairo writes the page on the thread that draws it, which is this one.
    @Test func aRenderTakesTheShortPath() throws {
        let before = quire_fixed_point_fast_count()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("fixed-point-\(getpid()).pdf").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try typesetter.renderPDF(file: repositoryRoot.appendingPathComponent("assets/service/example-paper.md").path, to: output)
        #expect(quire_fixed_point_fast_count() - before > 1_000, "cairo's numbers took the short path \(quire_fixed_point_fast_count() - before) times")
    }
}
