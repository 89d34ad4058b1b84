// The writable database: one writer per database, transactions, documents by id, and updates of
// a document's boolean terms that leave its text alone.
#include "cx_internal.hpp"
#include <cstdlib>

namespace {

// Xapian flushes a writer's in-memory changes (its "inverter") to the tables every
// XAPIAN_FLUSH_THRESHOLD documents, also inside a transaction (without committing). Its default,
// 10,000, lets the inverter grow large, and measurements on mail showed indexing costs 25-40%
// more CPU than with about 250. Xapian reads the variable when a database is opened, so it is set
// (unless the user set it) when the library loads, before any thread could read the environment.
__attribute__((constructor)) void set_flush_threshold() {
    setenv("XAPIAN_FLUSH_THRESHOLD", "250", 0);
}

} // namespace

extern "C" cx_wdb *cx_wdb_open(const char *path, int action, cx_error *error) {
    CX_TRY
    int flags = action == CX_CREATE_OR_OVERWRITE ? Xapian::DB_CREATE_OR_OVERWRITE
              : action == CX_CREATE_OR_OPEN ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN;
    return new cx_wdb{Xapian::WritableDatabase(path, flags | Xapian::DB_BACKEND_GLASS)};
    CX_CATCH(error, nullptr)
}

extern "C" void cx_wdb_free(cx_wdb *db) {
    if (db == nullptr) return;
    try {
        db->db.close();
    } catch (...) {
        // Closing releases the lock; an error here leaves nothing for the caller to do.
    }
    delete db;
}

extern "C" int cx_wdb_begin(cx_wdb *db, int flushed, cx_error *error) {
    CX_TRY
    db->db.begin_transaction(flushed != 0);
    return 0;
    CX_CATCH(error, -1)
}

extern "C" int cx_wdb_commit_transaction(cx_wdb *db, cx_error *error) {
    CX_TRY
    db->db.commit_transaction();
    return 0;
    CX_CATCH(error, -1)
}

extern "C" int cx_wdb_cancel_transaction(cx_wdb *db, cx_error *error) {
    CX_TRY
    db->db.cancel_transaction();
    return 0;
    CX_CATCH(error, -1)
}

extern "C" int cx_wdb_commit(cx_wdb *db, cx_error *error) {
    CX_TRY
    db->db.commit();
    return 0;
    CX_CATCH(error, -1)
}

extern "C" int cx_wdb_replace(cx_wdb *db, uint32_t docid, const cx_doc *doc, cx_error *error) {
    CX_TRY
    db->db.replace_document(docid, doc->doc);
    return 0;
    CX_CATCH(error, -1)
}

extern "C" int cx_wdb_delete(cx_wdb *db, uint32_t docid, cx_error *error) {
    CX_TRY
    try {
        db->db.delete_document(docid);
    } catch (const Xapian::DocNotFoundError &) {
        return 0;
    }
    return 1;
    CX_CATCH(error, -1)
}

extern "C" int cx_wdb_contains(cx_wdb *db, uint32_t docid, cx_error *error) {
    CX_TRY
    if (docid == 0 || docid > db->db.get_lastdocid()) return 0;
    try {
        (void)db->db.get_doclength(docid);
    } catch (const Xapian::DocNotFoundError &) {
        return 0;
    }
    return 1;
    CX_CATCH(error, -1)
}

extern "C" int cx_wdb_replace_terms(cx_wdb *db, uint32_t docid, const char *prefixes, size_t prefix_count,
                                    const char *terms, size_t term_count, int slot, const char *value,
                                    size_t value_length, cx_error *error) {
    CX_TRY
    Xapian::Document doc;
    try {
        doc = db->db.get_document(docid);
    } catch (const Xapian::DocNotFoundError &) {
        return 0;
    }
    auto wanted = cairn::split_list(prefixes, prefix_count);
    std::vector<std::string> remove;
    for (const auto &prefix : wanted) {
        auto it = doc.termlist_begin();
        it.skip_to(prefix);
        for (; it != doc.termlist_end(); ++it) {
            std::string term = *it;
            if (term.compare(0, prefix.size(), prefix) != 0) break;
            remove.push_back(term);
        }
    }
    for (const auto &term : remove) doc.remove_term(term);
    for (const auto &term : cairn::split_list(terms, term_count)) doc.add_boolean_term(term);
    if (slot >= 0) {
        auto number = static_cast<unsigned>(slot);
        if (value_length != 0) doc.add_value(number, std::string(value, value_length));
        else if (!doc.get_value(number).empty()) doc.remove_value(number);
    }
    db->db.replace_document(docid, doc);
    return 1;
    CX_CATCH(error, -1)
}

extern "C" int cx_wdb_compact(cx_wdb *db, const char *destination, cx_error *error) {
    CX_TRY
    db->db.commit();
    db->db.compact(destination, Xapian::DBCOMPACT_NO_RENUMBER | Xapian::DBCOMPACT_MULTIPASS);
    return 0;
    CX_CATCH(error, -1)
}

extern "C" uint32_t cx_wdb_doccount(cx_wdb *db, cx_error *error) {
    CX_TRY
    return db->db.get_doccount();
    CX_CATCH(error, 0)
}

extern "C" char *cx_wdb_get_metadata(cx_wdb *db, const char *key, size_t *out_length, cx_error *error) {
    CX_TRY
    return cairn::copy_string(db->db.get_metadata(key), out_length);
    CX_CATCH(error, nullptr)
}

extern "C" int cx_wdb_set_metadata(cx_wdb *db, const char *key, const char *value, size_t length, cx_error *error) {
    CX_TRY
    db->db.set_metadata(key, std::string(value, length));
    return 0;
    CX_CATCH(error, -1)
}
