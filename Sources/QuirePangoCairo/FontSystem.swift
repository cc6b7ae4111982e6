import CCairo
import CFontconfig
import CPangoCairo
import Foundation
import QuirePages
import QuireSystem

/// Quire's private fontconfig configuration: only the fonts in the bundled folder, loaded
/// once per process from its `fonts.conf`. Every Pango font map is pointed at it, and the
/// environment is set too, because Pango otherwise loads (and waits on) the system
/// configuration on first use.
public enum FontConfiguration {
    nonisolated(unsafe) private static var configuredDirectory: String?
    nonisolated(unsafe) private(set) static var config: OpaquePointer?
    private static let loading = Locked(())

    /// Loads `<fontsDirectory>/fonts.conf`. Returns false if it cannot be loaded, or if a
    /// different directory was configured first (a process holds one configuration).
    @discardableResult
    public static func use(fontsDirectory: String) -> Bool {
        loading.withLock { _ in load(fontsDirectory) }
    }

    private static func load(_ fontsDirectory: String) -> Bool {
        if let configuredDirectory { return configuredDirectory == fontsDirectory && config != nil }
        configuredDirectory = fontsDirectory
        let file = fontsDirectory + "/fonts.conf"
        Platform.setEnvironmentValue("FONTCONFIG_FILE", file)
        guard let created = FcConfigCreate() else { return false }
        guard FcConfigParseAndLoad(created, file, 1) != 0, FcConfigBuildFonts(created) != 0 else {
            FcConfigDestroy(created)
            return false
        }
        FcConfigSetCurrent(created)
        config = created
        loadedFamilies = listFamilies(created)
        return true
    }

    /// The font families the configuration holds, sorted; empty until `use` succeeded.
    public static var families: [String] {
        loading.withLock { _ in loadedFamilies }
    }

    nonisolated(unsafe) private static var loadedFamilies: [String] = []

    private static func listFamilies(_ config: OpaquePointer) -> [String] {
        guard let pattern = FcPatternCreate(), let objects = FcObjectSetCreate() else { return [] }
        defer {
            FcPatternDestroy(pattern)
            FcObjectSetDestroy(objects)
        }
        FcObjectSetAdd(objects, FC_FAMILY)
        guard let list = FcFontList(config, pattern, objects) else { return [] }
        defer { FcFontSetDestroy(list) }
        var names = Set<String>()
        for index in 0..<Int(list.pointee.nfont) {
            var value: UnsafeMutablePointer<FcChar8>?
            if FcPatternGetString(list.pointee.fonts[index], FC_FAMILY, 0, &value) == FcResultMatch, let value {
                names.insert(String(cString: value))
            }
        }
        return names.sorted()
    }
}

/// One Pango font map and context with the settings that make PDF and PNG agree: 72 dpi so a
/// Pango unit is a point, no metric hinting, no glyph-position rounding. A font map must not
/// be shared across threads, so each worker owns one and is used by one thread at a time.
/// `fontKey` other than 0 gives the context cairo fonts of its own (see `init`).
final class PangoContextOwner {
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    /// Keyed by the PangoFont's address, so each cached font is retained: a freed font's
    /// address could otherwise be reused by another face and pick up the wrong name.
    private var fontRefs: [UnsafeMutableRawPointer: QuirePagesFontRef] = [:]
    private var loadedFonts: [QuirePagesFontRef: OpaquePointer] = [:]

    init(fontKey: Int = 0) {
        fontMap = pango_cairo_font_map_new()
        if let config = FontConfiguration.config {
            pango_fc_font_map_set_config(OpaquePointer(fontMap), config)
        }
        context = pango_font_map_create_context(fontMap)
        pango_cairo_context_set_resolution(context, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        // Cairo keeps one scaled font per face, size and options for the whole process, and
        // locks it while a surface draws with it: two threads drawing parts of a pack queued
        // on those locks (2,100 waits in the 250-paper pack). A variation axis no font has
        // keeps each context's fonts its own; it draws and embeds nothing differently.
        if fontKey > 0 { cairo_font_options_set_variations(options, "qkey \(fontKey)") }
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
    }

    deinit {
        for font in fontRefs.keys { g_object_unref(font) }
        for scaled in loadedFonts.values { cairo_scaled_font_destroy(scaled) }
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(fontMap)
    }

    /// The page tree's name for a Pango font (family, weight, style, size), cached per font.
    func fontRef(for font: UnsafeMutablePointer<PangoFont>) -> QuirePagesFontRef {
        let key = UnsafeMutableRawPointer(font)
        if let known = fontRefs[key] { return known }
        let description = pango_font_describe(font)
        defer { pango_font_description_free(description) }
        let family = pango_font_description_get_family(description).map { String(cString: $0) } ?? "sans-serif"
        let ref = QuirePagesFontRef(
            family: family, bold: pango_font_description_get_weight(description).rawValue >= PANGO_WEIGHT_SEMIBOLD.rawValue,
            italic: pango_font_description_get_style(description) != PANGO_STYLE_NORMAL,
            size: Double(pango_font_description_get_size(description)) / Double(PANGO_SCALE))
        g_object_ref(key)
        fontRefs[key] = ref
        return ref
    }

    /// The cairo font to draw a `FontRef` with: loaded through this context, so metrics and
    /// glyph ids are those the text was shaped with.
    func scaledFont(for ref: QuirePagesFontRef) -> OpaquePointer? {
        if let font = loadedFonts[ref] { return font }
        let description = pango_font_description_new()
        defer { pango_font_description_free(description) }
        pango_font_description_set_family(description, ref.family)
        pango_font_description_set_weight(description, ref.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, ref.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_font_description_set_absolute_size(description, ref.size * Double(PANGO_SCALE))
        guard let font = pango_font_map_load_font(fontMap, context, description) else { return nil }
        // The scaled font belongs to the PangoFont; hold our own reference so it outlives
        // the font map's cache.
        let scaled = cairo_scaled_font_reference(pango_cairo_font_get_scaled_font(OpaquePointer(font)))
        g_object_unref(font)
        loadedFonts[ref] = scaled
        return scaled
    }
}
