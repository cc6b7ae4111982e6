import Foundation

/// How strongly a piece of text reads as a person's name rather than a role: "Alex Example",
/// "Cllr Jo Bloggs", "Mr M J Angell" and "Dr Sam O’Sample" do; "Director of Green Spaces",
/// "Cabinet Member for Parks" and "Leisure and Open Spaces" do not.
///
/// The shape: two to five words, each capitalised (or an initial, or a title such as Cllr);
/// no role or organisation word (Director, Cabinet, Member, Officer, Head, Manager, Council,
/// Services …), no joining word (and, of, for, the). A known given name first, a title or
/// initials make it surer. Scores above zero read as a name; the higher, the surer.
func personNameScore(_ text: String) -> Int {
    let words = text.split(whereSeparator: { $0.isWhitespace }).map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ",;.:()")) }.filter { !$0.isEmpty }
    guard (1...6).contains(words.count) else { return -5 }
    var score = 0
    var nameWords = 0
    for (index, word) in words.enumerated() {
        let lower = word.lowercased()
        if joiningWords.contains(lower) || roleWords.contains(lower) || roleWords.contains(singular(lower)) { return -5 }
        if word.contains(where: \.isNumber) || word.contains("@") { return -5 }
        if index == 0, titles.contains(lower) { score += 3; continue }
        if index == words.count - 1, suffixes.contains(lower) { continue }
        guard let first = word.first, first.isUppercase else { return -5 }
        // An initial ("M", "J.") or a capitalised name word ("Angell", "O’Sample", "Smith-Jones").
        if word.count <= 2 || (word.count == 2 && word.hasSuffix(".")) {
            score += 1
        } else if word == word.uppercased(), word.count > 3, words.count > 1, !givenNames.contains(lower) {
            // A word in capitals ("SMITH") is a surname only beside a capitalised given name.
            score += 0
        }
        if nameWords == 0, givenNames.contains(lower) { score += 3 }
        nameWords += 1
    }
    guard nameWords >= 1 else { return -5 }
    // One word alone is a name only with a title ("Cllr Smith" has two words anyway).
    if words.count == 1 { return givenNames.contains(words[0].lowercased()) ? 0 : -2 }
    return score + (nameWords >= 2 ? 1 : 0)
}

/// Whether the text reads as a person's name at all.
func readsAsPersonName(_ text: String) -> Bool { personNameScore(text) > 0 }

private func singular(_ word: String) -> String { word.hasSuffix("s") ? String(word.dropLast()) : word }

/// Words that never stand in a person's name.
private let joiningWords: Set<String> = ["and", "of", "for", "the", "to", "in", "on", "with", "&", "at", "by", "from", "a", "an"]

/// Titles before a name.
private let titles: Set<String> = ["cllr", "councillor", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "revd"]

/// Letters after a name.
private let suffixes: Set<String> = ["mbe", "obe", "cbe", "jp", "qc", "kc", "phd", "frics", "cpfa", "fca", "acca", "cipfa", "mrtpi", "ma", "msc", "ba", "bsc"]

/// Words of roles, posts and organisations: a text holding one is not a person's name.
let roleWords: Set<String> = [
    "director", "cabinet", "member", "officer", "head", "manager", "council", "councils", "chair", "chairman", "chairwoman",
    "chairperson", "leader", "executive", "chief", "deputy", "assistant", "interim", "acting", "corporate", "strategic",
    "service", "services", "board", "committee", "portfolio", "holder", "lead", "team", "department", "directorate",
    "authority", "county", "city", "borough", "district", "unit", "group", "panel", "commissioner", "secretary", "clerk",
    "monitoring", "finance", "financial", "legal", "planning", "highways", "transport", "education", "health", "care",
    "social", "children", "children’s", "childrens", "adult", "adults", "families", "family", "housing", "environment",
    "environmental", "parks", "leisure", "spaces", "space", "culture", "community", "communities",
    "regeneration", "economic", "economy", "development", "resources", "governance", "democratic", "democracy", "audit",
    "policy", "public", "safeguarding", "specialist", "independent", "programme", "performance", "project", "projects",
    "operations", "operational", "customer", "customers", "digital", "technology", "property", "estates", "waste",
    "infrastructure", "growth", "partnership", "partnerships", "engineer", "adviser", "advisor",
    "analyst", "accountant", "solicitor", "lawyer", "coordinator", "co-ordinator", "administrator", "consultant",
    "inspector", "principal", "senior", "business", "support", "strategy", "improvement", "quality", "wellbeing",
    "treasurer", "section", "s151", "mayor", "combined", "cymru", "cyngor", "gwasanaethau", "cyfarwyddwr", "pennaeth",
    "trees", "tree", "volunteer", "volunteers", "school", "schools", "library", "libraries", "office", "budget",
    "revenue", "capital", "treasury", "risk", "insurance", "procurement", "contracts", "commercial", "communications",
    "marketing", "hr", "human", "workforce", "skills", "employment", "learning", "inclusion", "equality", "equalities",
    "diversity", "transformation", "delivery", "neighbourhood", "neighbourhoods", "streets", "scene",
    "roads", "safety", "licensing", "trading", "standards", "protection", "emergency", "resilience", "climate",
    "energy", "sustainability", "flood", "coastal", "rural", "urban", "design", "heritage", "arts", "sport",
    "sports", "tourism", "events", "registration", "elections", "electoral", "member’s", "members", "ward", "division",
]

