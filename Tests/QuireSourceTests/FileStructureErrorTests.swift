import Foundation
import QuireModel
import Testing

/// Problems with the file as a whole: encoding, missing or unclosed front matter, no body.
@Suite struct FileStructureErrorTests {
    @Test func windows1252QuotesAreAnEncodingErrorOnTheirLine() throws {
        var data = Data("---\nsubject: Test\n---\n\n# Introduction\n\n".utf8)
        data += Data([0x93]) + Data("quoted".utf8) + Data([0x94]) + Data(" text on line 7.\n".utf8)
        let error = try #require(parseFailure(data, file: "cp1252.md"))
        #expect(error.kind == .encoding)
        #expect(error.location?.file == "cp1252.md")
        #expect(error.location?.line == 7)
        #expect(error.hint?.contains("UTF-8") == true)
    }

    @Test func noFrontMatter() throws {
        let error = try #require(parseFailure("# Introduction\n\nJust a body.\n"))
        #expect(error.kind == .missingField)
        #expect(error.location?.file == "paper.md")
        #expect(error.location?.line == 1)
        #expect(error.hint?.contains("---") == true)
    }

    @Test func frontMatterNeverClosed() throws {
        let error = try #require(parseFailure("---\nsubject: Test\nto: Council\n\n# Introduction\n\nBody.\n"))
        #expect(error.kind == .yaml)
        #expect(error.location?.line == 1)
        #expect(error.message.contains("never closed"))
        #expect(error.hint?.contains("---") == true)
    }

    @Test func onlyWhitespaceAfterTheFrontMatter() throws {
        let error = try #require(parseFailure("---\nsubject: Test\n---\n\n   \n\t\n"))
        #expect(error.kind == .emptyBody)
        #expect(error.location?.file == "paper.md")
        #expect(error.location?.line == 4)
        #expect(error.hint?.contains("below the closing '---'") == true)
    }
}
