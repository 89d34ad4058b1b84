// Read-only databases: local or remote (xapian-tcpsrv) shards, combined into one, and the term
// and posting lists that query translation reads (glob expansion, thread lookup).
#include "cx_internal.hpp"
#include <algorithm>
#include <cstdlib>
#include <new>

extern "C" cx_db *cx_db_new(cx_error *error) {
    CX_TRY
    return new cx_db();
    CX_CATCH(error, nullptr)
}

extern "C" cx_db *cx_db_open(const char *path, cx_error *error) {
    CX_TRY
    return new cx_db{Xapian::Database(path), 1};
    CX_CATCH(error, nullptr)
}

extern "C" cx_db *cx_db_open_remote(const char *host, unsigned port, unsigned timeout_ms, unsigned connect_timeout_ms,
                                    cx_error *error) {
    CX_TRY
    return new cx_db{Xapian::Remote::open(host, port, timeout_ms, connect_timeout_ms), 1};
    CX_CATCH(error, nullptr)
}

extern "C" int cx_db_add(cx_db *db, const cx_db *other, cx_error *error) {
    CX_TRY
    db->db.add_database(other->db);
    db->shards += other->shards;
    return 0;
    CX_CATCH(error, -1)
}

extern "C" void cx_db_free(cx_db *db) {
    delete db;
}

extern "C" int cx_db_reopen(cx_db *db, cx_error *error) {
    CX_TRY
    return db->db.reopen() ? 1 : 0;
    CX_CATCH(error, -1)
}

extern "C" size_t cx_db_shard_count(const cx_db *db) {
    return db->shards;
}

extern "C" uint32_t cx_db_doccount(cx_db *db, cx_error *error) {
    CX_TRY
    return db->db.get_doccount();
    CX_CATCH(error, 0)
}

extern "C" char *cx_db_get_metadata(cx_db *db, const char *key, size_t *out_length, cx_error *error) {
    CX_TRY
    return cairn::copy_string(db->db.get_metadata(key), out_length);
    CX_CATCH(error, nullptr)
}

extern "C" char *cx_db_allterms(cx_db *db, const char *prefix, size_t prefix_length, size_t limit,
                                size_t *out_length, size_t *out_count, cx_error *error) {
    CX_TRY
    std::string wanted(prefix, prefix_length);
    std::vector<std::string> terms;
    for (auto it = db->db.allterms_begin(wanted); it != db->db.allterms_end(wanted); ++it) {
        terms.push_back(*it);
        if (limit != 0 && terms.size() >= limit) break;
    }
    return cairn::join_list(terms, out_length, out_count);
    CX_CATCH(error, nullptr)
}

extern "C" uint32_t *cx_db_postlist(cx_db *db, const char *term, size_t length, size_t *out_count, cx_error *error) {
    CX_TRY
    std::string wanted(term, length);
    std::vector<uint32_t> ids;
    for (auto it = db->db.postlist_begin(wanted); it != db->db.postlist_end(wanted); ++it) ids.push_back(*it);
    auto *array = static_cast<uint32_t *>(std::malloc(sizeof(uint32_t) * (ids.size() + 1)));
    if (array == nullptr) throw std::bad_alloc();
    std::copy(ids.begin(), ids.end(), array);
    *out_count = ids.size();
    return array;
    CX_CATCH(error, nullptr)
}

extern "C" char *cx_db_doc_terms(cx_db *db, uint32_t docid, const char *prefix, size_t prefix_length,
                                 size_t *out_length, size_t *out_count, cx_error *error) {
    CX_TRY
    std::string wanted(prefix, prefix_length);
    std::vector<std::string> terms;
    auto it = db->db.termlist_begin(docid);
    it.skip_to(wanted);
    for (; it != db->db.termlist_end(docid); ++it) {
        std::string term = *it;
        if (term.compare(0, wanted.size(), wanted) != 0) break;
        terms.push_back(term);
    }
    return cairn::join_list(terms, out_length, out_count);
    CX_CATCH(error, nullptr)
}
