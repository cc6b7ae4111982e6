@testable import QuireLayout
import QuireModel
import QuirePages
import Testing

/// A paper's `language:` sets its /Lang, its date words and every layout text given in that
/// language; a bilingual date pattern prints both.
@Suite("Language per paper")
struct LanguageTests {
    let layoutText = """
        language: en-GB
        header-block:
          date-format: "{d} {MMMM} {yyyy}"
          rows:
            - {field: date, label: {en-GB: "Date:", cy: "Dyddiad:"}}
            - {field: subject, label: "Subject / Pwnc:"}
        closing:
          background-documents: {en-GB: Background Documents, cy: Dogfennau Cefndir}
          no-background-documents: {en-GB: None, cy: Dim}
        footer:
          text: {en-GB: "Page {page} of {pages}", cy: "Tudalen {page} o {pages}"}
        """

    @Test("language: cy gives Welsh labels, Welsh month names, the Welsh footer and /Lang cy")
    func welsh() throws {
        let t = try theme(layoutText)
        let result = layout(try paper("# Cyflwyniad\n\nTestun.\n", frontMatter: "subject: Derbyn i ysgolion\ndate: 19/10/2017\nlanguage: cy\n"), t)
        let lines = allLines(result.document)
        #expect(lines.contains("Dyddiad: 19 Hydref 2017"))
        #expect(lines.contains("Subject / Pwnc: Derbyn i ysgolion"))  // one text for both languages
        #expect(lines.contains("2. Dogfennau Cefndir") && lines.contains("Dim"))
        #expect(lines.contains("Tudalen 1 o 1"))
        #expect(result.document.metadata.language == "cy")
    }

    @Test("without language: the layout's, in English")
    func english() throws {
        let result = layout(try paper("# Intro\n\nText.\n", frontMatter: "subject: Admissions\ndate: 2017-10-19\n"), try theme(layoutText))
        let lines = allLines(result.document)
        #expect(lines.contains("Date: 19 October 2017") && lines.contains("Page 1 of 1") && lines.contains("2. Background Documents"))
        #expect(result.document.metadata.language == "en-GB")
    }

    @Test("a language the layout does not give falls back to the layout's own")
    func fallback() {
        let text = LocalizedText([.init(language: "en-GB", text: "Date:"), .init(language: "cy", text: "Dyddiad:")])
        #expect(text.text(for: "fr", fallback: "en-GB") == "Date:")
        #expect(text.text(for: "cy-GB", fallback: "en-GB") == "Dyddiad:")
        #expect(text.text(for: "en", fallback: "cy") == "Date:")
    }

    @Test("date words: Welsh months and ordinals, and tokens naming their language")
    func dateWords() {
        let date = CalendarDate(year: 2017, month: 10, day: 19)
        #expect(formatDate(date, "{do} {MMMM} {yyyy}", language: "cy") == "19eg Hydref 2017")
        #expect(formatDate(date, "{d} {MMMM:en} {yyyy} / {d} {MMMM:cy} {yyyy}") == "19 October 2017 / 19 Hydref 2017")
        let months = (1...12).map { formatDate(CalendarDate(year: 2025, month: $0, day: 1), "{MMMM}", language: "cy") }
        #expect(months == ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"])
        #expect([1, 2, 3, 5, 7, 11, 20, 21, 31].map { DateWords.welsh.ordinal($0) } == ["1af", "2ail", "3ydd", "5ed", "7fed", "11eg", "20fed", "21ain", "31ain"])
    }

    @Test("a language map with a tag that is not one is an error at its line")
    func badTag() {
        #expect {
            _ = try parseTheme("closing:\n  contact: {english: Contact, cy: Cyswllt}\n", file: "house.yaml")
        } throws: { error in
            (error as? QuireError)?.message.contains("'english' is not a language tag") == true && (error as? QuireError)?.location?.line == 2
        }
    }
}
