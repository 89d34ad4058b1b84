/// A parsed query: the tree that the index and the IMAP translation both read.
///
/// Parsing normalises it: `AND`/`OR` lists are flat and have at least two children, `-x` and
/// `NOT x` are both ``not(_:)``, and `before:`/`after:` become date ranges.
public indirect enum QueryNode: Hashable, Sendable {
    /// Every message (`*` or an empty query).
    case all
    /// One condition.
    case term(QueryTerm)
    /// Messages that do not match.
    case not(QueryNode)
    /// Messages that match every child.
    case and([QueryNode])
    /// Messages that match any child.
    case or([QueryNode])
    /// A saved search (`query:NAME`), expanded in place.
    case saved(name: String, QueryNode)

    /// The terms of the tree, depth first.
    public var terms: [QueryTerm] {
        switch self {
        case .all: return []
        case .term(let term): return [term]
        case .not(let child), .saved(_, let child): return child.terms
        case .and(let children), .or(let children): return children.flatMap(\.terms)
        }
    }

    /// `a AND b`, flattening nested ANDs and dropping `*`.
    static func conjunction(_ nodes: [QueryNode]) -> QueryNode {
        var flat: [QueryNode] = []
        for node in nodes {
            switch node {
            case .and(let children): flat += children
            case .all: continue
            default: flat.append(node)
            }
        }
        switch flat.count {
        case 0: return .all
        case 1: return flat[0]
        default: return .and(flat)
        }
    }

    /// `a OR b`, flattening nested ORs; anything OR `*` is `*`.
    static func disjunction(_ nodes: [QueryNode]) -> QueryNode {
        var flat: [QueryNode] = []
        for node in nodes {
            switch node {
            case .or(let children): flat += children
            case .all: return .all
            default: flat.append(node)
            }
        }
        return flat.count == 1 ? flat[0] : .or(flat)
    }
}
