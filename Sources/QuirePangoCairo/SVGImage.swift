import CCairo
import CRsvg
import Foundation

/// SVG files drawn as vectors through librsvg (logos stay sharp at any zoom and print size).
public enum SVGImage {
    /// The SVG's intrinsic size in CSS pixels (96 per inch), or nil if it cannot be read.
    public static func size(of path: String) -> (width: Double, height: Double)? {
        guard let handle = rsvg_handle_new_from_file(path, nil) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        rsvg_handle_set_dpi(handle, 96)
        var width = 0.0, height = 0.0
        guard rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, width > 0, height > 0 else { return nil }
        return (width, height)
    }

    /// Renders the SVG into `rect` on `cr`; false if librsvg could not.
    static func draw(_ path: String, cr: OpaquePointer?, x: Double, y: Double, width: Double, height: Double) -> Bool {
        guard let handle = rsvg_handle_new_from_file(path, nil) else { return false }
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        var viewport = RsvgRectangle(x: x, y: y, width: width, height: height)
        return rsvg_handle_render_document(handle, cr, &viewport, nil) != 0
    }
}
