/// `template` with each `{name}` that `value` knows replaced, in one pass; any other brace is
/// kept as written, and replaced text is never searched again (a subject that contains
/// "{page}" prints as written). One scan of the bytes: Foundation's `replacingOccurrences`
/// went through NSString, whose first use in a process cost a cold render 0.5 ms of type
/// lookups (perf), for every running header, footer and date.
func fillPlaceholders(_ template: String, _ value: (Substring) -> String?) -> String {
    guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
    var result = ""
    result.reserveCapacity(template.utf8.count)
    var rest = template[...]
    while let open = rest.firstIndex(of: "{") {
        result += rest[..<open]
        let afterOpen = rest.index(after: open)
        guard let close = rest[afterOpen...].firstIndex(where: { $0 == "}" || $0 == "{" }), rest[close] == "}",
              let replacement = value(rest[afterOpen..<close]) else {
            result += rest[open..<afterOpen]
            rest = rest[afterOpen...]
            continue
        }
        result += replacement
        rest = rest[rest.index(after: close)...]
    }
    result += rest
    return result
}
