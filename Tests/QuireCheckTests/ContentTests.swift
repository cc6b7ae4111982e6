import Testing
@testable import QuireCheck
import QuirePDFSyntax
import QuireTestSupport

/// Content the simple fixtures do not reach: composite and Type3 fonts, forms, named
/// marked-content properties, /ActualText; and the font check through form resources.
@Suite struct ContentTests {
    @Test("text through Identity-H codes, /Properties, /ActualText and a form's own MCID")
    func compositeText() throws {
        let report = try Fixtures.composite().inspect()
        #expect(report.tree.map(\.text) == ["HI HfiI ab", "HI", "HfiI", "ab"])
        #expect(report.tree.map(\.page) == [1, 1, 1, 1])
    }

    @Test("a form drawn inside /Artifact is artifact; a form's MCID counts through its /StructParents")
    func compositeArtifacts() throws {
        let check = try #require(try Fixtures.composite().inspect().checks.first { $0.name == "artifacts" })
        #expect(check.status == .pass)
        #expect(check.detail == "7 drawing operations: 5 tagged, 2 artifact")
    }

    @Test("an embedded Type0 (program on its descendant) and a Type3 font pass fonts")
    func embeddedFonts() throws {
        let check = try #require(try Fixtures.composite().inspect().checks.first { $0.name == "fonts" })
        #expect(check.status == .pass)
        #expect(check.detail == "2 fonts, all embedded")
    }

    @Test("a non-embedded font in a form XObject's resources fails fonts")
    func formFont() throws {
        let check = try #require(try Fixtures.composite(formFont: true).inspect().checks.first { $0.name == "fonts" })
        #expect(check.status == .fail)
        #expect(check.detail == "1 of 3 fonts not embedded: Times-Roman")
    }

    @Test("an MCID the /ParentTree does not map is untagged content")
    func unmappedMCID() throws {
        var pdf = Fixtures.Tagged().pdf()
        pdf.object(20, "<< /Nums [0 [12 0 R 13 0 R 16 0 R 17 0 R]] >>")  // MCID 4, the figure, left out
        let check = try #require(try pdf.inspect().checks.first { $0.name == "artifacts" })
        #expect(check.status == .fail)
        #expect(check.detail == "1 of 8 drawing operations neither tagged nor artifact, first on p.1; 1 marked-content id not in the /ParentTree")
    }

    @Test("the walker stops when its operation budget runs out, and says so")
    func budget() throws {
        try Fixtures.Tagged().pdf().withFile { path in
            let pdf = try QPDF(reading: path)
            let walker = MarkedContentWalker(parentTree: ParentTree(nil), budget: 5)
            walker.walk(pages: pdf.pages)
            #expect(walker.stoppedEarly)
            #expect(AccessibilityCheck.artifacts(walker.counts, stoppedEarly: true).status == .fail)
        }
    }

    @Test("runs placed apart on one line read as words, runs placed end to end as one word (via /Widths)")
    func wordGaps() throws {
        // "Bud" is 15 units wide at 10 pt: "get" starts where it ends; "12" starts 85 units on.
        let pdf = Fixtures.paragraph("/P << /MCID 0 >> BDC BT /F1 10 Tf 72 700 Td (Bud) Tj 15 0 Td (get) Tj 100 0 Td (12) Tj ET EMC")
        #expect(try pdf.inspect().tree.map(\.text) == ["Budget 12"])
    }

    @Test("TJ: adjustments below -200 read as spaces; small kerning does not")
    func kerning() throws {
        let pdf = Fixtures.paragraph("/P << /MCID 0 >> BDC BT /F1 10 Tf 72 700 Td [(W) 80 (ord) -250 (two)] TJ T* (next) Tj ET EMC")
        #expect(try pdf.inspect().tree.map(\.text) == ["Word two next"])
    }
}
