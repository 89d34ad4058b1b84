// Accent folding (Cairn's own, table-driven; case folding is Xapian's). Applied to text before
// the term generator sees it and to query text before the query parser does, so that `resume`
// finds `résumé`. See Schemas/index/xapian-schema.md, "Folding".
#include "cx_internal.hpp"
#include "cx_fold_table.h"
#include <algorithm>
#include <cstring>

namespace {

/// The replacement for a code point, or nullptr to keep it.
const char *replacement(uint32_t codepoint) {
    if (codepoint < 0xC0) return nullptr;
    const auto *begin = cairn_fold::table, *end = cairn_fold::table + cairn_fold::count;
    const auto *found = std::lower_bound(begin, end, codepoint,
                                         [](const cairn_fold::Entry &e, uint32_t cp) { return e.codepoint < cp; });
    return (found != end && found->codepoint == codepoint) ? found->replacement : nullptr;
}

/// Decodes one UTF-8 sequence at text[i]; returns its length (1 for an invalid byte, which is kept).
size_t decode(const unsigned char *text, size_t length, size_t i, uint32_t &codepoint) {
    unsigned char lead = text[i];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (need == 1 || i + need > length) { codepoint = 0xFFFFFFFF; return 1; }
    uint32_t value = lead & (0x7F >> need);
    for (size_t k = 1; k < need; ++k) {
        unsigned char next = text[i + k];
        if ((next & 0xC0) != 0x80) { codepoint = 0xFFFFFFFF; return 1; }
        value = (value << 6) | (next & 0x3F);
    }
    codepoint = value;
    return need;
}

template <typename Emit>
void fold(const char *text, size_t length, Emit emit) {
    const auto *bytes = reinterpret_cast<const unsigned char *>(text);
    size_t i = 0;
    while (i < length) {
        if (bytes[i] < 0x80) {
            size_t run = i;
            while (run < length && bytes[run] < 0x80) ++run;
            emit(i, text + i, run - i, run - i);
            i = run;
            continue;
        }
        uint32_t codepoint;
        size_t size = decode(bytes, length, i, codepoint);
        const char *folded = replacement(codepoint);
        if (folded != nullptr) emit(i, folded, std::strlen(folded), size);
        else emit(i, text + i, size, size);
        i += size;
    }
}

bool needs_folding(const char *text, size_t length) {
    const auto *bytes = reinterpret_cast<const unsigned char *>(text);
    for (size_t i = 0; i < length; ++i) {
        if (bytes[i] >= 0xC0) {
            uint32_t codepoint;
            size_t size = decode(bytes, length, i, codepoint);
            if (replacement(codepoint) != nullptr) return true;
            i += size - 1;
        }
    }
    return false;
}

} // namespace

bool cairn::fold_accents(const char *text, size_t length, std::string &out) {
    if (!needs_folding(text, length)) return false;
    out.clear();
    out.reserve(length);
    fold(text, length, [&](size_t, const char *piece, size_t size, size_t) { out.append(piece, size); });
    return true;
}

void cairn::fold_accents_mapped(const char *text, size_t length, std::string &out, std::vector<size_t> &origin) {
    out.clear();
    origin.clear();
    out.reserve(length);
    origin.reserve(length + 1);
    fold(text, length, [&](size_t at, const char *piece, size_t size, size_t consumed) {
        out.append(piece, size);
        // A run copied as is maps byte for byte; a replacement maps every byte to its source.
        bool copied = piece == text + at;
        for (size_t k = 0; k < size; ++k) origin.push_back(copied ? at + k : at);
        (void)consumed;
    });
    origin.push_back(length);
}

extern "C" char *cx_fold(const char *text, size_t length, size_t *out_length, cx_error *error) {
    CX_TRY
    std::string folded;
    if (!cairn::fold_accents(text, length, folded)) folded.assign(text, length);
    return cairn::copy_string(folded, out_length);
    CX_CATCH(error, nullptr)
}

extern "C" char *cx_fold_lower(const char *text, size_t length, size_t *out_length, cx_error *error) {
    CX_TRY
    std::string folded;
    if (!cairn::fold_accents(text, length, folded)) folded.assign(text, length);
    return cairn::copy_string(Xapian::Unicode::tolower(folded), out_length);
    CX_CATCH(error, nullptr)
}
