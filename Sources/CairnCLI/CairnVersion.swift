/// The version of Cairn, as printed by `--version` and written into export manifests.
public enum CairnVersion {
    /// The current version.
    public static let current = "0.1.0"
}
