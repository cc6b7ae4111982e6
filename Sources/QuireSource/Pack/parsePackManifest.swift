public import Foundation
public import QuireModel
import QuireYAML
import Yams

/// `pack.yaml` → `PackManifest`. Throws one `QuireError` naming file, line and field path
/// (`items[3].exempt`, indices from 0) for the first problem found. Paths are checked for
/// form only; the caller resolves them against the manifest's folder.
public func parsePackManifest(data: Data, file: String) throws(QuireError) -> PackManifest {
    let reader = YAMLReader(file: file, lineOffset: 0, document: "the pack manifest")
    guard let root = try reader.composeManifest(try decodeUTF8(data, file: file)) else {
        throw QuireError(.missingField, at: SourceLocation(file: file, line: 1), "the pack manifest is empty", hint: PackHint.manifest)
    }
    var lines: [String: Int] = [:]
    let top = try reader.fields(root, path: "", keys: PackKeys.top, example: PackHint.manifest, lines: &lines)
    let meeting = try readMeeting(try reader.required("meeting", in: top, hint: PackHint.manifest), reader: reader, lines: &lines)
    var layout: String?
    if let value = top["layout"] { layout = try reader.text(value, field: "layout") }
    var firstPage: Int?
    if let value = top["first-page"] {
        firstPage = try reader.positiveInteger(value, field: "first-page", hint: "give a supplement the pack page it starts on, e.g. first-page: 41; leave it out for the main pack")
    }
    let itemsNode = try reader.required("items", in: top, hint: PackHint.manifest)
    let items = try readItems(itemsNode, key: top.key("items")!, reader: reader, lines: &lines)
    return PackManifest(file: file, meeting: meeting, items: items, layout: layout, firstPage: firstPage, lines: lines)
}

/// The `meeting:` block: the front sheet's heading, date, place and people.
private func readMeeting(_ node: Node, reader: YAMLReader, lines: inout [String: Int]) throws(QuireError) -> Meeting {
    let example = "write e.g.\n    meeting:\n      committee: Kent County Council\n      date: 2017-10-19\n      time: \"10:00\"\n      venue: Council Chamber, Sessions House"
    let fields = try reader.fields(node, path: "meeting", keys: PackKeys.meeting, example: example, lines: &lines)
    let committee = try reader.text(try reader.required("committee", in: fields, hint: "name the committee, e.g. committee: Kent County Council"),
                                    field: "meeting.committee")
    let date = try reader.date(try reader.required("date", in: fields, hint: "give the meeting date, e.g. date: 2017-10-19"), field: "meeting.date")
    var meeting = Meeting(committee: committee, date: date)
    if let value = fields["time"] { meeting.time = try reader.text(value, field: "meeting.time") }
    if let value = fields["venue"] { meeting.venue = try reader.text(value, field: "meeting.venue") }
    if let value = fields["chair"] { meeting.chair = try reader.text(value, field: "meeting.chair") }
    if let value = fields["alternative-formats"] { meeting.alternativeFormats = try reader.text(value, field: "meeting.alternative-formats") }
    if let value = fields["membership"] {
        meeting.membership = try reader.texts(value, field: "meeting.membership", example: "membership: [Mr M J Angell (Chairman), Mrs A D Allen]")
    }
    if let value = fields["contact"] {
        let contacts = try reader.contacts(value, field: "meeting.contact")
        // The front sheet names one officer to contact; a paper may list several.
        guard contacts.count == 1 else {
            throw reader.error(.invalidValue, value, field: "meeting.contact", "'meeting.contact' must name one person, not \(contacts.count)",
                               hint: "give the clerk, e.g. contact: {name: Andrew Tait, role: Democratic Services Officer, phone: 03000 416749}")
        }
        meeting.contact = contacts[0]
    }
    return meeting
}
