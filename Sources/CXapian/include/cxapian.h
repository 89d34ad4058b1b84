#ifndef CAIRN_CXAPIAN_H
#define CAIRN_CXAPIAN_H
/*
 * The C face of Cairn's Xapian shim: opaque handles, status codes and plain C types.
 *
 * No C++ exception and no C++ type ever crosses this header. Every function that can fail takes
 * a `cx_error *` last; on failure it fills it (status, Xapian error type, message, and for the
 * failures a user can act on a hint) and returns NULL, 0 or -1 as documented. Release the error
 * with cx_error_clear, strings and arrays returned by the shim with cx_free, handles with their
 * own _free function.
 *
 * Threads: a handle is used by one thread at a time. Documents and term generators may be built
 * on any thread and handed to the writer's thread afterwards.
 *
 * Lists of strings (prefixes, terms) are passed and returned as one buffer of NUL-terminated
 * strings laid end to end, with a count.
 */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Errors ------------------------------------------------------------------------------ */

/** What went wrong, by the kind of Xapian error (or C++ exception) caught. */
typedef enum cx_status {
    CX_OK = 0,
    CX_LOCKED,            /**< DatabaseLockError: another writer holds the index. */
    CX_NOT_FOUND,         /**< DatabaseNotFoundError: no index at that path. */
    CX_CORRUPT,           /**< DatabaseCorruptError. */
    CX_MODIFIED,          /**< DatabaseModifiedError: reopen and retry. */
    CX_VERSION,           /**< DatabaseVersionError: made by an unsupported Xapian version. */
    CX_OPENING,           /**< Other DatabaseOpeningError. */
    CX_DOC_NOT_FOUND,     /**< DocNotFoundError. */
    CX_QUERY_SYNTAX,      /**< QueryParserError. */
    CX_INVALID_ARGUMENT,  /**< InvalidArgumentError, InvalidOperationError, UnimplementedError. */
    CX_NETWORK,           /**< NetworkError, NetworkTimeoutError: a remote shard. */
    CX_DATABASE,          /**< Other DatabaseError. */
    CX_XAPIAN,            /**< Any other Xapian::Error. */
    CX_NO_MEMORY,         /**< std::bad_alloc. */
    CX_FAILED             /**< Any other C++ exception. */
} cx_status;

/** An error caught at the boundary. All strings are owned by the error (cx_error_clear). */
typedef struct cx_error {
    cx_status status;
    char *type;     /**< Xapian's error type ("DatabaseLockError") or "std::exception". */
    char *message;  /**< Xapian's message (may name paths; no message content). */
    char *hint;     /**< What a user can do about it, or NULL. */
} cx_error;

/** Frees an error's strings and resets it to CX_OK. */
void cx_error_clear(cx_error *error);

/** Frees a string or array returned by the shim. */
void cx_free(void *pointer);

/** The Xapian library version, e.g. "1.4.22". */
const char *cx_version(void);

/* ---- Folding ----------------------------------------------------------------------------- */

/**
 * Folds accents of UTF-8 text with Cairn's table (é -> e, ß -> ss, ё -> е; see xapian-schema.md),
 * keeping case. Returns a malloc'ed, NUL-terminated string and its length.
 */
char *cx_fold(const char *text, size_t length, size_t *out_length, cx_error *error);

/** cx_fold, then Xapian's Unicode lowercasing: the form of boolean terms that ignore case. */
char *cx_fold_lower(const char *text, size_t length, size_t *out_length, cx_error *error);

/* ---- Documents --------------------------------------------------------------------------- */

typedef struct cx_doc cx_doc;
typedef struct cx_termgen cx_termgen;

