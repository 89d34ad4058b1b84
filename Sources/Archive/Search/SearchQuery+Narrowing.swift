import MailQuery

extension SearchQuery {
    /// The query limited to one account (`--account NAME`): `(query) account:NAME`.
    public func narrowed(toAccount name: String) -> SearchQuery {
        let term = QueryNode.term(QueryTerm(field: .account, value: .glob(GlobPattern(name)), range: 0..<0))
        return SearchQuery(text: text, root: SearchQuery.conjunction(root, term))
    }

    /// The query limited to one thread: `(query) thread:ID`.
    public func narrowed(toThread id: String) -> SearchQuery {
        let term = QueryNode.term(QueryTerm(field: .thread, value: .exact(id), range: 0..<0))
        return SearchQuery(text: text, root: SearchQuery.conjunction(root, term))
    }

    /// `a AND b` in the parser's normal form: flat, without `*`.
    private static func conjunction(_ root: QueryNode, _ node: QueryNode) -> QueryNode {
        switch root {
        case .all: return node
        case .and(let children): return .and(children + [node])
        default: return .and([root, node])
        }
    }
}
