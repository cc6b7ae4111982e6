public import QuireModel

/// `--shard i/n`: the papers whose path hashes to share i of n. Hashing the path (not the
/// position in the index) keeps every paper on the same shard as papers are added, so a
/// Kubernetes Indexed Job can give shard i to pod i and the shares never overlap.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int  // 1-based, as written
    public let count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// "3/8" → shard 3 of 8.
    public init(parsing text: String) throws(QuireError) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            throw QuireError(.invalidValue, at: nil, field: "--shard", "'\(text)' is not a shard such as 3/8",
                             hint: "give i/n with 1 ≤ i ≤ n: the i-th of n shares of the archive (in a Kubernetes Indexed Job, i = JOB_COMPLETION_INDEX + 1)")
        }
        self.init(index: index, count: count)
    }

    public func contains(_ path: String) -> Bool {
        var hasher = SHA256()
        hasher.update(path.utf8)
        let prefix = UInt64(hasher.hexDigest().prefix(16), radix: 16)!
        return Int(prefix % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}
