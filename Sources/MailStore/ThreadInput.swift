import MailModel

/// What threading uses of a message.
struct ThreadInput {
    /// Its own Message-ID, normalised.
    let ownID: String?
    /// References and In-Reply-To ids, normalised, without its own id.
    let parents: [String]
    /// The base subject (see `SubjectNormalizer`).
    let baseSubject: String
    /// Whether the subject had a reply prefix.
    let isReply: Bool
    /// The Date header, else the time of archiving.
    let date: Int64

    init(metadata: MessageMetadata, fallbackDate: Timestamp) {
        let own = HeaderIDs.normalize(metadata.messageID)
        ownID = own
        parents = HeaderIDs.parse(metadata.references + metadata.inReplyTo).filter { $0 != own }
        (baseSubject, isReply) = SubjectNormalizer.normalize(metadata.subject)
        date = (metadata.date ?? fallbackDate).rawValue
    }
}
