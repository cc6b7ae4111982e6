/// The document properties, written twice from one source: the /Info dictionary and the XMP
/// packet, which PDF/A requires to agree.
struct DocumentInfo {
    var title: String
    var author: String
    var subject: String
    var keywords: String
    var creator: String
    var producer: String
    /// UTC, ISO 8601 ("2017-10-19T00:00:00Z").
    var date: String
    var language: String

    /// "2017-10-19" or "2017-10-19T14:30:00Z" → the XMP form, always with a time.
    static func xmpDate(_ iso: String?) -> String {
        guard let iso, !iso.isEmpty else { return "1970-01-01T00:00:00Z" }
        return iso.contains("T") ? iso : iso + "T00:00:00Z"
    }

    /// "D:20171019143000Z", the /Info form of the same instant.
    var pdfDate: String {
        "D:" + date.filter { $0.isNumber }.prefix(14) + "Z"
    }

    /// Info entries, empty values left out (the XMP leaves the same ones out).
    var entries: [(key: String, value: String)] {
        [("Title", title), ("Author", author), ("Subject", subject), ("Keywords", keywords), ("Creator", creator),
         ("Producer", producer)].filter { !$0.value.isEmpty }
    }

    /// The XMP packet: PDF/UA-1 claimed, and with `pdfa` the PDF/A-2b identification. PDF/A
    /// allows only the properties of its predefined schemas or of schemas the file describes,
    /// so there the PDF/UA identification comes with its extension schema (ISO 19005-2,
    /// 6.6.2.3), which is how one file is both.
    func xmp(pdfa: Bool) -> String {
        var fields: [String] = ["<dc:format>application/pdf</dc:format>"]
        if !title.isEmpty { fields.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escaped(title))</rdf:li></rdf:Alt></dc:title>") }
        if !author.isEmpty { fields.append("<dc:creator><rdf:Seq><rdf:li>\(escaped(author))</rdf:li></rdf:Seq></dc:creator>") }
        if !subject.isEmpty { fields.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escaped(subject))</rdf:li></rdf:Alt></dc:description>") }
        fields.append("<dc:language><rdf:Bag><rdf:li>\(escaped(language))</rdf:li></rdf:Bag></dc:language>")
        if !keywords.isEmpty { fields.append("<pdf:Keywords>\(escaped(keywords))</pdf:Keywords>") }
        if !producer.isEmpty { fields.append("<pdf:Producer>\(escaped(producer))</pdf:Producer>") }
        if !creator.isEmpty { fields.append("<xmp:CreatorTool>\(escaped(creator))</xmp:CreatorTool>") }
        fields += ["<xmp:CreateDate>\(date)</xmp:CreateDate>", "<xmp:ModifyDate>\(date)</xmp:ModifyDate>",
                   "<xmp:MetadataDate>\(date)</xmp:MetadataDate>"]
        if pdfa { fields += ["<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>"] }
        fields.append("<pdfuaid:part>1</pdfuaid:part>")
        return """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about=""
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
                xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
                xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
               \(fields.joined(separator: "\n   "))
              </rdf:Description>\(pdfa ? Self.pdfuaExtensionSchema : "")
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="r"?>
            """
    }

    /// The PDF/A extension schema describing `pdfuaid:part` (ISO 19005-2, 6.6.2.3.3).
    private static let pdfuaExtensionSchema = """

          <rdf:Description rdf:about=""
            xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
            xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
            xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
           <pdfaExtension:schemas>
            <rdf:Bag>
             <rdf:li rdf:parseType="Resource">
              <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
              <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
              <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
              <pdfaSchema:property>
               <rdf:Seq>
                <rdf:li rdf:parseType="Resource">
                 <pdfaProperty:name>part</pdfaProperty:name>
                 <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                 <pdfaProperty:category>internal</pdfaProperty:category>
                 <pdfaProperty:description>The part of ISO 14289 (PDF/UA) the file conforms to</pdfaProperty:description>
                </rdf:li>
               </rdf:Seq>
              </pdfaSchema:property>
             </rdf:li>
            </rdf:Bag>
           </pdfaExtension:schemas>
          </rdf:Description>
        """

    private func escaped(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
