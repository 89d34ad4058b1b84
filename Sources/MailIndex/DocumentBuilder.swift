import MailModel
import MailQuery

/// Builds Xapian documents from ``IndexDocument``s: term generation, the CPU-heavy part of
/// indexing. Not thread-safe: give each worker thread its own builder; the results are
/// ``PreparedDocument``s that any thread can hand to the one ``MailIndexWriter``.
///
/// ```swift
/// let builder = try DocumentBuilder(language: writer.language)   // on a worker
/// let prepared = try builder.build(document)                      // send to the writer
/// ```
public final class DocumentBuilder {
    private let generator: XapianTermGenerator
    /// The stemming language ("english", "german", ..., "none").
    public let language: String

    /// A builder stemming in `language` (use the index's: ``MailIndexWriter/language``).
    public init(language: String = "english") throws(IndexError) {
        self.language = language
        generator = try XapianTermGenerator(language: language)
    }

    /// Indexes the body text: the first ``IndexLayout/fullTextBytes`` fully (words, stems,
    /// positions), the rest, if any, by its stems alone, without positions, so that a huge text
    /// (a log, a dump) costs a fraction of the memory and is still found by its words.
    private func indexBody(_ text: String) throws(IndexError) {
        let prefix = IndexLayout.textPrefix(.body)
        let (head, tail) = IndexLayout.splitFullText(text)
        try generator.index(head, prefix: prefix, stem: true)
        guard !tail.isEmpty else { return }
        generator.gap()
        try generator.index(tail, prefix: prefix, positions: false, stem: true, stemsOnly: true)
    }

    /// The Xapian document of a message, ready for the writer.
    public func build(_ document: IndexDocument) throws(IndexError) -> PreparedDocument {
        guard let docid = UInt32(exactly: document.rowID), docid > 0 else {
            throw IndexError(.invalidArgument, "row id \(document.rowID) cannot be a Xapian docid (1 to 4294967295)")
        }
        let doc = try XapianDocument()
        generator.begin(doc)
        try indexBody(document.bodyText)
        generator.gap()
        try generator.index(document.subject, prefix: IndexLayout.textPrefix(.subject), stem: true)
        let people: [(SearchField, [Address])] = [(.from, document.from), (.to, document.to), (.cc, document.cc),
                                                  (.bcc, document.bcc)]
        for (field, addresses) in people {
            try addAddresses(addresses, field: field, to: doc)
        }
        for name in document.attachmentNames {
            generator.gap()
            try generator.index(name, prefix: IndexLayout.textPrefix(.attachment), stem: false)
            try doc.addBoolean(IndexLayout.booleanTerm(IndexLayout.prefix(.attachment), try XapianFold.foldLower(name)))
        }
        if document.hasAttachment { try doc.addBoolean(IndexLayout.prefix(.has) + "attachment") }
        for type in Set(document.contentTypes.map(DocumentBuilder.bareContentType)) where !type.isEmpty {
            try doc.addBoolean(IndexLayout.booleanTerm(IndexLayout.prefix(.mime), type))
        }
        if let header = document.messageIDHeader.map(DocumentBuilder.bareMessageID), !header.isEmpty {
            try doc.addBoolean(IndexLayout.booleanTerm(IndexLayout.prefix(.id), header))
        }
        if let list = document.listID, !list.isEmpty {
            generator.gap()
            try generator.index(list, prefix: IndexLayout.textPrefix(.list), stem: false)
            try doc.addBoolean(IndexLayout.booleanTerm(IndexLayout.prefix(.list), DocumentBuilder.listIdentifier(list)))
        }
        for term in DocumentBuilder.stateTerms(document.state) { try doc.addBoolean(term) }
        try doc.addBoolean(IndexLayout.idPrefix + document.messageID.hex)
        if let date = document.date { try doc.setNumber(Double(date.rawValue), slot: IndexLayout.dateSlot) }
        try doc.setNumber(Double(document.size), slot: IndexLayout.sizeSlot)
        if let thread = document.state.threadID, !thread.isEmpty { try doc.setValue(thread, slot: IndexLayout.threadSlot) }
        let year = document.date.map { CivilDay(containing: $0).year }
        return PreparedDocument(docid: docid, document: doc, account: document.state.accounts.first, year: year)
    }

    private func addAddresses(_ addresses: [Address], field: SearchField, to doc: XapianDocument) throws(IndexError) {
        let textPrefix = IndexLayout.textPrefix(field), booleanPrefix = IndexLayout.prefix(field)
        for address in addresses {
            generator.gap(10)
            if let name = address.name {
                try generator.index(name, prefix: textPrefix, stem: false)
                generator.gap(10)
            }
            try generator.index(address.address, prefix: textPrefix, stem: false)
            if !address.address.isEmpty {
                try doc.addBoolean(IndexLayout.booleanTerm(booleanPrefix, address.address.lowercased()))
            }
        }
    }

    /// The boolean terms of a message's changing state.
    static func stateTerms(_ state: MessageState) -> [String] {
        var terms: [String] = []
        for folder in Set(state.places.map(\.folder.path)).sorted() {
            terms.append(IndexLayout.booleanTerm(IndexLayout.prefix(.folder), folder))
        }
        for account in state.accounts { terms.append(IndexLayout.booleanTerm(IndexLayout.prefix(.account), account)) }
        for flag in state.flags.sorted() { terms.append(IndexLayout.booleanTerm(IndexLayout.prefix(.flag), flag.name)) }
        if state.isExpunged { terms.append(IndexLayout.prefix(.isState) + "expunged") }
        for hold in Set(state.holds).sorted() { terms.append(IndexLayout.booleanTerm(IndexLayout.prefix(.hold), hold)) }
        if let thread = state.threadID, !thread.isEmpty {
            terms.append(IndexLayout.booleanTerm(IndexLayout.prefix(.thread), thread))
        }
        return terms
    }

    /// `text/plain; charset=utf-8` → `text/plain`.
    static func bareContentType(_ type: String) -> String {
        let cut = type.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return String(cut).trimmingWhitespace.lowercased()
    }

    /// `<abc@example.org>` → `abc@example.org`.
    static func bareMessageID(_ header: String) -> String {
        var text = header.trimmingWhitespace
        if text.hasPrefix("<"), text.hasSuffix(">"), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
        return text
    }

    /// `Dev list <dev.lists.example.org>` → `dev.lists.example.org` (the whole header when it has no brackets).
    static func listIdentifier(_ header: String) -> String {
        if let open = header.lastIndex(of: "<"), let close = header.lastIndex(of: ">"), open < close {
            return String(header[header.index(after: open)..<close]).trimmingWhitespace.lowercased()
        }
        return header.trimmingWhitespace.lowercased()
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