/** A new, empty document (not tied to any database). */
cx_doc *cx_doc_new(cx_error *error);
void cx_doc_free(cx_doc *doc);
/** Adds an exact term with no position and no weight (Document::add_boolean_term). 0 or -1. */
int cx_doc_add_boolean(cx_doc *doc, const char *term, size_t length, cx_error *error);
/** Stores a number in a value slot as Xapian's sortable_serialise(value). 0 or -1. */
int cx_doc_set_number(cx_doc *doc, unsigned slot, double value, cx_error *error);
/** Stores raw bytes in a value slot (for collapsing by a key). 0 or -1. */
int cx_doc_set_value(cx_doc *doc, unsigned slot, const char *value, size_t length, cx_error *error);
/** Sets the document data. 0 or -1. */
int cx_doc_set_data(cx_doc *doc, const char *data, size_t length, cx_error *error);
/** The document's terms (all of them, or those starting with prefix), end to end. */
char *cx_doc_terms(const cx_doc *doc, const char *prefix, size_t prefix_length, size_t *out_length,
                   size_t *out_count, cx_error *error);

/** Index text with positions (for phrases). */
#define CX_INDEX_POSITIONS 1
/** Also add stemmed terms (Z-prefixed, Xapian's STEM_SOME); otherwise no stemming. */
#define CX_INDEX_STEM 2
/** With CX_INDEX_STEM: the stemmed terms alone (Xapian's STEM_ALL_Z), for a very long text's tail. */
#define CX_INDEX_STEMS_ONLY 4

/**
 * A term generator (Xapian::TermGenerator with FLAG_CJK_NGRAM) with the stemmer of `language`
 * ("english", "german", ...; "none" or "" for none). One per thread.
 */
cx_termgen *cx_termgen_new(const char *language, cx_error *error);
void cx_termgen_free(cx_termgen *generator);
/** Starts indexing into `doc` (positions restart at 0). The document must outlive the calls. */
void cx_termgen_begin(cx_termgen *generator, cx_doc *doc);
/** Folds accents of the text and indexes it with the prefix; flags: CX_INDEX_*. 0 or -1. */
int cx_termgen_index(cx_termgen *generator, const char *text, size_t length, const char *prefix,
                     size_t prefix_length, int flags, cx_error *error);
/** Leaves a gap in positions so that phrases do not span separate pieces of text. */
void cx_termgen_gap(cx_termgen *generator, unsigned delta);

/* ---- Writable database ------------------------------------------------------------------- */

typedef struct cx_wdb cx_wdb;

/** Open an existing database. */
#define CX_OPEN 0
/** Open, or create when missing. */
#define CX_CREATE_OR_OPEN 1
/** Create, replacing whatever is there. */
#define CX_CREATE_OR_OVERWRITE 2

/** Opens a local database for writing (one writer per database: CX_LOCKED otherwise). */
cx_wdb *cx_wdb_open(const char *path, int action, cx_error *error);
/** Closes (committing nothing further) and frees. */
void cx_wdb_free(cx_wdb *db);
/** Starts a transaction; `flushed` commits pending changes first and makes the end durable. */
int cx_wdb_begin(cx_wdb *db, int flushed, cx_error *error);
int cx_wdb_commit_transaction(cx_wdb *db, cx_error *error);
int cx_wdb_cancel_transaction(cx_wdb *db, cx_error *error);
/** Commits pending changes to disk. */
int cx_wdb_commit(cx_wdb *db, cx_error *error);
/** Adds or replaces the document with this id. 0 or -1. */
int cx_wdb_replace(cx_wdb *db, uint32_t docid, const cx_doc *doc, cx_error *error);
/** Deletes a document; 1 if it was there, 0 if not, -1 on error. */
int cx_wdb_delete(cx_wdb *db, uint32_t docid, cx_error *error);
/** 1 if a document with this id exists, 0 if not, -1 on error. */
int cx_wdb_contains(cx_wdb *db, uint32_t docid, cx_error *error);
/**
 * Replaces a document's boolean terms under the given prefixes: removes every term that starts
 * with one of them, adds `terms`, and stores the document again, without touching its text
 * terms, positions or other values. With `slot` >= 0, also sets that value slot to `value`
 * (removes it when `value_length` is 0). 1 if done, 0 if there is no such document, -1 on error.
 * A term removed must not be the prefix of a text term family: pass exact boolean prefixes.
 */
