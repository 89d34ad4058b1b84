/// The names saved searches may have: what `query:NAME` can be typed with.
public enum SavedSearchName {
    /// Letters (any script), digits, `.`, `_`, `-`, at most 64, not starting with `-` or `.`.
    public static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && !name.hasPrefix("-") && !name.hasPrefix(".")
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" }
    }
}

/// A saved search's name that `query:NAME` could not name.
public struct SavedSearchNameError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The name given.
    public var name: String

    /// What is wrong.
    public var description: String {
        "a saved search's name is letters, digits, '.', '_' and '-' (at most 64, not starting with '-' or '.'); "
            + "\"\(name)\" is not"
    }
}
