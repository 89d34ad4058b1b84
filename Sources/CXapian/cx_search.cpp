// Searching: Enquire with sorting and paging, counts, and snippets of the original text.
#include "cx_internal.hpp"
#include <cstring>

extern "C" cx_mset *cx_db_search(cx_db *db, const cx_query *query, cx_sort sort, unsigned slot, int collapse_slot,
                                 uint32_t offset, uint32_t limit, uint32_t check_at_least, cx_error *error) {
    CX_TRY
    auto *result = new cx_mset();
    result->db = db->db;
    if (db->shards == 0) return result;  // nothing to search: an empty page
    try {
        result->enquire = std::make_unique<Xapian::Enquire>(db->db);
        auto &enquire = *result->enquire;
        enquire.set_query(query->query);
        if (sort != CX_SORT_RELEVANCE) {
            bool descending = sort == CX_SORT_VALUE_DESCENDING;
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            enquire.set_sort_by_value(slot, descending);
            enquire.set_docid_order(descending ? Xapian::Enquire::DESCENDING : Xapian::Enquire::ASCENDING);
        }
        if (collapse_slot >= 0) enquire.set_collapse_key(static_cast<unsigned>(collapse_slot));
        result->mset = enquire.get_mset(offset, limit, check_at_least);
    } catch (...) {
        delete result;
        throw;
    }
    return result;
    CX_CATCH(error, nullptr)
}

extern "C" void cx_mset_free(cx_mset *mset) {
    delete mset;
}

extern "C" uint32_t cx_mset_size(const cx_mset *mset) {
    return mset->mset.size();
}

extern "C" uint32_t cx_mset_docid(const cx_mset *mset, uint32_t index) {
    try {
        return *(mset->mset[index]);
    } catch (...) {
        return 0;  // an index out of range; the docid is read from memory otherwise
    }
}

extern "C" uint32_t cx_mset_collapse_count(const cx_mset *mset, uint32_t index) {
    try {
        return mset->mset[index].get_collapse_count();
    } catch (...) {
        return 0;  // an index out of range
    }
}

extern "C" char *cx_mset_collapse_key(const cx_mset *mset, uint32_t index, size_t *out_length, cx_error *error) {
    CX_TRY
    return cairn::copy_string(mset->mset[index].get_collapse_key(), out_length);
    CX_CATCH(error, nullptr)
}

extern "C" void cx_mset_counts(const cx_mset *mset, uint32_t *lower, uint32_t *estimated, uint32_t *upper) {
    *lower = mset->mset.get_matches_lower_bound();
    *estimated = mset->mset.get_matches_estimated();
    *upper = mset->mset.get_matches_upper_bound();
}

namespace {

/// Undoes the XML escaping MSet::snippet applies (&amp; &lt; &gt;).
std::string unescape(const std::string &text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '&') {
            if (text.compare(i, 5, "&amp;") == 0) { out.push_back('&'); i += 4; continue; }
            if (text.compare(i, 4, "&lt;") == 0) { out.push_back('<'); i += 3; continue; }
            if (text.compare(i, 4, "&gt;") == 0) { out.push_back('>'); i += 3; continue; }
        }
        out.push_back(text[i]);
    }
    return out;
}

// Private markers for MSet::snippet: control characters that mail text does not carry.
const char startMark = '\x01', endMark = '\x02', omitMark = '\x03';

} // namespace

extern "C" char *cx_mset_snippet(const cx_mset *mset, const char *text, size_t text_length, size_t length,
                                 const char *language, const char *start, const char *end, const char *omit,
                                 size_t *out_length, cx_error *error) {
    CX_TRY
    if (!mset->enquire) return cairn::copy_string(std::string(), out_length);
    // The index holds accent-folded terms, so the snippet is found in folded text and then
    // cut from the original text, byte offsets mapped back.
    std::string folded;
    std::vector<size_t> origin;
    cairn::fold_accents_mapped(text, text_length, folded, origin);
    for (char &c : folded) {
        if (c == startMark || c == endMark || c == omitMark) c = ' ';
    }
    Xapian::Stem stemmer;
    cairn::make_stemmer(language, stemmer);
    unsigned flags = Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE
                   | Xapian::MSet::SNIPPET_CJK_NGRAM;
    std::string marked = mset->mset.snippet(folded, length, stemmer, flags, std::string(1, startMark),
                                            std::string(1, endMark), std::string(1, omitMark));
    std::string out;
    size_t cursor = 0;  // position in `folded`
    size_t i = 0;
    while (i < marked.size()) {
        char c = marked[i];
        if (c == startMark) { out += start; ++i; continue; }
        if (c == endMark) { out += end; ++i; continue; }
        if (c == omitMark) { out += omit; ++i; continue; }
        size_t next = marked.find_first_of("\x01\x02\x03", i);
        if (next == std::string::npos) next = marked.size();
        std::string piece = unescape(marked.substr(i, next - i));
        size_t at = folded.find(piece, cursor);
        if (at == std::string::npos) {
            out += piece;  // not found in order: show the folded text rather than nothing
        } else {
            size_t from = origin[at], to = origin[at + piece.size()];
            out.append(text + from, to - from);
            cursor = at + piece.size();
        }
        i = next;
    }
    return cairn::copy_string(out, out_length);
    CX_CATCH(error, nullptr)
}
