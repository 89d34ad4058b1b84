import IMAPClient
import IMAPProtocol
import MailModel
import MailStore

extension FolderSyncer {
    /// Streams the bodies of `uids` into the pipeline in pipelined batches (back-pressure: a full
    /// pipeline stops the reading), with a checkpoint every ``SyncOptions/checkpointInterval``
    /// messages. When the fetch stops early (connection lost, cancelled), what was submitted is
    /// checkpointed before the error goes on. Returns the last UID submitted.
    func fetch(_ uids: UIDList, selected: SelectedMailbox, guardian: CheckpointGuard,
               connection: IMAPConnection) async throws -> UID? {
        guard !uids.isEmpty else { return nil }
        let validity = selected.uidValidity, pipeline = context.pipeline
        var lastSubmitted: UID?
        var lastCheckpoint: UID?
        var sinceCheckpoint = 0
        do {
            for chunk in uids.chunks(of: context.options.fetchChunk) {
                try Task.checkCancellation()
                var current: IncomingMessage?
                var begun: FetchedMessage?
                for try await event in connection.fetchBodies(chunk.set, options: context.options.fetch) {
                    switch event {
                    case .begin(let message):
                        begun = message
                        current = pipeline.newMessage(sighting: sighting(of: message, validity: validity),
                                                      label: "\(account)/\(folder.path) UID \(message.uid)",
                                                      expectedSize: message.byteCount)
                    case .bytes(let bytes):
                        try current?.append(bytes)
                    case .end(let message):
                        guard let incoming = current else { continue }
                        current = nil
                        if incoming.byteCount == 0 {
                            try pipeline.reportFailure(label: incoming.label, sighting: incoming.sighting,
                                                       reason: "the server sent an empty message")
                        } else {
                            try await pipeline.submit(incoming)
                        }
                        if let begun { try await recordLateAttributes(begun: begun, end: message, validity: validity) }
                        lastSubmitted = message.uid
                        sinceCheckpoint += 1
                        if sinceCheckpoint >= context.options.checkpointInterval {
                            try await checkpoint(validity: validity, uidNext: UID(message.uid.rawValue &+ 1),
                                                 modSeq: selected.highestModSeq, final: false, guardian: guardian)
                            lastCheckpoint = message.uid
                            sinceCheckpoint = 0
                        }
                    }
                }
            }
        } catch {
            if let lastSubmitted, lastSubmitted != lastCheckpoint {
                try? await checkpoint(validity: validity, uidNext: UID(lastSubmitted.rawValue &+ 1),
                                      modSeq: selected.highestModSeq, final: false, guardian: guardian)
            }
            throw error
        }
        return lastSubmitted
    }

    /// Flags the server sent only after a body (some servers order attributes so): recorded right
    /// after the message.
    private func recordLateAttributes(begun: FetchedMessage, end: FetchedMessage, validity: UIDValidity) async throws {
        guard let flags = end.flags, begun.flags != flags else { return }
        let account = self.account, folder = self.folder, uid = end.uid, modSeq = end.modSeq
        let stored = FolderSyncer.storedFlags(flags)
        try await context.pipeline.perform { tx, _ in
            _ = try tx.updateFlags(account: account, folder: folder, uidValidity: validity, uid: uid, flags: stored,
                                   modSeq: modSeq)
        }
    }
}
