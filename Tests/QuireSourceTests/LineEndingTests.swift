import Foundation
import QuireArchive
import QuireModel
import QuireSource
import Testing

/// Files saved on Windows (CRLF), on an old Mac (CR) or with a UTF-8 byte-order mark read as
/// the same file saved on Linux: the same values, and errors on the same lines.
@Suite struct LineEndingTests {
    /// The text with every line end made `ending`, and a BOM first if asked.
    static func saved(_ text: String, ending: String, bom: Bool = false) -> Data {
        Data(((bom ? "\u{FEFF}" : "") + text.replacingOccurrences(of: "\n", with: ending)).utf8)
    }

    static let endings = [("CRLF", "\r\n", false), ("CRLF with a BOM", "\r\n", true), ("CR", "\r", false), ("LF with a BOM", "\n", true)]

    static let paper = """
        ---
        by: [{name: Jane Smith, role: Corporate Director}]
        to: Cabinet
        date: 2024-03-05
        subject: Test paper
        summary: >-
          A summary folded
          over two lines.
        ---

        # Introduction

        The first paragraph,
        on two lines.

        | Year | Children |
        |------|---------:|
        | 2016 | 1,049 |

        > A quote.

        """

    @Test(arguments: endings)
    func aPaperReadsAsItsLFCopy(_ name: String, _ ending: String, _ bom: Bool) throws {
        let expected = try parsePaper(data: Data(Self.paper.utf8), file: "paper.md")
        let read = try parsePaper(data: Self.saved(Self.paper, ending: ending, bom: bom), file: "paper.md")
        #expect(read == expected, "\(name)")
        #expect(read.frontMatter.text(.summary)?.plainText == "A summary folded over two lines.")
    }

    /// Each mistake, saved with CRLF, is reported on the line an editor shows it on.
    @Test(arguments: [
        ("unknown key", "to: Cabinet", "too: Cabinet", 3),
        ("malformed YAML", "subject: Test paper", "subject: Test paper\n  extra: indented", 6),
        ("bad date", "date: 2024-03-05", "date: 5 March", 4),
        ("short table row", "| 2016 | 1,049 |", "| 2016 |", 18),
    ])
    func errorsNameTheSameLineInACRLFFile(_ name: String, _ old: String, _ new: String, _ line: Int) throws {
        let text = Self.paper.replacingOccurrences(of: old, with: new)
        for data in [Data(text.utf8), Self.saved(text, ending: "\r\n"), Self.saved(text, ending: "\r\n", bom: true)] {
            #expect(throws: QuireError.self, "\(name)") { try parsePaper(data: data, file: "paper.md") }
            do {
                _ = try parsePaper(data: data, file: "paper.md")
            } catch {
                #expect(error.location?.line == line, "\(name): \(error)")
            }
        }
    }

    @Test func aByteThatIsNotUTF8IsFoundOnItsLineWhateverTheLineEnds() {
        for ending in ["\n", "\r\n", "\r"] {
            var data = Self.saved(Self.paper, ending: ending)
            let line13 = Self.paper.components(separatedBy: "\n").prefix(12).map { $0 + ending }.joined()
            data.insert(0x93, at: line13.utf8.count + 4)  // inside "The first paragraph," on line 13
            #expect(parseFailure(data)?.location?.line == 13, "line end \(ending.debugDescription)")
        }
    }

    @Test(arguments: endings)
    func aPackManifestReadsAsItsLFCopy(_ name: String, _ ending: String, _ bom: Bool) throws {
        let expected = try parsePackManifest(data: Data(PackManifestTests.complete.utf8), file: "pack.yaml")
        let read = try parsePackManifest(data: Self.saved(PackManifestTests.complete, ending: ending, bom: bom), file: "pack.yaml")
        #expect(read == expected, "\(name)")
        // A mistake is still on its own line.
        let broken = PackManifestTests.complete.replacingOccurrences(of: "  chair:", with: "  chiar:")
        let line = broken.components(separatedBy: "\n").firstIndex { $0.contains("chiar:") }! + 1
        do {
            _ = try parsePackManifest(data: Self.saved(broken, ending: ending, bom: bom), file: "pack.yaml")
            Issue.record("no error")
        } catch {
            #expect(error.location?.line == line)
            #expect(error.hint?.contains("chair") == true)
        }
    }

    static let archive = """
        papers:
          - path: 2017/kscb-annual-report
            year: 2017
            committee: County Council
            date: 2017-10-19
            title: KSCB Annual Report 2016/17
          - path: 2013/kscb
            year: 2013
            committee: County Council
            date: 2013-10-17
            title: KSCB Annual Report 2012/13

        """

    @Test(arguments: endings)
    func anArchiveIndexReadsAsItsLFCopy(_ name: String, _ ending: String, _ bom: Bool) throws {
        let expected = try parseArchiveIndex(data: Data(Self.archive.utf8), file: "archive.yaml")
        let read = try parseArchiveIndex(data: Self.saved(Self.archive, ending: ending, bom: bom), file: "archive.yaml")
        #expect(read.papers == expected.papers, "\(name)")
        #expect(read.papers.map(\.line) == [2, 7])
        do {
            _ = try parseArchiveIndex(data: Self.saved(Self.archive.replacingOccurrences(of: "year: 2013", with: "year: last"), ending: ending, bom: bom), file: "archive.yaml")
            Issue.record("no error")
        } catch {
            #expect(error.location?.line == 8)
            #expect(error.field == "papers[1].year")
        }
    }

    static let yamlData = """
        indicators:
          cpp:
            label: Children with a Child Protection Plan
            unit: count
            values: {"2016": 1049, "2017": 1185}

        """

    static let csvData = "id,label,unit,2016,2017\ncpp,\"Children with a\nChild Protection Plan\",count,1049,1185\neh,Early Help,percent,83.4,\n"

    @Test(arguments: endings)
    func dataFilesReadAsTheirLFCopies(_ name: String, _ ending: String, _ bom: Bool) throws {
        for (file, text) in [("figures.yaml", Self.yamlData), ("figures.csv", Self.csvData)] {
            let expected = try parseDataFile(text, file: file)
            let read = try parseDataFile(decodeUTF8(Self.saved(text, ending: ending, bom: bom), file: file), file: file)
            #expect(read == expected, "\(name) \(file)")
        }
        // The quoted cell keeps its line break as a line feed, and the next row starts on line 4.
        let read = try parseDataFile(decodeUTF8(Self.saved(Self.csvData, ending: ending, bom: bom), file: "f.csv"), file: "f.csv")
        #expect(read[0].label == "Children with a\nChild Protection Plan")
        #expect(read.map(\.line) == [2, 4])
        // A mistake in each is on its own line.
        for (file, text, line) in [("figures.yaml", Self.yamlData.replacingOccurrences(of: "1185", with: "lots"), 5),
                                   ("figures.csv", Self.csvData.replacingOccurrences(of: "83.4", with: "lots"), 4)] {
            do {
                _ = try parseDataFile(decodeUTF8(Self.saved(text, ending: ending, bom: bom), file: file), file: file)
                Issue.record("no error in \(file)")
            } catch {
                #expect(error.location?.line == line, "\(name) \(file): \(error)")
            }
        }
    }

    @Test func decodingLeavesLFTextAsItIs() throws {
        let text = "a\nb\n\nc"
        #expect(try decodeUTF8(Data(text.utf8), file: "x") == text)
        #expect(try decodeUTF8(Data("a\r\nb\r\r\nc\r".utf8), file: "x") == "a\nb\n\nc\n")
    }
}
