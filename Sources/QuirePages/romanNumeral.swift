/// Lower-case roman numerals: front-matter page numbers, second-level list labels.
public func romanNumeral(_ n: Int) -> String {
    let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                  (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    var n = n, out = ""
    for (value, digits) in table { while n >= value { out += digits; n -= value } }
    return out
}
