/// Whether `needle` occurs in `text`, compared as UTF-8 bytes. For the searches run on every
/// line or text node of a paper: Foundation's `contains` bridges each string to NSString, and
/// the standard library's generic `Collection.contains` runs unspecialised here; a pack's
/// profile showed them at 2% and 15% of its samples.
func containsBytes(_ text: String, _ needle: String) -> Bool {
    var text = text, needle = needle
    return text.withUTF8 { haystack in
        needle.withUTF8 { pattern in
            guard let first = pattern.first else { return true }
            guard pattern.count <= haystack.count else { return false }
            var index = 0
            while index <= haystack.count - pattern.count {
                if haystack[index] == first {
                    var offset = 1
                    while offset < pattern.count, haystack[index + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                }
                index += 1
            }
            return false
        }
    }
}
