import CQuireZlib

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
    // A copy of the used part: the buffer is sized for incompressible input, and a finished
    // PDF keeps every page's compressed content until it is written.
    return Array(out[..<Int(length)])
}

/// zlib (Flate) decompression; nil if the data is not a complete zlib stream.
func inflated(_ bytes: [UInt8]) -> [UInt8]? {
    var stream = z_stream()
    guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
    defer { inflateEnd(&stream) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: max(16_384, bytes.count * 4))
    var input = bytes
    var status: Int32 = Z_OK
    input.withUnsafeMutableBufferPointer { source in
        stream.next_in = source.baseAddress
        stream.avail_in = uInt(source.count)
        repeat {
            chunk.withUnsafeMutableBufferPointer { buffer in
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(buffer.count)
                status = inflate(&stream, Z_NO_FLUSH)
                out += buffer[0..<(buffer.count - Int(stream.avail_out))]
            }
        } while status == Z_OK
    }
    return status == Z_STREAM_END ? out : nil
}
