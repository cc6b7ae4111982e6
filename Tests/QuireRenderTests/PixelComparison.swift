import CCairo
import Foundation

/// A PNG read back through cairo as 32-bit pixels.
struct Bitmap {
    let width: Int
    let height: Int
    let pixels: [UInt32]

    init?(png path: String) {
        guard let surface = cairo_image_surface_create_from_png(path), cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        defer { cairo_surface_destroy(surface) }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let data = cairo_image_surface_get_data(surface)!.withMemoryRebound(to: UInt32.self, capacity: stride * height) { $0 }
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height { for x in 0..<width { pixels.append(data[y * stride + x] & 0x00FF_FFFF) } }
        self.pixels = pixels
    }
}

/// How two renders differ: pixels whose channels differ by more than `tolerance`.
struct PixelDifference {
    var sizeMatches: Bool
    var differing: Int
    var first: (x: Int, y: Int)?
}

/// Compares per channel with a tolerance (cf. Typst's approx_equal, default 1).
func compare(_ a: Bitmap, _ b: Bitmap, tolerance: Int) -> PixelDifference {
    guard a.width == b.width, a.height == b.height else { return PixelDifference(sizeMatches: false, differing: -1) }
    var result = PixelDifference(sizeMatches: true, differing: 0)
    for index in 0..<a.pixels.count {
        let p = a.pixels[index], q = b.pixels[index]
        if p == q { continue }
        if channelDistance(p, q) > tolerance {
            result.differing += 1
            if result.first == nil { result.first = (index % a.width, index / a.width) }
        }
    }
    return result
}

/// The largest difference between two pixels' red, green and blue channels.
private func channelDistance(_ p: UInt32, _ q: UInt32) -> Int {
    var largest = 0
    for shift: UInt32 in [0, 8, 16] {
        let a = Int((p >> shift) & 0xFF), b = Int((q >> shift) & 0xFF)
        largest = max(largest, abs(a - b))
    }
    return largest
}
