import QuireModel
import QuirePages

/// How one layout key is stored into the theme. Key paths to stored properties hold no
/// state, so sharing them across threads is safe.
enum ThemeSetter: @unchecked Sendable {
    case length(WritableKeyPath<Theme, Double>)
    case integer(WritableKeyPath<Theme, Int>)
    case flag(WritableKeyPath<Theme, Bool>)
    /// Text, or the same text in several languages (`{en-GB: …, cy: …}`).
    case text(WritableKeyPath<Theme, String>)
    case color(WritableKeyPath<Theme, Color>)
    case optionalColor(WritableKeyPath<Theme, Color?>)
    case alignment(WritableKeyPath<Theme, RunningText.Alignment>)
    /// One of a fixed set of written forms (an enumeration's raw values).
    case choice([String], (inout Theme, String) -> Void)
    /// Item labels by depth: one label or a list of them.
    case itemLabels(WritableKeyPath<Theme, [ItemNumbering]>)
    case pageSize
    case margins
    case rows
    case masthead
    case sections
    case fieldList(WritableKeyPath<Theme, [FrontMatterField]>)
    case colorList(WritableKeyPath<Theme, [Color]>)
    /// One key of `Theme.figures`, read as a figure style reads it.
    case figure(String)

    /// An enumeration's written forms.
    static func choice<E: RawRepresentable & CaseIterable>(_ path: WritableKeyPath<Theme, E>) -> ThemeSetter where E.RawValue == String {
        .choice(E.allCases.map(\.rawValue)) { theme, raw in if let value = E(rawValue: raw) { theme[keyPath: path] = value } }
    }
}

