/// A page of cairo's PDF as the finisher reads it: the few entries it uses, not the page's
/// parsed dictionary, whose resources and transparency group were 0.9 KB a page (1.8 MB of a
/// 2,000-page pack's finishing).
struct PageObject {
    let number: Int
    /// The content stream (cairo writes one per page).
    let contents: Int?
    let annotations: [Int]
    /// The /MediaBox's bottom and top edges, when it has four numbers.
    let bottom: Double?, top: Double?
    let structParents: Int?

    init(number: Int, _ dictionary: PDFDictionary) {
        self.number = number
        contents = dictionary["Contents"]?.reference
        annotations = dictionary["Annots"]?.list.compactMap(\.reference) ?? []
        let box = dictionary["MediaBox"]?.list ?? []
        (bottom, top) = box.count == 4 ? (box[1].double, box[3].double) : (nil, nil)
        structParents = dictionary["StructParents"]?.int
    }
}
