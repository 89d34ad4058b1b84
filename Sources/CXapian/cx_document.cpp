// Documents and term generation: the CPU-heavy part of indexing, safe to run on any thread (one
// term generator per thread), handed to the writer afterwards.
#include "cx_internal.hpp"

extern "C" cx_doc *cx_doc_new(cx_error *error) {
    CX_TRY
    return new cx_doc();
    CX_CATCH(error, nullptr)
}

extern "C" void cx_doc_free(cx_doc *doc) {
    delete doc;
}

extern "C" int cx_doc_add_boolean(cx_doc *doc, const char *term, size_t length, cx_error *error) {
    CX_TRY
    doc->doc.add_boolean_term(std::string(term, length));
    return 0;
    CX_CATCH(error, -1)
}

extern "C" int cx_doc_set_number(cx_doc *doc, unsigned slot, double value, cx_error *error) {
    CX_TRY
    doc->doc.add_value(slot, Xapian::sortable_serialise(value));
    return 0;
    CX_CATCH(error, -1)
}

extern "C" int cx_doc_set_value(cx_doc *doc, unsigned slot, const char *value, size_t length, cx_error *error) {
    CX_TRY
    doc->doc.add_value(slot, std::string(value, length));
    return 0;
    CX_CATCH(error, -1)
}

extern "C" int cx_doc_set_data(cx_doc *doc, const char *data, size_t length, cx_error *error) {
    CX_TRY
    doc->doc.set_data(std::string(data, length));
    return 0;
    CX_CATCH(error, -1)
}

extern "C" char *cx_doc_terms(const cx_doc *doc, const char *prefix, size_t prefix_length, size_t *out_length,
                              size_t *out_count, cx_error *error) {
    CX_TRY
    std::string wanted(prefix, prefix_length);
    std::vector<std::string> terms;
    for (auto it = doc->doc.termlist_begin(); it != doc->doc.termlist_end(); ++it) {
        std::string term = *it;
        if (term.compare(0, wanted.size(), wanted) == 0) terms.push_back(term);
    }
    return cairn::join_list(terms, out_length, out_count);
    CX_CATCH(error, nullptr)
}

extern "C" cx_termgen *cx_termgen_new(const char *language, cx_error *error) {
    CX_TRY
    auto *generator = new cx_termgen();
    generator->has_stemmer = cairn::make_stemmer(language, generator->stemmer);
    if (generator->has_stemmer) generator->generator.set_stemmer(generator->stemmer);
    generator->generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    return generator;
    CX_CATCH(error, nullptr)
}

extern "C" void cx_termgen_free(cx_termgen *generator) {
    delete generator;
}

extern "C" void cx_termgen_begin(cx_termgen *generator, cx_doc *doc) {
    try {
        generator->generator.set_document(doc->doc);
        generator->generator.set_termpos(0);
    } catch (...) {
        // set_document copies a reference-counted handle and cannot fail in practice.
    }
}

extern "C" int cx_termgen_index(cx_termgen *generator, const char *text, size_t length, const char *prefix,
                                size_t prefix_length, int flags, cx_error *error) {
    CX_TRY
    auto &tg = generator->generator;
    bool stem = (flags & CX_INDEX_STEM) != 0 && generator->has_stemmer;
    auto strategy = !stem ? Xapian::TermGenerator::STEM_NONE
                  : (flags & CX_INDEX_STEMS_ONLY) != 0 ? Xapian::TermGenerator::STEM_ALL_Z
                  : Xapian::TermGenerator::STEM_SOME;
    tg.set_stemming_strategy(strategy);
    const char *source = text;
    size_t size = length;
    if (cairn::fold_accents(text, length, generator->buffer)) {
        source = generator->buffer.data();
        size = generator->buffer.size();
    }
    Xapian::Utf8Iterator words(source, size);
    std::string prefixText(prefix, prefix_length);
    if ((flags & CX_INDEX_POSITIONS) != 0) tg.index_text(words, 1, prefixText);
    else tg.index_text_without_positions(words, 1, prefixText);
    return 0;
    CX_CATCH(error, -1)
}

extern "C" void cx_termgen_gap(cx_termgen *generator, unsigned delta) {
    try {
        generator->generator.increase_termpos(delta);
    } catch (...) {
        // increase_termpos only adds to a counter.
    }
}
