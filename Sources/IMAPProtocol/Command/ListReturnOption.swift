/// A `RETURN (...)` option of LIST (RFC 5258 with RFC 6154 and RFC 5819).
public enum ListReturnOption: Hashable, Sendable {
    /// `SPECIAL-USE`: include \Sent, \Trash... attributes (RFC 6154).
    case specialUse
    /// `SUBSCRIBED`.
    case subscribed
    /// `CHILDREN`.
    case children
    /// `STATUS (items)`: a STATUS response for each listed mailbox (RFC 5819).
    case status([StatusItem])

    /// The wire form.
    public var wireText: String {
        switch self {
        case .specialUse: return "SPECIAL-USE"
        case .subscribed: return "SUBSCRIBED"
        case .children: return "CHILDREN"
        case .status(let items): return "STATUS (" + items.map(\.rawValue).joined(separator: " ") + ")"
        }
    }
}
