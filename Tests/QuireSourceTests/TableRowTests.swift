import Foundation
import QuireModel
import QuireSource
import Testing

/// A Markdown table row with fewer or more cells than its header is an error naming its
/// line: GFM would pad it or drop the extra cells without a word, moving figures under the
/// wrong years or losing one.
@Suite struct TableRowTests {
    static let front = "---\nsubject: Test\n---\n"  // the body starts on line 4

    /// The error for `markdown` (placed from line 4), or nil when it parses.
    func failure(_ markdown: String) -> QuireError? {
        parseFailure(Self.front + markdown)
    }

    static let header = "# Figures\n\n| Year | Forecast | Actual |\n|------|---------:|-------:|\n"  // lines 4–7

    @Test func aShortRowNamesItsLineTheCountsAndTheColumns() throws {
        let error = try #require(failure(Self.header + "| 2016 | 1,049 | 1,050 |\n| 2017 | 1,185 |\n| 2018 | 1,200 | 1,210 |\n"))
        #expect(error.location == SourceLocation(file: "paper.md", line: 9))
        #expect(error.message.contains("2 cells"))
        #expect(error.message.contains("its header has 3 ('Year', 'Forecast', 'Actual')"))
        #expect(error.hint?.contains("'| |'") == true)
    }

    @Test func aLongRowSaysTheExtraCellWouldBeDropped() throws {
        let error = try #require(failure(Self.header + "| 2016 | 1,049 | 1,050 | 1,185 |\n"))
        #expect(error.location?.line == 8)
        #expect(error.message.contains("4 cells"))
        #expect(error.message.contains("the last 1 would be dropped"))
    }

    @Test func aLineRunningOnFromTheTableIsNamed() throws {
        let error = try #require(failure(Self.header + "| 2016 | 1,049 | 1,050 |\nThe figures are provisional.\n"))
        #expect(error.location?.line == 9)
        #expect(error.hint?.contains("blank line") == true)
    }

    @Test func emptyCellsEscapedPipesAndCodeAreCountedAsGFMSplitsThem() throws {
        let blocks = try body(Self.header.dropFirst(11) + "| 2016 | | 1,050 |\n|2017|1,185|\\| |\n  2018 | `a\\|b` | x  \n")
        guard case .table(let table) = blocks.first else { Issue.record("no table: \(blocks)"); return }
        #expect(table.rows.count == 3)
        #expect(table.rows.map(\.count) == [3, 3, 3])
        #expect(table.rows[0][1].plainText == "")
        #expect(table.rows[1][2].plainText == "|")
        #expect(table.rows[2][1].plainText == "a|b")
    }

    @Test func rowsInsideQuotesAndListItemsAreCheckedOnTheirOwnLines() throws {
        let quoted = try #require(failure("# Figures\n\n> | Year | Children |\n> |---|---|\n> | 2016 |\n"))
        #expect(quoted.location?.line == 8)
        let listed = try #require(failure("# Figures\n\n- The figures:\n\n  | Year | Children |\n  |---|---|\n  | 2016 | 1,049 |\n  | 2017 | 1,185 | 12 |\n"))
        #expect(listed.location?.line == 11)
        #expect(listed.message.contains("3 cells"))
    }

    @Test func everyExampleTableIsWhole() throws {
        let examples = repositoryRoot.appendingPathComponent("examples")
        let files = FileManager.default.enumerator(at: examples, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "md" }
        #expect(files.count >= 5)
        for file in files {
            #expect(throws: Never.self, "\(file.path)") { try parseFile(file) }
        }
    }
}
