import Testing
@testable import QuireCheck
import QuirePDF
import QuirePDFSyntax
import QuireTestSupport

/// Malformed and hostile files: a report or a `PDFError`, never a crash or a hang.
@Suite struct RobustnessTests {
    /// Either outcome is fine; reaching the end is the test.
    func inspectAnyway(_ pdf: MiniPDF, _ bytes: [UInt8]? = nil) throws -> AccessibilityReport? {
        do {
            return try pdf.inspect(bytes)
        } catch is PDFError {
            return nil
        }
    }

    @Test("a truncated file is repaired into a report or refused with PDFError")
    func truncated() throws {
        let pdf = Fixtures.Tagged().pdf()
        let bytes = pdf.bytes
        for fraction in [0.9, 0.5, 0.2] {
            let report = try inspectAnyway(pdf, Array(bytes.prefix(Int(Double(bytes.count) * fraction))))
            if let report { #expect(report.checks.count == 12) }
        }
    }

    @Test("a file that is not a PDF, or empty, throws PDFError")
    func notAPDF() {
        #expect(throws: PDFError.self) { try MiniPDF().inspect(Array("just some text\n".utf8)) }
        #expect(throws: PDFError.self) { try MiniPDF().inspect([]) }
    }

    @Test("cycles: an element that is its own kid, a form that draws itself, a looping number tree")
    func cycles() throws {
        var pdf = Fixtures.composite()
        pdf.object(15, "<< /Type /StructElem /S /P /P 14 0 R /Pg 3 0 R /K [0 15 0 R 14 0 R] >>")
        pdf.stream(13, "/Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources << /XObject << /Me 13 0 R >> >>", "/Me Do 0 0 m 1 1 l S")
        pdf.object(20, "<< /Kids [20 0 R 21 0 R] >>")
        pdf.object(21, "<< /Kids [20 0 R] /Nums [0 [15 0 R 16 0 R] 1 [17 0 R]] >>")
        let report = try #require(try inspectAnyway(pdf))
        #expect(report.tree.map(\.role) == ["Document", "P", "P", "P"])
        #expect(report.checks.first { $0.name == "artifacts" }?.status == .pass)
    }

    @Test("structure nested 2,000 deep stops at the depth limit")
    func deepStructure() throws {
        var pdf = Fixtures.Tagged().pdf()
        let depth = 2_000
        pdf.object(10, "<< /Type /StructTreeRoot /K 100 0 R >>")
        for level in 0..<depth {
            pdf.object(100 + level, "<< /Type /StructElem /S /Div /K [\(level + 1 < depth ? "\(101 + level) 0 R" : "")] >>")
        }
        let report = try #require(try inspectAnyway(pdf))
        #expect(report.tree.count == inspectionMaxDepth)
    }

    @Test("unbalanced and deeply nested marked content")
    func unbalancedMarkedContent() throws {
        var pdf = Fixtures.untagged()
        let nested = String(repeating: "/Span BMC ", count: 50_000)
        pdf.stream(4, "", "EMC EMC (stray) Tj BT /F1 1 Tf (x) Tj ET \(nested) /Artifact BMC 0 0 m 1 1 l S EMC EMC")
        let report = try #require(try inspectAnyway(pdf))
        #expect(report.checks.first { $0.name == "artifacts" }?.detail == "2 of 3 drawing operations neither tagged nor artifact, first on p.1")
    }

    @Test("malformed values: wrong types everywhere the checks look")
    func wrongTypes() throws {
        var pdf = Fixtures.Tagged().pdf()
        pdf.object(1, "<< /Type /Catalog /Pages 2 0 R /MarkInfo 7 /StructTreeRoot 10 0 R /Lang 5 /ViewerPreferences [] /Metadata (x) /OutputIntents 3 >>")
        pdf.object(11, "<< /S /Document /K [12 0 R (text) null -3 << /MCID (x) >> << /Type /OBJR /Obj 3 0 R >> 13 0 R] >>")
        pdf.object(12, "<< /S 12 /K 0 >>")
        pdf.object(13, "<< /S /P /Pg 99 0 R /K [1 2.5] /Alt 3 >>")
        pdf.object(5, "<< /Type /Font /Subtype /Type0 /DescendantFonts 4 /ToUnicode (nope) /Encoding 9 >>")
        pdf.object(20, "<< /Nums [0 7 (a) [1]] >>")
        let report = try #require(try inspectAnyway(pdf))
        #expect(report.checks.count == 12)
        #expect(report.tree.map(\.role) == ["Document", "P"])
    }

    @Test("forms drawing forms (10 × 10 × … nine deep) are walked once each, not 10^9 times")
    func formFanOut() throws {
        func fanOut(tagged: Bool) -> MiniPDF {
            var pdf = Fixtures.paragraph(tagged ? "/P << /MCID 0 >> BDC /X Do EMC" : "/X Do", resources: "/XObject << /X 39 0 R >>")
            pdf.stream(30, "/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /Font << /F1 5 0 R >> >>", "BT /F1 1 Tf (x) Tj ET")
            for level in 31...39 {
                pdf.stream(level, "/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /X \(level - 1) 0 R >> >>",
                           String(repeating: "/X Do ", count: 10))
            }
            return pdf
        }
        let untagged = try #require(try fanOut(tagged: false).inspect().checks.first { $0.name == "artifacts" })
        #expect(untagged.detail.hasPrefix("1000000000 of 1000000000 drawing operations"), "\(untagged.detail)")
        // Text repeated into one sequence is paid for: the walk gives up rather than build gigabytes.
        let tagged = try #require(try fanOut(tagged: true).inspect().checks.first { $0.name == "artifacts" })
        #expect(tagged.status == .fail && tagged.detail.hasPrefix("gave up after"), "\(tagged.detail)")
    }

    @Test("byte mutations of the fixtures never crash the inspector")
    func mutations() throws {
        var random = SplitMix(seed: 0x5EED)
        for fixture in [Fixtures.Tagged().pdf(), Fixtures.composite()] {
            let original = fixture.bytes
            for _ in 0..<150 {
                var bytes = original
                for _ in 0..<1 + Int(random.next() % 4) {
                    let at = Int(random.next() % UInt64(bytes.count))
                    let noise: [UInt8] = [0x00, 0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5D, 0x2F, 0x30, 0x20, 0xFF]
                    bytes[at] = noise[Int(random.next() % UInt64(noise.count))]
                }
                _ = try inspectAnyway(fixture, bytes)
            }
        }
    }
}

/// A small seeded generator, so a failing mutation is reproducible.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
