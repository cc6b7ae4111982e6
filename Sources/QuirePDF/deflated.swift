import CZlib

/// zlib (Flate) compression at the default level, as PDF streams use; nil if zlib fails.
func deflated(_ bytes: [UInt8]) -> [UInt8]? {
    var length = compressBound(uLong(bytes.count))
    var out = [UInt8](repeating: 0, count: Int(length))
    let status = out.withUnsafeMutableBufferPointer { destination in
        bytes.withUnsafeBufferPointer { source in
            compress2(destination.baseAddress, &length, source.baseAddress, uLong(bytes.count), Z_DEFAULT_COMPRESSION)
        }
    }
    guard status == Z_OK else { return nil }
    out.removeSubrange(Int(length)...)
    return out
}
