import CCairo
import CGdkPixbuf
import CPangoCairo
public import Foundation

/// PNG and JPEG files as cairo image surfaces. A JPEG is decoded by gdk-pixbuf (for previews
/// and for cairo's own bookkeeping) and carries its original bytes as cairo's JPEG mime data,
/// so the PDF embeds the file as it is (DCTDecode) instead of re-encoding its pixels.
enum RasterImage {
    /// The kinds of raster file a figure may be, told by their first bytes.
    enum Format {
        case png, jpeg

        init?(signature bytes: some Collection<UInt8>) {
            if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
                self = .png
            } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
                self = .jpeg
            } else {
                return nil
            }
        }
    }

    /// The file's format, or nil when it is neither PNG nor JPEG (an SVG, say).
    static func format(of path: String) -> Format? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return Format(signature: (try? handle.read(upToCount: 8)) ?? Data())
    }

    /// A surface for the file (the caller destroys it), or an error text.
    static func surface(_ path: String, format: Format) -> Result<OpaquePointer, ImageFailure> {
        switch format {
        case .png:
            guard let image = cairo_image_surface_create_from_png(path) else { return .failure(ImageFailure("cannot read image \(path)")) }
            guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS else {
                cairo_surface_destroy(image)
                return .failure(ImageFailure("cannot read image \(path)"))
            }
            return .success(image)
        case .jpeg:
            return jpegSurface(path)
        }
    }

    /// An error text for the canvas's failure report.
    struct ImageFailure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    private static func jpegSurface(_ path: String) -> Result<OpaquePointer, ImageFailure> {
        guard let bytes = FileManager.default.contents(atPath: path) else { return .failure(ImageFailure("cannot read image \(path)")) }
        var error: UnsafeMutablePointer<GError>?
        guard let pixbuf = gdk_pixbuf_new_from_file(path, &error) else {
            let reason = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { g_error_free(error) }
            return .failure(ImageFailure("cannot decode JPEG image \(path): \(reason)"))
        }
        defer { g_object_unref(UnsafeMutableRawPointer(pixbuf)) }
        let width = gdk_pixbuf_get_width(pixbuf), height = gdk_pixbuf_get_height(pixbuf)
        let channels = Int(gdk_pixbuf_get_n_channels(pixbuf)), hasAlpha = gdk_pixbuf_get_has_alpha(pixbuf) != 0
        let sourceStride = Int(gdk_pixbuf_get_rowstride(pixbuf))
        guard gdk_pixbuf_get_bits_per_sample(pixbuf) == 8, channels >= 3, let pixels = gdk_pixbuf_read_pixels(pixbuf) else {
            return .failure(ImageFailure("cannot decode JPEG image \(path): unexpected pixel layout"))
        }
        let surface = cairo_image_surface_create(hasAlpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, width, height)!
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let target = cairo_image_surface_get_data(surface) else {
            cairo_surface_destroy(surface)
            return .failure(ImageFailure("JPEG image \(path) is too large to draw (\(width)×\(height) pixels)"))
        }
        cairo_surface_flush(surface)
        let targetStride = Int(cairo_image_surface_get_stride(surface))
        // gdk-pixbuf rows are R, G, B(, A) bytes; cairo's are native-endian 32-bit words,
        // 0xAARRGGBB with the colour premultiplied by alpha.
        for y in 0..<Int(height) {
            let source = pixels + y * sourceStride
            let row = UnsafeMutableRawPointer(target + y * targetStride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<Int(width) {
                let pixel = source + x * channels
                let alpha = hasAlpha ? UInt32(pixel[3]) : 255
                func premultiplied(_ value: UInt8) -> UInt32 { (UInt32(value) * alpha + 127) / 255 }
                row[x] = alpha << 24 | premultiplied(pixel[0]) << 16 | premultiplied(pixel[1]) << 8 | premultiplied(pixel[2])
            }
        }
        cairo_surface_mark_dirty(surface)
        // CMYK JPEGs (Adobe's are stored inverted) are left to the decoded pixels: cairo 1.16
        // would embed them without the decode array they need.
        if let components = jpegComponents(bytes), components == 1 || components == 3 {
            attachJPEG(bytes, to: surface)
        }
        return .success(surface)
    }

    /// Gives cairo its own copy of the JPEG bytes, freed when the surface is.
    private static func attachJPEG(_ bytes: Data, to surface: OpaquePointer) {
        guard let copy = malloc(bytes.count) else { return }
        bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        let status = cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, copy.assumingMemoryBound(to: UInt8.self),
                                                 UInt(bytes.count), { free($0) }, copy)
        if status != CAIRO_STATUS_SUCCESS { free(copy) }
    }

    /// The number of colour components in the JPEG's frame header, if it has one.
    static func jpegComponents(_ bytes: Data) -> Int? {
        JPEGHeader(bytes).map { $0.components }
    }
}

/// What a JPEG's start-of-frame (SOF) segment says: pixel size and colour components.
public struct JPEGHeader: Sendable {
    public var width: Int
    public var height: Int
    public var components: Int

    /// Reads the markers up to the first SOF segment; nil if the bytes are not a JPEG or end first.
    public init?(_ data: Data) {
        let bytes = [UInt8](data.prefix(1 << 20))  // the frame header comes before the image data
        guard bytes.starts(with: [0xFF, 0xD8]) else { return nil }
        var index = 2
        while index + 3 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }  // fill bytes before a marker
            // Markers without a length: TEM, RSTn, SOI.
            if marker == 0x01 || (0xD0...0xD8).contains(marker) { index += 2; continue }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 2 else { return nil }
            // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard index + 9 < bytes.count else { return nil }
                height = Int(bytes[index + 5]) << 8 | Int(bytes[index + 6])
                width = Int(bytes[index + 7]) << 8 | Int(bytes[index + 8])
                components = Int(bytes[index + 9])
                return
            }
            if marker == 0xDA || marker == 0xD9 { return nil }  // image data or the end, and no frame header yet
            index += 2 + length
        }
        return nil
    }
}