/// Every key a layout file may set, as a dotted path. A key not here is a typo and is
/// reported with the nearest match, instead of being ignored. (`extends` is read first, by
/// `parseTheme`.)
let themeFields: [String: ThemeSetter] = [
    "name": .text(\.name), "description": .text(\.description), "language": .text(\.language),
    "pdfa": .flag(\.pdfa),
    "page.size": .pageSize, "page.margins": .margins,
    "page.margin-top": .length(\.page.marginTop), "page.margin-bottom": .length(\.page.marginBottom),
    "page.margin-left": .length(\.page.marginLeft), "page.margin-right": .length(\.page.marginRight),
    "body.font": .text(\.body.family), "body.size": .length(\.body.size), "body.leading": .length(\.body.leading),
    "body.color": .color(\.body.color), "body.justify": .flag(\.body.justify),
    "code.font": .text(\.code.family),
    "block-space": .length(\.blockSpace), "orphans": .integer(\.orphans), "widows": .integer(\.widows),
    "heading.size": .length(\.heading.size), "heading.bold": .flag(\.heading.bold), "heading.italic": .flag(\.heading.italic),
    "heading.space-before": .length(\.heading.spaceBefore), "heading.space-after": .length(\.heading.spaceAfter),
    "heading.indent": .choice(\.heading.indent),
    // Older name of numbering.sections, kept working.
    "heading.numbered": .flag(\.numbering.sections),
    "subheading.size": .length(\.subheading.size), "subheading.bold": .flag(\.subheading.bold),
    "subheading.italic": .flag(\.subheading.italic), "subheading.space-before": .length(\.subheading.spaceBefore),
    "subheading.space-after": .length(\.subheading.spaceAfter), "subheading.indent": .choice(\.subheading.indent),
    // Older name of numbering.paragraphs, kept working.
    "paragraphs.numbering": .choice(\.numbering.paragraphs), "paragraphs.indent": .length(\.paragraphs.indent),
    "paragraphs.item-indent": .length(\.paragraphs.itemIndent),
    "numbering.sections": .flag(\.numbering.sections), "numbering.paragraphs": .choice(\.numbering.paragraphs),
    "numbering.count": .choice(\.numbering.count), "numbering.items": .itemLabels(\.numbering.items),
    "numbering.recommendations": .choice(\.numbering.recommendations),
    "run-in.bold": .flag(\.runIn.bold), "run-in.italic": .flag(\.runIn.italic), "run-in.color": .optionalColor(\.runIn.color),
    "run-in.case": .choice(\.runIn.textCase),
    "header-block.form": .choice(\.headerBlock.form), "header-block.label-case": .choice(\.headerBlock.labelCase),
    "header-block.label-color": .optionalColor(\.headerBlock.labelColor), "header-block.value-color": .optionalColor(\.headerBlock.valueColor),
    "header-block.label-width": .length(\.headerBlock.labelWidth), "header-block.label-bold": .flag(\.headerBlock.labelBold),
    "header-block.row-space": .length(\.headerBlock.rowSpace), "header-block.space-after": .length(\.headerBlock.spaceAfter),
    "header-block.rule-below": .flag(\.headerBlock.ruleBelow), "header-block.date-format": .text(\.headerBlock.dateFormat),
    "header-block.rows": .rows, "header-block.required": .fieldList(\.headerBlock.required),
    "header-block.panel.fields": .fieldList(\.headerBlock.panel.fields), "header-block.panel.style": .choice(\.headerBlock.panel.style),
    "header-block.panel.separate": .flag(\.headerBlock.panel.separate), "header-block.panel.fill": .color(\.headerBlock.panel.fill),
    "header-block.panel.rule-color": .color(\.headerBlock.panel.ruleColor), "header-block.panel.rule-width": .length(\.headerBlock.panel.ruleWidth),
    "header-block.panel.padding": .length(\.headerBlock.panel.padding),
    "masthead": .masthead,
    "logo.file": .text(\.logo.file), "logo.width": .length(\.logo.width), "logo.pages": .choice(\.logo.pages),
    "logo.place": .choice(\.logo.place), "logo.top": .length(\.logo.top), "logo.name": .text(\.logo.name),
    "logo.name-position": .choice(\.logo.namePosition), "logo.name-size": .length(\.logo.nameSize),
    "logo.name-bold": .flag(\.logo.nameBold), "logo.name-color": .optionalColor(\.logo.nameColor), "logo.alt": .text(\.logo.alt),
    "marking.enabled": .flag(\.marking.enabled), "marking.from": .choice(\.marking.source),
    "marking.default": .text(\.marking.defaultMarking), "marking.form": .text(\.marking.form), "marking.case": .choice(\.marking.textCase),
    "marking.header": .flag(\.marking.header), "marking.footer": .flag(\.marking.footer), "marking.size": .length(\.marking.size),
    "marking.bold": .flag(\.marking.bold), "marking.color": .optionalColor(\.marking.color), "marking.distance": .length(\.marking.distance),
    "sections": .sections,
    "closing.background-documents": .text(\.closing.backgroundDocuments), "closing.contact": .text(\.closing.contact),
    "closing.no-background-documents": .text(\.closing.noBackgroundDocuments),
    "header.text": .text(\.header.template), "header.size": .length(\.header.size), "header.align": .alignment(\.header.alignment),
    "footer.text": .text(\.footer.template), "footer.size": .length(\.footer.size), "footer.align": .alignment(\.footer.alignment),
    "table.size": .length(\.table.size), "table.leading": .length(\.table.leading), "table.padding": .length(\.table.padding),
    "table.header-fill": .color(\.table.headerFill), "table.rule-color": .color(\.table.ruleColor),
    "table.rule-width": .length(\.table.ruleWidth),
    "table.keep-together-rows": .integer(\.table.keepTogetherRows),
    "notes.size": .length(\.notes.size), "notes.leading": .length(\.notes.leading), "notes.space-above": .length(\.notes.spaceAbove),
    "notes.space-between": .length(\.notes.spaceBetween), "notes.rule-length": .length(\.notes.ruleLength),
    "notes.rule-width": .length(\.notes.ruleWidth), "notes.rule-color": .color(\.notes.ruleColor), "notes.indent": .length(\.notes.indent),
    "figures.negative": .figure("negative"), "figures.separators": .figure("separators"), "figures.decimals": .figure("decimals"),
    "figures.unit": .figure("unit"), "figures.scale": .figure("scale"),
    "chart.height": .length(\.chart.height), "chart.size": .length(\.chart.size), "chart.colors": .colorList(\.chart.colors),
    "chart.grid-color": .color(\.chart.gridColor),
    "cover.enabled": .flag(\.cover.enabled), "cover.logo": .text(\.cover.logo), "cover.logo-width": .length(\.cover.logoWidth),
    "cover.title-size": .length(\.cover.titleSize), "cover.subtitle-size": .length(\.cover.subtitleSize), "cover.color": .color(\.cover.color),
    "contents.enabled": .flag(\.contents.enabled), "contents.title": .text(\.contents.title),
    "pack.title": .text(\.pack.title), "pack.supplement-title": .text(\.pack.supplementTitle),
    "pack.membership": .text(\.pack.membership), "pack.items": .text(\.pack.items),
    "pack.exempt-heading": .text(\.pack.exemptHeading), "pack.exempt-intro": .text(\.pack.exemptIntro),
    "pack.exempt-notice": .text(\.pack.exemptNotice), "pack.pages": .text(\.pack.pages), "pack.page": .text(\.pack.page),
    "pack.item-stamp": .text(\.pack.itemStamp), "pack.page-stamp": .text(\.pack.pageStamp), "pack.band": .text(\.pack.band),
    "pack.band-color": .color(\.pack.bandColor), "pack.blank-page": .text(\.pack.blankPage), "pack.contact": .text(\.pack.contact),
]
