/// One field of the ID command or response (`"name" "Cairn"`), a value of nil being NIL.
///
/// - SeeAlso: RFC 2971.
public struct IDParameter: Hashable, Sendable {
    /// The field name (`name`, `version`, `vendor`...).
    public var key: String
    /// The value, or nil for NIL.
    public var value: String?

    /// A field.
    public init(key: String, value: String?) {
        self.key = key
        self.value = value
    }
}
