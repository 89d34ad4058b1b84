// Internals shared by the shim's .cpp files: the structs behind the opaque handles, the
// exception boundary and helpers for strings and lists. Never included by the C header.
#pragma once
#include "cxapian.h"
#include <xapian.h>
#include <memory>
#include <string>
#include <vector>

struct cx_doc {
    Xapian::Document doc;
};

struct cx_termgen {
    Xapian::TermGenerator generator;
    Xapian::Stem stemmer;
    bool has_stemmer = false;
    std::string buffer;  // reused for folded text
};

struct cx_wdb {
    Xapian::WritableDatabase db;
};

struct cx_db {
    Xapian::Database db;
    size_t shards = 0;
};

struct cx_query {
    Xapian::Query query;
};

struct cx_qparser {
    Xapian::Stem stemmer;
    bool has_stemmer = false;
};

struct cx_mset {
    Xapian::Database db;                        // keeps the shards open as long as the results live
    std::unique_ptr<Xapian::Enquire> enquire;   // the query, for snippets; none for a database without shards
    Xapian::MSet mset;
};

namespace cairn {

/// Fills `error` from the exception being handled; call only inside a catch block. Never throws.
void set_error_from_current_exception(cx_error *error) noexcept;

/// A malloc'ed, NUL-terminated copy (NULL when out of memory).
char *copy_string(const std::string &text, size_t *out_length) noexcept;

/// The strings of a buffer of `count` NUL-terminated strings laid end to end.
std::vector<std::string> split_list(const char *list, size_t count);

/// Strings laid end to end, each NUL-terminated, as one malloc'ed buffer.
char *join_list(const std::vector<std::string> &items, size_t *out_length, size_t *out_count) noexcept;

/// The stemmer for a language name; false for "none" or "".
bool make_stemmer(const char *language, Xapian::Stem &stemmer);

/// Folds accents (see cx_fold); returns false and leaves `out` alone when nothing changes.
bool fold_accents(const char *text, size_t length, std::string &out);

/// Folds accents and records, for each byte of the result (and one past the end), the offset
/// of the original byte it came from.
void fold_accents_mapped(const char *text, size_t length, std::string &out, std::vector<size_t> &origin);

} // namespace cairn

// Every extern "C" body is CX_TRY ... CX_CATCH(error, failure value): no exception crosses.
#define CX_TRY try {
#define CX_CATCH(error, failure) \
    } catch (...) { cairn::set_error_from_current_exception(error); return failure; }