int cx_wdb_replace_terms(cx_wdb *db, uint32_t docid, const char *prefixes, size_t prefix_count,
                         const char *terms, size_t term_count, int slot, const char *value, size_t value_length,
                         cx_error *error);
uint32_t cx_wdb_doccount(cx_wdb *db, cx_error *error);
/**
 * Writes a compacted copy of the database (committed state, docids kept) to `destination`, a
 * folder that must not exist yet. The database stays open; swap the folders after closing it.
 */
int cx_wdb_compact(cx_wdb *db, const char *destination, cx_error *error);
/** A metadata value (empty when unset); malloc'ed. */
char *cx_wdb_get_metadata(cx_wdb *db, const char *key, size_t *out_length, cx_error *error);
int cx_wdb_set_metadata(cx_wdb *db, const char *key, const char *value, size_t length, cx_error *error);

/* ---- Read-only databases (one, or several searched as one) -------------------------------- */

typedef struct cx_db cx_db;

/** An empty database to add shards to. */
cx_db *cx_db_new(cx_error *error);
/** Opens a local database read-only. */
cx_db *cx_db_open(const char *path, cx_error *error);
/** Opens a database served by xapian-tcpsrv (Xapian::Remote::open). Timeouts in milliseconds. */
cx_db *cx_db_open_remote(const char *host, unsigned port, unsigned timeout_ms, unsigned connect_timeout_ms,
                         cx_error *error);
/** Adds the shards of `other` to `db` (Database::add_database); docids then interleave. */
int cx_db_add(cx_db *db, const cx_db *other, cx_error *error);
void cx_db_free(cx_db *db);
/** Reopens to see the latest commit; 1 if anything changed, 0 if not, -1 on error. */
int cx_db_reopen(cx_db *db, cx_error *error);
/** Number of shards searched. */
size_t cx_db_shard_count(const cx_db *db);
uint32_t cx_db_doccount(cx_db *db, cx_error *error);
char *cx_db_get_metadata(cx_db *db, const char *key, size_t *out_length, cx_error *error);
/** Every term starting with prefix (Database::allterms), end to end, at most `limit` (0: all). */
char *cx_db_allterms(cx_db *db, const char *prefix, size_t prefix_length, size_t limit, size_t *out_length,
                     size_t *out_count, cx_error *error);
/** The documents indexed by an exact term, ascending; malloc'ed array of `*out_count` ids. */
uint32_t *cx_db_postlist(cx_db *db, const char *term, size_t length, size_t *out_count, cx_error *error);
/** A document's terms starting with prefix, end to end. CX_DOC_NOT_FOUND when there is none. */
char *cx_db_doc_terms(cx_db *db, uint32_t docid, const char *prefix, size_t prefix_length, size_t *out_length,
                      size_t *out_count, cx_error *error);

/* ---- Queries ----------------------------------------------------------------------------- */

typedef struct cx_query cx_query;
typedef struct cx_qparser cx_qparser;

/** How cx_query_combine joins its subqueries (Xapian::Query::op). */
typedef enum cx_op {
    CX_OP_AND = 0,
    CX_OP_OR = 1,
    CX_OP_AND_NOT = 2,   /**< the first, without any of the others */
    CX_OP_FILTER = 3,    /**< the first, weighted, restricted by the others (unweighted) */
    CX_OP_AND_MAYBE = 4,
    CX_OP_PHRASE = 5,    /**< terms next to each other, in order */
    CX_OP_NEAR = 6
} cx_op;

void cx_query_free(cx_query *query);
/** Every document. */
cx_query *cx_query_match_all(cx_error *error);
/** No document. */
cx_query *cx_query_match_nothing(cx_error *error);
/** One exact term. */
cx_query *cx_query_term(const char *term, size_t length, cx_error *error);
/** Joins subqueries (not consumed). */
cx_query *cx_query_combine(cx_op op, const cx_query *const *queries, size_t count, cx_error *error);
/** Documents whose value slot (sortable_serialise'd number) lies in [low, high]; an end is open when has_* is 0. */
cx_query *cx_query_value_range(unsigned slot, int has_low, double low, int has_high, double high, cx_error *error);
/**
 * Words starting with `word` (accent-folded and lowercased like the index) under any of the
 * prefixes (OP_WILDCARD, expanded when searching).
 */
