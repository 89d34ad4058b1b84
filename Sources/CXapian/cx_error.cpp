// The exception boundary: every C++ exception becomes a cx_status, a message and a hint.
#include "cx_internal.hpp"
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>

namespace {

char *duplicate(const char *text) noexcept {
    if (text == nullptr) return nullptr;
    size_t length = std::strlen(text);
    char *copy = static_cast<char *>(std::malloc(length + 1));
    if (copy != nullptr) std::memcpy(copy, text, length + 1);
    return copy;
}

void fill(cx_error *error, cx_status status, const char *type, const std::string &message, const char *hint) noexcept {
    if (error == nullptr) return;
    cx_error_clear(error);
    error->status = status;
    error->type = duplicate(type);
    error->message = duplicate(message.c_str());
    error->hint = duplicate(hint);
}

void fill(cx_error *error, cx_status status, const Xapian::Error &e, const char *hint) noexcept {
    std::string message;
    try {
        message = e.get_msg();
        if (!e.get_context().empty()) message += " (" + e.get_context() + ")";
    } catch (...) {
    }
    fill(error, status, e.get_type(), message, hint);
}

const char *const lockedHint =
    "Another Cairn process is writing this index; wait for it to finish (or stop it) and try again.";
const char *const notFoundHint = "There is no index there yet; `cairn reindex` builds it from the archive.";
const char *const corruptHint =
    "The index is damaged; rebuild it with `cairn reindex` (no mail is lost: the index is derived from the archive).";
const char *const versionHint =
    "The index was written by another version of Xapian or Cairn; rebuild it with `cairn reindex`.";
const char *const modifiedHint = "The index changed while it was being read; try again.";
const char *const networkHint =
    "A remote index shard cannot be reached; check that xapian-tcpsrv runs at that address and port.";

} // namespace

void cairn::set_error_from_current_exception(cx_error *error) noexcept {
    try {
        throw;
    } catch (const Xapian::DatabaseLockError &e) {
        fill(error, CX_LOCKED, e, lockedHint);
    } catch (const Xapian::DatabaseNotFoundError &e) {
        fill(error, CX_NOT_FOUND, e, notFoundHint);
    } catch (const Xapian::DatabaseVersionError &e) {
        fill(error, CX_VERSION, e, versionHint);
    } catch (const Xapian::DatabaseOpeningError &e) {
        fill(error, CX_OPENING, e, versionHint);
    } catch (const Xapian::DatabaseCorruptError &e) {
        fill(error, CX_CORRUPT, e, corruptHint);
    } catch (const Xapian::DatabaseModifiedError &e) {
        fill(error, CX_MODIFIED, e, modifiedHint);
    } catch (const Xapian::DocNotFoundError &e) {
        fill(error, CX_DOC_NOT_FOUND, e, nullptr);
    } catch (const Xapian::QueryParserError &e) {
        fill(error, CX_QUERY_SYNTAX, e, nullptr);
    } catch (const Xapian::InvalidArgumentError &e) {
        fill(error, CX_INVALID_ARGUMENT, e, nullptr);
    } catch (const Xapian::InvalidOperationError &e) {
        fill(error, CX_INVALID_ARGUMENT, e, nullptr);
    } catch (const Xapian::UnimplementedError &e) {
        fill(error, CX_INVALID_ARGUMENT, e, nullptr);
    } catch (const Xapian::NetworkError &e) {
        fill(error, CX_NETWORK, e, networkHint);
    } catch (const Xapian::DatabaseError &e) {
        fill(error, CX_DATABASE, e, nullptr);
    } catch (const Xapian::Error &e) {
        fill(error, CX_XAPIAN, e, nullptr);
    } catch (const std::bad_alloc &) {
        fill(error, CX_NO_MEMORY, "std::bad_alloc", "out of memory", nullptr);
    } catch (const std::exception &e) {
        fill(error, CX_FAILED, "std::exception", e.what(), nullptr);
    } catch (...) {
        fill(error, CX_FAILED, "unknown", "an unknown C++ exception", nullptr);
    }
}

char *cairn::copy_string(const std::string &text, size_t *out_length) noexcept {
    char *copy = static_cast<char *>(std::malloc(text.size() + 1));
    if (copy == nullptr) return nullptr;
    std::memcpy(copy, text.data(), text.size());
    copy[text.size()] = '\0';
    if (out_length != nullptr) *out_length = text.size();
    return copy;
}

std::vector<std::string> cairn::split_list(const char *list, size_t count) {
    std::vector<std::string> items;
    items.reserve(count);
    const char *cursor = list;
    for (size_t i = 0; i < count; ++i) {
        size_t length = std::strlen(cursor);
        items.emplace_back(cursor, length);
        cursor += length + 1;
    }
    return items;
}

char *cairn::join_list(const std::vector<std::string> &items, size_t *out_length, size_t *out_count) noexcept {
    size_t total = 0;
    for (const auto &item : items) total += item.size() + 1;
    char *buffer = static_cast<char *>(std::malloc(total + 1));
    if (buffer == nullptr) return nullptr;
    char *cursor = buffer;
    for (const auto &item : items) {
        std::memcpy(cursor, item.data(), item.size());
        cursor[item.size()] = '\0';
        cursor += item.size() + 1;
    }
    *cursor = '\0';
    if (out_length != nullptr) *out_length = total;
    if (out_count != nullptr) *out_count = items.size();
    return buffer;
}

bool cairn::make_stemmer(const char *language, Xapian::Stem &stemmer) {
    if (language == nullptr || *language == '\0' || std::strcmp(language, "none") == 0) return false;
    stemmer = Xapian::Stem(language);
    return true;
}

extern "C" void cx_error_clear(cx_error *error) {
    if (error == nullptr) return;
    std::free(error->type);
    std::free(error->message);
    std::free(error->hint);
    error->status = CX_OK;
    error->type = nullptr;
    error->message = nullptr;
    error->hint = nullptr;
}

extern "C" void cx_free(void *pointer) {
    std::free(pointer);
}

extern "C" const char *cx_version(void) {
    return Xapian::version_string();
}
