/// A long, deterministic committee paper for benchmarks: `sections` sections of numbered
/// paragraphs with sub-items and a table of yearly figures in each, prose drawn from council
/// vocabulary by a fixed-seed generator (same text on every run and machine).
public func generateLongPaper(sections: Int, paragraphsPerSection: Int = 9) -> (source: String, paragraphs: [String]) {
    var random = SplitMix(seed: 2017)
    var paragraphs: [String] = []
    var body = ""
    func sentence() -> String {
        let count = 8 + random.next(bound: 18)
        var words = (0..<count).map { _ in vocabulary[random.next(bound: vocabulary.count)] }
        words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
        return words.joined(separator: " ") + "."
    }
    for section in 1...sections {
        body += "# \(sectionTitles[section % sectionTitles.count]) \(section)\n\n"
        for index in 0..<paragraphsPerSection {
            let text = (0..<(3 + random.next(bound: 5))).map { _ in sentence() }.joined(separator: " ")
            paragraphs.append(text)
            body += text + "\n\n"
            if index == 4 {
                let items = (0..<3).map { _ in sentence() }
                paragraphs += items
                body += items.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n") + "\n\n"
            }
        }
        if section % 5 == 0 {
            body += "| Indicator | 2014-15 | 2015-16 | 2016-17 |\n|---|---:|---:|---:|\n"
            for row in 0..<8 {
                let figures = (0..<3).map { _ in String(100 + random.next(bound: 2900)) }
                body += "| \(indicators[row % indicators.count]) | " + figures.joined(separator: " | ") + " |\n"
            }
            body += "\n"
        }
    }
    let frontMatter = """
        ---
        by:
          - name: Benchmark Officer
            role: Corporate Director, Families and Social Care
        to: County Council
        date: 2017-10-19
        subject: Benchmark paper of \(sections) sections
        classification: Unrestricted
        summary: A generated paper with numbered sections, numbered paragraphs, sub-items and tables.
        recommendation: NOTE the figures.
        ---

        """
    return (frontMatter + body, paragraphs)
}

/// SplitMix64: tiny, fast, and the same sequence everywhere.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

private let sectionTitles = ["Introduction", "Performance", "Early Help", "Children in Care", "Safeguarding Audits",
                             "Serious Case Reviews", "Training", "Conclusions"]
private let indicators = ["Children with a Child Protection Plan", "Children in Care", "UASC in Care", "Early Help cases open",
                          "Children in Need", "Referrals", "Re-referrals", "Missing episodes"]
private let vocabulary = """
    the board council children young people safeguarding multi-agency partners report annual review progress \
    improvement services early help units families cases plans protection care placed authorities statutory \
    guidance inspection ofsted findings recommendations audit training programme learning frontline staff \
    strategy priorities business group sub groups chair independent members committee cabinet county kent \
    thresholds understanding agencies evidence outcomes achieved increase reduction decrease compared previous \
    year period reporting quarterly profile exploitation missing trafficking neglect domestic abuse mental health \
    workforce capacity demand budget pressures assurance governance accountability scrutiny challenge continues \
    support vulnerable sufficient timely effective consistent practice quality framework performance information \
    and of to in for with on across within from by at as that which this these has have were was will would should
    """.split(separator: " ").map(String.init)
