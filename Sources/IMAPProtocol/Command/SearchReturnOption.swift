/// What an ESEARCH reply should hold: `RETURN (MIN MAX ALL COUNT)` (RFC 4731 3.1).
public enum SearchReturnOption: String, Hashable, Sendable, CaseIterable {
    /// `MIN`: the lowest match.
    case min = "MIN"
    /// `MAX`: the highest match.
    case max = "MAX"
    /// `ALL`: every match, as a compact set.
    case all = "ALL"
    /// `COUNT`: the number of matches.
    case count = "COUNT"
}
