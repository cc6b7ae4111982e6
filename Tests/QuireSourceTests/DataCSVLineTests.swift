import Foundation
import QuireModel
import QuireSource
import Testing

/// CSV data errors name the line the row starts on in the file, counting the line breaks a
/// quoted cell holds; rows are read as written, so a missing or extra cell is never padded away.
@Suite struct DataCSVLineTests {
    func failure(_ csv: String) -> QuireError? {
        do {
            _ = try parseDataFile(csv, file: "figures.csv")
            return nil
        } catch {
            return error
        }
    }

    @Test func anExtraCellIsReportedOnItsOwnLine() throws {
        let error = try #require(failure("id,label,unit,2016,2017\ncpp,Plans,count,1049,1185\ncic,In care,count,1200,1300,1,185\n"))
        #expect(error.location == SourceLocation(file: "figures.csv", line: 3))
        #expect(error.message.contains("7 cells; the header has 5 (id, label, unit, 2016, 2017)"))
    }

    @Test func aQuotedCellOverTwoLinesMovesTheNextRowsLine() throws {
        let csv = "id,label,unit,2016,2017\ncpp,\"Children with a\nChild Protection Plan\",count,1049,1185\ncic,In care,count,1200,1300,9\n"
        #expect(failure(csv)?.location?.line == 4)
        let quotes = "id,label,unit,2016\ncpp,\"Plans, \"\"open\"\"\n(at 31 March)\",count,1049\n\ncic,In care,count,x\n"
        let error = try #require(failure(quotes))
        #expect(error.location?.line == 5)  // the header, the cell over lines 2–3, a blank line
        #expect(error.field == "cic.2016")
    }

    @Test func aShortRowIsAnErrorNotPaddedWithGaps() throws {
        let error = try #require(failure("id,label,unit,2016,2017\ncpp,Plans,count,1049,1185\ncic,In care,count,1200\n"))
        #expect(error.location?.line == 3)
        #expect(error.message.contains("4 cells"))
    }

    @Test func blankLinesAreSkippedAndRowsKeepTheirLines() throws {
        let indicators = try parseDataFile("id,label,unit,2016\n\ncpp,Plans,count,1049\n\n\ncic,In care,count,1200\n\n", file: "figures.csv")
        #expect(indicators.map(\.id) == ["cpp", "cic"])
        #expect(indicators.map(\.line) == [3, 6])
    }
}
