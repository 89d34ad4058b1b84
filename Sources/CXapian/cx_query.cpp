// Query building: terms, combinations, value ranges, wildcards, and free-text fragments parsed
// by QueryParser so that query words are cut exactly as the term generator cut the mail.
#include "cx_internal.hpp"

namespace {

Xapian::Query::op xapian_op(cx_op op) {
    switch (op) {
    case CX_OP_AND: return Xapian::Query::OP_AND;
    case CX_OP_OR: return Xapian::Query::OP_OR;
    case CX_OP_AND_NOT: return Xapian::Query::OP_AND_NOT;
    case CX_OP_FILTER: return Xapian::Query::OP_FILTER;
    case CX_OP_AND_MAYBE: return Xapian::Query::OP_AND_MAYBE;
    case CX_OP_PHRASE: return Xapian::Query::OP_PHRASE;
    case CX_OP_NEAR: return Xapian::Query::OP_NEAR;
    }
    throw Xapian::InvalidArgumentError("unknown cx_op");
}

std::string folded_lower(const char *text, size_t length) {
    std::string folded;
    if (!cairn::fold_accents(text, length, folded)) folded.assign(text, length);
    return Xapian::Unicode::tolower(folded);
}

} // namespace

extern "C" void cx_query_free(cx_query *query) {
    delete query;
}

extern "C" cx_query *cx_query_match_all(cx_error *error) {
    CX_TRY
    return new cx_query{Xapian::Query::MatchAll};
    CX_CATCH(error, nullptr)
}

extern "C" cx_query *cx_query_match_nothing(cx_error *error) {
    CX_TRY
    return new cx_query{Xapian::Query::MatchNothing};
    CX_CATCH(error, nullptr)
}

extern "C" cx_query *cx_query_term(const char *term, size_t length, cx_error *error) {
    CX_TRY
    return new cx_query{Xapian::Query(std::string(term, length))};
    CX_CATCH(error, nullptr)
}

extern "C" cx_query *cx_query_combine(cx_op op, const cx_query *const *queries, size_t count, cx_error *error) {
    CX_TRY
    std::vector<Xapian::Query> parts;
    parts.reserve(count);
    for (size_t i = 0; i < count; ++i) parts.push_back(queries[i]->query);
    return new cx_query{Xapian::Query(xapian_op(op), parts.begin(), parts.end())};
    CX_CATCH(error, nullptr)
}

extern "C" cx_query *cx_query_value_range(unsigned slot, int has_low, double low, int has_high, double high,
                                          cx_error *error) {
    CX_TRY
    if (has_low && has_high) {
        return new cx_query{Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, Xapian::sortable_serialise(low),
                                          Xapian::sortable_serialise(high))};
    }
    if (has_low) return new cx_query{Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, Xapian::sortable_serialise(low))};
    if (has_high) return new cx_query{Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, Xapian::sortable_serialise(high))};
    return new cx_query{Xapian::Query::MatchAll};
    CX_CATCH(error, nullptr)
}

extern "C" cx_query *cx_query_wildcard(const char *prefixes, size_t prefix_count, const char *word, size_t length,
                                       cx_error *error) {
    CX_TRY
    std::string stem = folded_lower(word, length);
    std::vector<Xapian::Query> parts;
    for (const auto &prefix : cairn::split_list(prefixes, prefix_count)) {
        parts.emplace_back(Xapian::Query::OP_WILDCARD, prefix + stem, 0, Xapian::Query::WILDCARD_LIMIT_ERROR,
                           Xapian::Query::OP_SYNONYM);
    }
    return new cx_query{Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end())};
    CX_CATCH(error, nullptr)
}

extern "C" cx_qparser *cx_qparser_new(const char *language, cx_error *error) {
    CX_TRY
    auto *parser = new cx_qparser();
    parser->has_stemmer = cairn::make_stemmer(language, parser->stemmer);
    return parser;
    CX_CATCH(error, nullptr)
}

extern "C" void cx_qparser_free(cx_qparser *parser) {
    delete parser;
}

extern "C" cx_query *cx_query_parse(const cx_qparser *parser, const char *text, size_t length, const char *prefixes,
                                    size_t prefix_count, int flags, cx_error *error) {
    CX_TRY
    Xapian::QueryParser qp;
    if ((flags & CX_PARSE_STEM) != 0 && parser->has_stemmer) {
        qp.set_stemmer(parser->stemmer);
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    } else {
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
    }
    qp.set_default_op(Xapian::Query::OP_AND);
    for (const auto &prefix : cairn::split_list(prefixes, prefix_count)) qp.add_prefix("", prefix);
    // Lowercased first, so that STEM_SOME stems every word (it leaves capitalised words alone).
    std::string folded = folded_lower(text, length);
    // Quotes are the caller's to give: drop any in the text, then quote a phrase ourselves.
    std::string words;
    words.reserve(folded.size() + 2);
    for (char c : folded) words.push_back(c == '"' ? ' ' : c);
    if ((flags & CX_PARSE_PHRASE) != 0) words = "\"" + words + "\"";
    unsigned qpFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_CJK_NGRAM;
    return new cx_query{qp.parse_query(words, qpFlags)};
    CX_CATCH(error, nullptr)
}

extern "C" int cx_query_is_empty(const cx_query *query) {
    return query->query.empty() ? 1 : 0;
}

extern "C" char *cx_query_describe(const cx_query *query, size_t *out_length, cx_error *error) {
    CX_TRY
    return cairn::copy_string(query->query.get_description(), out_length);
    CX_CATCH(error, nullptr)
}
