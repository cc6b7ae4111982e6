import QuireTestSupport
/// The inspector's fixture documents, written object by object.
enum Fixtures {
    /// One page, "Hello" in Helvetica, no tags, no metadata.
    static func untagged() -> MiniPDF {
        var pdf = MiniPDF()
        pdf.object(1, "<< /Type /Catalog /Pages 2 0 R >>")
        pdf.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        pdf.object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
        pdf.stream(4, "", "BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n0 0 m 100 100 l S")
        pdf.object(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        return pdf
    }

    /// A tagged page: an H1 (custom role /MainHeading mapped through /RoleMap), a P shown
    /// with TJ and two lines, a table with a header cell, a figure with /Alt, and a footer
    /// rule and page number as /Artifact. The variations break one rule each.
    struct Tagged {
        var secondHeadingRole = "P"
        var headerCellRole = "TH"
        var figureAlt: String? = "A bar chart of costs"
        var withTitle = true

        func pdf() -> MiniPDF {
            var pdf = MiniPDF()
            pdf.trailer = "/Root 1 0 R" + (withTitle ? " /Info 30 0 R" : "")
            pdf.object(1, """
                << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 10 0 R
                   /Lang (en-GB) /ViewerPreferences << /DisplayDocTitle true >> /Metadata 31 0 R >>
                """)
            pdf.stream(31, "/Type /Metadata /Subtype /XML", #"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfuaid:part="1"/></rdf:RDF></x:xmpmeta>"#)
            pdf.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 7 0 R >> >> >>")
            pdf.object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /StructParents 0 /Contents [4 0 R 8 0 R] >>")
            pdf.stream(4, "", """
                /Artifact BMC 0 0 1 rg 72 40 451 1 re f BT /F1 8 Tf 72 30 Td (Page 1) Tj ET EMC
                /H1 << /MCID 0 >> BDC BT /F1 18 Tf 72 720 Td \(fixtureHex("Budget report")) Tj ET EMC
                /P << /MCID 1 >> BDC BT /F1 12 Tf 72 690 Td [\(fixtureHex("The")) -250 \(fixtureHex("budget"))] TJ
                """)
            // The page's second content stream continues the paragraph's text object.
            pdf.stream(8, "", """
                0 -14 Td \(fixtureHex("is fine")) Tj ET EMC
                /TH << /MCID 2 >> BDC BT /F1 10 Tf 72 600 Td \(fixtureHex("Item")) Tj ET EMC
                /TD << /MCID 3 >> BDC BT /F1 10 Tf 200 600 Td \(fixtureHex("Cost")) Tj ET EMC
                /Figure << /MCID 4 >> BDC q 100 0 0 50 72 500 cm /Im1 Do Q EMC
                """)
            pdf.object(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>")
            pdf.stream(6, "", fixtureToUnicode)
            pdf.stream(7, "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "A")

            pdf.object(10, "<< /Type /StructTreeRoot /K 11 0 R /ParentTree 20 0 R /RoleMap << /MainHeading /H1 >> >>")
            pdf.object(11, "<< /Type /StructElem /S /Document /P 10 0 R /K [12 0 R 13 0 R 14 0 R 18 0 R] >>")
            pdf.object(12, "<< /Type /StructElem /S /MainHeading /P 11 0 R /Pg 3 0 R /K 0 >>")
            pdf.object(13, "<< /Type /StructElem /S /\(secondHeadingRole) /P 11 0 R /Pg 3 0 R /K [1] >>")
            pdf.object(14, "<< /Type /StructElem /S /Table /P 11 0 R /K [15 0 R] >>")
            pdf.object(15, "<< /Type /StructElem /S /TR /P 14 0 R /K [16 0 R 17 0 R] >>")
            pdf.object(16, "<< /Type /StructElem /S /\(headerCellRole) /P 15 0 R /Pg 3 0 R /K 2 >>")
            pdf.object(17, "<< /Type /StructElem /S /TD /P 15 0 R /K << /Type /MCR /Pg 3 0 R /MCID 3 >> >>")
            pdf.object(18, "<< /Type /StructElem /S /Figure /P 11 0 R /Pg 3 0 R \(figureAlt.map { "/Alt (\($0)) " } ?? "")/K 4 /A << /O /Layout /BBox [72 500 172 550] >> >>")
            pdf.object(20, "<< /Nums [0 [12 0 R 13 0 R 16 0 R 17 0 R 18 0 R]] >>")
            if withTitle { pdf.object(30, "<< /Title (Budget report) >>") }
            return pdf
        }
    }

    /// A PDF/A-2B claim: XMP with `pdfaid` as attributes or elements, an sRGB output intent
    /// (profile bytes are not checked), and an Info /Title that may disagree with dc:title.
    static func pdfa(xmpTitle: String = "Budget report", infoTitle: String = "Budget report",
                     attributes: Bool = true, outputIntent: Bool = true) -> MiniPDF {
        var pdf = MiniPDF()
        pdf.trailer = "/Root 1 0 R /Info 9 0 R"
        let intent = outputIntent ? "/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /DestOutputProfile 8 0 R >>]" : ""
        pdf.object(1, "<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R \(intent) >>")
        pdf.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        pdf.object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>")
        pdf.stream(4, "", "")
        let pdfaid = attributes
            ? #"<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" pdfaid:part="2" pdfaid:conformance="B"/>"#
            : #"<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>"#
        pdf.stream(6, "/Type /Metadata /Subtype /XML", """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            \(pdfaid)
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(xmpTitle)</rdf:li></rdf:Alt></dc:title>
            </rdf:Description></rdf:RDF></x:xmpmeta>
            <?xpacket end="w"?>
            """)
        pdf.stream(8, "/N 3", "not a real ICC profile")
        pdf.object(9, "<< /Title (\(infoTitle)) >>")
        return pdf
    }
}

extension Fixtures {
    /// Harder content on one page: a Type0 Identity-H font (2-byte codes through a 2-byte
    /// /ToUnicode, program embedded), a Type3 font, marked content named through
    /// /Properties, an /ActualText span, a form XObject with its own MCID (reached by an MCR
    /// with /Stm) and a form drawn inside /Artifact. With `formFont`, the tagged form's
    /// resources add a non-embedded Times-Roman.
    static func composite(formFont: Bool = false) -> MiniPDF {
        var pdf = MiniPDF()
        pdf.object(1, "<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 10 0 R >>")
        pdf.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        pdf.object(3, """
            << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /StructParents 0 /Contents 4 0 R
               /Resources << /Font << /C0 5 0 R /T3 7 0 R >> /XObject << /Fm1 12 0 R /Fm2 13 0 R >>
                             /Properties << /MC0 << /MCID 1 >> >> >> >>
            """)
        pdf.stream(4, "", """
            /P << /MCID 0 >> BDC BT /C0 12 Tf 72 700 Td <00010002> Tj ET EMC
            /P /MC0 BDC BT /C0 12 Tf 72 680 Td <0001> Tj /Span << /ActualText (fi) >> BDC <0003> Tj EMC <0002> Tj ET EMC
            /Artifact BMC /Fm2 Do EMC
            /Fm1 Do
            """)
        pdf.object(5, "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Noto /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>")
        pdf.object(6, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Noto /FontDescriptor 9 0 R /CIDToGIDMap /Identity >>")
        pdf.object(7, "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [1 0 0 1 0 0] /CharProcs << >> /FirstChar 97 /LastChar 98 /Widths [1 1] >>")
        pdf.stream(8, "", """
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            3 beginbfchar <0001> <0048> <0002> <0049> <0003> <0078> endbfchar
            """)
        pdf.object(9, "<< /Type /FontDescriptor /FontName /ABCDEF+Noto /FontFile2 11 0 R >>")
        pdf.stream(11, "", "not a real font program")
        let fonts = formFont ? "/T3 7 0 R /F9 19 0 R" : "/T3 7 0 R"
        pdf.stream(12, "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /StructParents 1 /Resources << /Font << \(fonts) >> >>",
                   "/P << /MCID 0 >> BDC BT /T3 1 Tf 72 600 Td (ab) Tj ET EMC")
        pdf.stream(13, "/Type /XObject /Subtype /Form /BBox [0 0 595 842]", "0 0 m 10 10 l S BT /C0 1 Tf <0001> Tj ET")
        pdf.object(19, "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>")

        pdf.object(10, "<< /Type /StructTreeRoot /K 14 0 R /ParentTree 20 0 R >>")
        pdf.object(14, "<< /Type /StructElem /S /Document /P 10 0 R /K [15 0 R 16 0 R 17 0 R] >>")
        pdf.object(15, "<< /Type /StructElem /S /P /P 14 0 R /Pg 3 0 R /K 0 >>")
        pdf.object(16, "<< /Type /StructElem /S /P /P 14 0 R /Pg 3 0 R /K 1 >>")
        pdf.object(17, "<< /Type /StructElem /S /P /P 14 0 R /Pg 3 0 R /K << /Type /MCR /MCID 0 /Stm 12 0 R >> >>")
        pdf.object(20, "<< /Nums [0 [15 0 R 16 0 R] 1 [17 0 R]] >>")
        return pdf
    }
}

extension Fixtures {
    /// One tagged paragraph (MCID 0 on page 1) drawn by `content`, with font /F1 (Helvetica,
    /// every glyph 500/1000 em wide) and `extra` objects (numbered from 30).
    static func paragraph(_ content: String, resources: String = "", extra: [Int: String] = [:]) -> MiniPDF {
        var pdf = MiniPDF()
        pdf.object(1, "<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 10 0 R >>")
        pdf.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        pdf.object(3, """
            << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /StructParents 0 /Contents 4 0 R
               /Resources << /Font << /F1 5 0 R >> \(resources) >> >>
            """)
        pdf.stream(4, "", content)
        let widths = Array(repeating: "500", count: 95).joined(separator: " ")
        pdf.object(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths [\(widths)] >>")
        pdf.object(10, "<< /Type /StructTreeRoot /K 11 0 R /ParentTree 12 0 R >>")
        pdf.object(11, "<< /Type /StructElem /S /P /P 10 0 R /Pg 3 0 R /K 0 >>")
        pdf.object(12, "<< /Nums [0 [11 0 R]] >>")
        for (number, body) in extra { pdf.object(number, body) }
        return pdf
    }
}
