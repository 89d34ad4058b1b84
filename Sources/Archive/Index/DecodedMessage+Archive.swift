import MailIndex
import MailModel
import MailStore
import MIME

extension DecodedMessage {
    /// The warning recorded for bytes that hold no header field at all: not a mail message, but
    /// archived as it is all the same.
    static let notAMessageWarning = "message: no header fields (not a mail message; archived as is)"

    /// Whether the decoder found nothing of a mail message in it (no header field at all).
    var isUnreadable: Bool { headers.isEmpty }

    /// The warnings as the store keeps them, with one for bytes that are not a mail message.
    var archiveWarnings: [String] {
        let own = warnings.map(\.description)
        return isUnreadable ? [DecodedMessage.notAMessageWarning] + own : own
    }

    /// What the store keeps of the message.
    var storeMetadata: MessageMetadata {
        MessageMetadata(
            date: date, subject: subject, from: from, sender: sender, replyTo: replyTo, to: to, cc: cc, bcc: bcc,
            messageID: messageID, inReplyTo: inReplyTo, references: references, listID: listID,
            attachments: attachments.map {
                AttachmentInfo(path: $0.path.description, filename: $0.filename, contentType: $0.contentType,
                               size: $0.size, sha256: $0.sha256)
            },
            warnings: archiveWarnings)
    }

    /// What the index knows of the message.
    func indexDocument(rowID: Int64, id: MessageID, size: Int, state: MessageState = MessageState()) -> IndexDocument {
        let names = attachments.compactMap(\.filename)
        return IndexDocument(
            rowID: rowID, messageID: id, subject: subject ?? "", bodyText: indexText(),
            from: from, to: to, cc: cc, bcc: bcc, attachmentNames: names,
            contentTypes: parts.map(\.contentType), hasAttachment: !attachments.isEmpty,
            messageIDHeader: messageID, listID: header("List-Id") ?? listID, date: date, size: Int64(size),
            state: state)
    }
}

extension MessageSummary {
    /// The changing part of the message's index entry, as the store has it now.
    var indexState: MessageState {
        MessageState(places: folders.map { MessagePlace(account: $0.account, folder: $0.folder) }, flags: flags,
                     isExpunged: isExpunged, holds: holds, threadID: thread.description)
    }

    /// An index entry from the store's metadata alone, for a message whose bytes cannot be read
    /// back (so that it can still be found by its headers).
    var metadataOnlyDocument: IndexDocument {
        IndexDocument(rowID: key.rawValue, messageID: id, subject: subject ?? "", from: from, to: to, cc: cc, bcc: bcc,
                      attachmentNames: attachments.compactMap(\.filename), contentTypes: attachments.map(\.contentType),
                      hasAttachment: !attachments.isEmpty, messageIDHeader: messageID, listID: listID, date: date,
                      size: Int64(size), state: indexState)
    }
}
