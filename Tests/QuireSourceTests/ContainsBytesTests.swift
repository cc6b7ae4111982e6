import Foundation
@testable import QuireSource
import Testing

/// The byte search the parser runs on every line agrees with Foundation's `contains`.
@Suite struct ContainsBytesTests {
    @Test(arguments: [
        ("", ""), ("", "{{"), ("{", "{{"), ("{{", "{{"), ("a {{ b }}", "{{"), ("a { { b", "{{"), ("ends with {", "{{"),
        ("[^1]", "[^"), ("see [ ^1]", "[^"), ("Ŵ[^ŵ]", "[^"), ("ŵŷ{{", "{{"), ("aaab", "aab"), ("ab", "abc"), ("x", "x"),
    ])
    func agreesWithFoundation(_ text: String, _ needle: String) {
        #expect(containsBytes(text, needle) == (needle.isEmpty || text.contains(needle)), "\(text) / \(needle)")
    }
}
