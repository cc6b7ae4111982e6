import Crypto
public import Foundation

/// SHA-256 for the archive manifest and shard assignment, as lowercase hex: the digest anyone
/// checks with `sha256sum`. swift-crypto computes it (BoringSSL's SHA-256 on Linux, CryptoKit
/// on Apple systems); this type only keeps the archive code's one way of asking for it.
public struct SHA256 {
    private var hasher = Crypto.SHA256()

    public init() {}

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        }
        if done == nil { hasher.update(data: Array(bytes)) }
    }

    /// The digest as lowercase hex, as `sha256sum` prints it.
    public mutating func hexDigest() -> String {
        hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    public static func hex(_ data: Data) -> String {
        var hasher = SHA256()
        hasher.update(data)
        return hasher.hexDigest()
    }
}
