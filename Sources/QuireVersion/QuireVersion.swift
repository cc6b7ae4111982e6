/// Quire's version: what `quire --version` and `quire-server --version` print and what the
/// service's `quire_build_info` metric carries. It is written here, in the source, so that
/// every build has it, a plain `swift build` in a fresh clone as much as the release image;
/// a release changes this line (README, "Versions and exit codes").
public enum QuireVersion {
    /// The release, as semantic versioning has it.
    public static let number = "0.13.0"
}
