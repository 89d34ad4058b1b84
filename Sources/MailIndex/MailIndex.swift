import CXapian

/// The Xapian full-text index.
public enum MailIndexModule {
    /// The Xapian library version.
    public static var xapianVersion: String { String(cString: cx_version()) }
}
