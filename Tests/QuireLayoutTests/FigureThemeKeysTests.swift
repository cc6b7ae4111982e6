import QuireLayout
import QuireModel
import Testing

/// The layout keys for figures (`figures.*`) and for keeping short tables whole.
@Suite("Figure layout keys")
struct FigureThemeKeysTests {
    @Test("a layout sets the default figure style and the keep-together threshold")
    func keys() throws {
        let theme = try parseTheme("""
            figures:
              negative: brackets
              separators: false
              decimals: 1
              unit: "£m"
              scale: 1000
            table:
              keep-together-rows: 8
            """, file: "house.yaml")
        #expect(theme.figures == FigureStyle(negative: .brackets, separators: false, decimals: 1, unit: "£m", scale: 1000))
        #expect(theme.table.keepTogetherRows == 8)
    }

    @Test("the defaults are today's: minus signs, the data's decimals, six rows kept whole")
    func defaults() {
        #expect(Theme().figures == FigureStyle())
        #expect(Theme().table.keepTogetherRows == 6)
    }

    @Test("bad values name the layout's line and key", arguments: [
        ("figures:\n  negative: red\n", 2, "figures.negative", "'red' is not a way to write negatives"),
        ("figures:\n  decimals: 9\n", 2, "figures.decimals", "decimals must be a whole number from 0 to 6, not '9'"),
        ("table:\n  size: 10pt\n  keep-together-rows: six\n", 3, "table.keep-together-rows", "expected a whole number"),
    ])
    func badValues(yaml: String, line: Int, field: String, message: String) {
        #expect {
            _ = try parseTheme(yaml, file: "house.yaml")
        } throws: { error in
            guard let error = error as? QuireError else { return false }
            return error.location?.line == line && error.field == field && error.message == message
        }
    }

    @Test("a misspelt key gets the nearest")
    func misspelt() {
        #expect {
            _ = try parseTheme("figures:\n  negatives: brackets\n", file: "house.yaml")
        } throws: { error in
            (error as? QuireError)?.hint == "did you mean 'figures.negative'?"
        }
    }
}