cx_query *cx_query_wildcard(const char *prefixes, size_t prefix_count, const char *word, size_t length,
                            cx_error *error);
/** A parser of text fragments with the stemmer of `language` (as cx_termgen_new). */
cx_qparser *cx_qparser_new(const char *language, cx_error *error);
void cx_qparser_free(cx_qparser *parser);
/** Parse as a phrase (the words next to each other), not as separate words. */
#define CX_PARSE_PHRASE 1
/** Stem the words (STEM_SOME), as fields indexed with CX_INDEX_STEM. */
#define CX_PARSE_STEM 2
/**
 * Parses a fragment of free text with QueryParser exactly as the term generator tokenized the
 * mail (accent folding, case, CJK n-grams, punctuation making phrases), under any of the
 * prefixes; no operators are recognised. Words are ANDed. Empty text gives an empty query
 * (cx_query_is_empty).
 */
cx_query *cx_query_parse(const cx_qparser *parser, const char *text, size_t length, const char *prefixes,
                         size_t prefix_count, int flags, cx_error *error);
/** 1 if the query is empty (matches nothing; ignored by Xapian inside AND/OR). */
int cx_query_is_empty(const cx_query *query);
/** Xapian's description of the query ("Query((Zbudget@1 AND ...))"); malloc'ed. */
char *cx_query_describe(const cx_query *query, size_t *out_length, cx_error *error);

/* ---- Searching --------------------------------------------------------------------------- */

typedef struct cx_mset cx_mset;

/** Order of results. */
typedef enum cx_sort {
    CX_SORT_RELEVANCE = 0,
    CX_SORT_VALUE_ASCENDING = 1,   /**< by a value slot, then docid */
    CX_SORT_VALUE_DESCENDING = 2
} cx_sort;

/**
 * Runs a query: results offset..offset+limit in the given order. `check_at_least` makes the
 * count exact up to that many matches (pass the document count for an exact count). With
 * `collapse_slot` >= 0, only the best document of each value of that slot is returned
 * (Enquire::set_collapse_key; documents without the value are never collapsed).
 */
cx_mset *cx_db_search(cx_db *db, const cx_query *query, cx_sort sort, unsigned slot, int collapse_slot,
                      uint32_t offset, uint32_t limit, uint32_t check_at_least, cx_error *error);
void cx_mset_free(cx_mset *mset);
/** Number of results in this page. */
uint32_t cx_mset_size(const cx_mset *mset);
/** The docid of the i-th result of the page (in the combined numbering of cx_db_add). */
uint32_t cx_mset_docid(const cx_mset *mset, uint32_t index);
/** How many other matches were collapsed into the i-th result. */
uint32_t cx_mset_collapse_count(const cx_mset *mset, uint32_t index);
/** The collapse key of the i-th result (malloc'ed; empty when none). */
char *cx_mset_collapse_key(const cx_mset *mset, uint32_t index, size_t *out_length, cx_error *error);
/** Bounds and estimate of the total number of matches (all three equal when exact). */
void cx_mset_counts(const cx_mset *mset, uint32_t *lower, uint32_t *estimated, uint32_t *upper);
/**
 * A snippet of `text` around the words that matched (MSet::snippet with CJK n-grams), at most
 * `length` bytes, matches between `start` and `end` markers, `omit` where text was cut.
 */
char *cx_mset_snippet(const cx_mset *mset, const char *text, size_t text_length, size_t length,
                      const char *language, const char *start, const char *end, const char *omit,
                      size_t *out_length, cx_error *error);

#ifdef __cplusplus
}
#endif
#endif
