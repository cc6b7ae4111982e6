import CCairo
import CPangoCairo
public import QuirePages

/// The benchmark's baseline: the same paragraphs laid out by Pango and drawn by Cairo with no
/// layout logic of ours (no numbering, no pagination rules, no page tree): one PangoLayout per
/// paragraph, shown where it lands, a new page when it does not fit. One thread.
public enum BarePangoCairoLoop {
    /// Returns the number of pages written, or nil if cairo failed.
    public static func render(paragraphs: [String], family: String, size: Double, leading: Double, width: Double,
                              page: Size, margin: Double, gap: Double, to path: String) -> Int? {
        let surface = cairo_pdf_surface_create(path, page.width, page.height)
        let cr = cairo_create(surface)
        let layout = pango_cairo_create_layout(cr)!
        // Same settings as the engine: points, no metric hinting (the bundled fonts come from
        // the same FONTCONFIG_FILE).
        pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(pango_layout_get_context(layout), options)
        cairo_font_options_destroy(options)
        pango_layout_context_changed(layout)
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_justify(layout, 1)
        pango_layout_set_spacing(layout, Int32((leading - size * 1.15) * Double(PANGO_SCALE)))
        let description = pango_font_description_new()
        pango_font_description_set_family(description, family)
        pango_font_description_set_absolute_size(description, size * Double(PANGO_SCALE))
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        var pages = 1
        var y = margin
        for text in paragraphs {
            pango_layout_set_text(layout, text, -1)
            var logical = PangoRectangle()
            pango_layout_get_extents(layout, nil, &logical)
            let height = Double(logical.height) / Double(PANGO_SCALE)
            if y + height > page.height - margin, y > margin {
                cairo_show_page(cr)
                pages += 1
                y = margin
            }
            cairo_move_to(cr, margin, y)
            pango_cairo_show_layout(cr, layout)
            y += height + gap
        }
        cairo_show_page(cr)
        g_object_unref(UnsafeMutableRawPointer(layout))
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
        cairo_surface_destroy(surface)
        return ok ? pages : nil
    }
}
