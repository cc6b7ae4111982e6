import Foundation
import QuireModel
import Testing

/// A front matter with several mistakes reports all of them in one run, in line order, each
/// at its own line, with the cause named when it is a tab or a curly quote.
@Suite struct AllErrorsInOneRunTests {
    /// Four mistakes of four kinds: a misspelt key, a curly-quoted value with ": " in it (as
    /// pasted from Word), a tab indent, and a date officers typed.
    static let fourMistakes = """
        ---
        subject: Winter pressures
        recomendation: NOTE the report.
        key-decision: “No: it affects fewer than two divisions”
        by:
        \t- name: Jane Smith
        date: 19th October
        to: Cabinet
        ---
        # Introduction

        Text.
        """

    @Test func everyMistakeIsReportedAtItsLine() throws {
        let error = try #require(parseFailure(Self.fourMistakes, file: "paper.md"))
        let all = error.all
        #expect(all.map(\.location?.line) == [3, 4, 6, 7], "\(error)")
        #expect(all[0].kind == .unknownField && all[0].hint?.contains("did you mean 'recommendation'") == true)
        #expect(all[1].hint?.contains("curly quotes") == true, "\(all[1])")
        #expect(all[2].message.contains("indented with a tab"), "\(all[2])")
        #expect(all[3].field == "date" && all[3].message.contains("19th October"))
        // The printed form is one entry per problem, the way editors jump to them.
        let printed = error.description.split(separator: "\n").filter { $0.hasPrefix("paper.md:") }
        #expect(printed.map { $0.prefix(11) } == ["paper.md:3:", "paper.md:4:", "paper.md:6:", "paper.md:7:"])
    }

    @Test func aKeyWrittenAsItsLabelFindsTheField() throws {
        let error = try #require(parseFailure("---\nsubject: Test\ndecision-no: 17/00123\n---\nBody.\n"))
        #expect(error.kind == .unknownField && error.field == "decision-no")
        #expect(error.hint?.contains("did you mean 'decision-number'?") == true, "\(error.hint ?? "")")
        #expect(error.hint?.contains("Decision No:") == true)
    }

    @Test(arguments: [("Electoral Division", "electoral-divisions"), ("past_pathway_of_paper", "past-pathway"), ("REPORT TO", "to"),
                      ("wards", "electoral-divisions"), ("summry", "summary")])
    func suggestionsFromLabelsAndSpelling(key: String, field: String) {
        #expect(FrontMatterField.suggestion(for: key)?.key == field)
    }

    @Test func aTabOnItsOwnIsNamed() throws {
        let error = try #require(parseFailure("---\nsubject: Test\nby:\n\t- name: Jane Smith\n---\nBody.\n"))
        #expect(error.location?.line == 4)
        #expect(error.message.contains("tab") && error.hint?.contains("spaces") == true, "\(error)")
    }

    @Test func goodValuesStillParseAroundBadOnes() throws {
        // Recovery blanks only the bad line: the rest is read and checked too, so a bad date
        // below an unreadable line is still found.
        let error = try #require(parseFailure("---\nsubject: [Unclosed\ndate: 2017-13-40\n---\nBody.\n"))
        #expect(error.all.contains { $0.field == "date" }, "\(error)")
    }
}
