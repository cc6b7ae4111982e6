import QuireModel
import Testing

/// Mistakes in the YAML header: each names the file, the line, the field, and how to fix it.
@Suite struct FrontMatterErrorTests {
    @Test func malformedYAMLPointsAtTheBadLine() throws {
        let error = try #require(parseFailure("""
            ---
            subject: Test
            classification: Unrestricted
              to: Council
            date: 2017-10-19
            ---
            Body.
            """, file: "bad.md"))
        #expect(error.kind == .yaml)
        #expect(error.location?.file == "bad.md")
        #expect(error.location?.line == 4)
        #expect(error.message.contains("not valid YAML"))
        #expect(error.hint?.contains("indentation") == true)
        #expect(error.description.hasPrefix("bad.md:4: error:"))
    }

    @Test func unknownKeySuggestsTheNearestKnownKey() throws {
        let error = try #require(parseFailure("""
            ---
            subject: Test
            recomendation: NOTE the report.
            ---
            Body.
            """))
        #expect(error.kind == .unknownField)
        #expect(error.location?.file == "paper.md")
        #expect(error.location?.line == 3)
        #expect(error.field == "recomendation")
        #expect(error.hint?.contains("did you mean 'recommendation'") == true)
    }

    @Test func unknownKeyInsideAPersonEntry() throws {
        let error = try #require(parseFailure("""
            ---
            by:
              - name: Jane Smith
                rol: Corporate Director
            ---
            Body.
            """))
        #expect(error.kind == .unknownField)
        #expect(error.location?.line == 4)
        #expect(error.field == "by.rol")
        #expect(error.hint?.contains("did you mean 'role'") == true)
    }

    @Test func monthFirstDateIsRejectedWithTheISOForm() throws {
        let error = try #require(parseFailure("""
            ---
            subject: Test
            date: 10/19/2017
            ---
            Body.
            """))
        #expect(error.kind == .invalidValue)
        #expect(error.location?.line == 3)
        #expect(error.field == "date")
        #expect(error.message.contains("month first"))
        #expect(error.hint?.contains("2017-10-19") == true)
    }

    @Test func keyGivenTwice() throws {
        let error = try #require(parseFailure("""
            ---
            subject: First
            to: Council
            subject: Second
            ---
            Body.
            """))
        #expect(error.kind == .invalidValue)
        #expect(error.location?.file == "paper.md")
        // YAML reports the first of the repeated keys.
        #expect(error.location?.line == 2)
        #expect(error.field == "subject")
        #expect(error.message.contains("more than once"))
        #expect(error.hint?.contains("keep one") == true)
    }

    @Test func byAndFromBothGiven() throws {
        let error = try #require(parseFailure("""
            ---
            by:
              - name: Jane Smith
            from:
              - name: John Doe
            ---
            Body.
            """))
        #expect(error.kind == .invalidValue)
        #expect(error.location?.line == 4)
        #expect(error.field == "from")
        #expect(error.message.contains("'by'") && error.message.contains("'from'"))
        #expect(error.hint?.contains("keep one") == true)
    }
}