/// Common given names in the UK, for telling "Alex Example" (a person) from "Open Spaces".
private let givenNames: Set<String> = [
    "aaron", "abigail", "adam", "adrian", "aidan", "aisha", "alan", "alastair", "albert", "alex", "alexander", "alexandra",
    "alfie", "alice", "alison", "amanda", "amber", "amelia", "amy", "andrea", "andrew", "andy", "angela", "anita", "ann",
    "anna", "anne", "annie", "anthony", "antony", "arthur", "ashley", "barbara", "barry", "ben", "benjamin", "bernard",
    "beth", "bethan", "bill", "bob", "brenda", "brian", "bridget", "bryn", "callum", "cameron", "carl", "carol", "caroline",
    "carys", "catherine", "cerys", "charles", "charlie", "charlotte", "chloe", "chris", "christian", "christina",
    "christine", "christopher", "claire", "clare", "colin", "craig", "dafydd", "daisy", "dale", "dan", "daniel", "danny",
    "darren", "dave", "david", "dawn", "dean", "debbie", "deborah", "debra", "declan", "denise", "dennis", "derek",
    "dewi", "diana", "diane", "dominic", "donna", "dylan", "edward", "eileen", "elaine", "eleanor", "elin", "elizabeth",
    "ella", "ellie", "emily", "emma", "eric", "erin", "evan", "eve", "fiona", "frances", "francesca", "frank", "fraser",
    "freya", "gareth", "gary", "gavin", "gemma", "geoff", "geoffrey", "george", "georgia", "geraint", "gill", "gillian",
    "glyn", "gordon", "grace", "graham", "gwen", "gwyn", "hannah", "harry", "hayley", "heather", "helen", "henry", "huw",
    "iain", "ian", "imogen", "iolo", "isabel", "isabella", "isla", "ivan", "jack", "jackie", "jacob", "jacqueline", "jade",
    "jake", "james", "jamie", "jan", "jane", "janet", "janice", "jason", "jay", "jean", "jeff", "jennifer", "jenny",
    "jeremy", "jess", "jessica", "jill", "jim", "jo", "joan", "joanna", "joanne", "jodie", "joe", "john", "jon",
    "jonathan", "jordan", "joseph", "josh", "joshua", "joy", "judith", "julia", "julian", "julie", "justin", "karen",
    "kate", "katherine", "kathryn", "katie", "kay", "keith", "kelly", "ken", "kerry", "kevin", "kim", "kirsty", "laura",
    "lauren", "lee", "leah", "leigh", "leo", "lewis", "liam", "linda", "lindsay", "lisa", "liz", "lloyd", "louise",
    "lucy", "luke", "lydia", "lynn", "maggie", "malcolm", "mandy", "marc", "margaret", "maria", "marie", "mark", "martin",
    "mary", "matt", "matthew", "megan", "melanie", "michael", "michelle", "mike", "mohammed", "muhammad", "molly",
    "morgan", "nadia", "naomi", "natalie", "nathan", "neil", "nia", "nicholas", "nick", "nicola", "nigel", "noah",
    "oliver", "olivia", "owen", "pamela", "patricia", "patrick", "paul", "paula", "pauline", "peter", "phil", "philip",
    "phillip", "poppy", "priya", "rachel", "raj", "ravi", "rebecca", "rhian", "rhiannon", "rhys", "richard", "rob",
    "robert", "robin", "roger", "rosie", "ross", "ruth", "ryan", "sally", "sam", "samantha", "samuel", "sandra", "sara",
    "sarah", "scott", "sean", "sharon", "shaun", "sheila", "sian", "simon", "sinead", "sophie", "stella", "stephanie",
    "stephen", "steve", "steven", "stuart", "sue", "susan", "suzanne", "tanya", "tara", "teresa", "terry", "thomas",
    "tim", "timothy", "tina", "toby", "tom", "tomos", "tony", "tracey", "tracy", "trevor", "valerie", "vanessa", "vicky",
    "victoria", "vincent", "wayne", "wendy", "william", "yvonne", "zoe", "zara", "ahmed", "ali", "amir", "hassan",
    "fatima", "sunita", "anil", "deepak", "harjit", "gurpreet", "manjit", "rashid", "samir", "yusuf", "omar", "ayesha",
    "chen", "wei", "li", "ming", "kai", "rowan", "morgan", "riley", "quinn", "robyn", "hugh", "giles", "rupert", "miles",
    "jasmine", "lowri", "ffion", "cai", "osian", "llyr", "alun", "emyr", "meinir", "eleri", "angharad", "branwen", "delyth",
]
