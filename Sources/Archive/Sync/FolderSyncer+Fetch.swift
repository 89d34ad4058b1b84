import IMAPClient
import IMAPProtocol
import MailModel
import MailStore

extension FolderSyncer {
    /// Streams the bodies of `uids` into the pipeline in pipelined batches (back-pressure: a full
    /// pipeline stops the reading), with a checkpoint every ``SyncOptions/checkpointInterval``
    /// messages at the lowest UID not received yet (answers may come out of order). When the fetch
    /// stops early (connection lost, cancelled), what was submitted is checkpointed before the error
    /// goes on. Returns the highest UID received.
    func fetch(_ uids: UIDList, selected: SelectedMailbox, guardian: CheckpointGuard,
               connection: IMAPConnection) async throws -> UID? {
        guard !uids.isEmpty else { return nil }
        let validity = selected.uidValidity, pipeline = context.pipeline
        var watermark = FetchWatermark(uids)
        var checkpointed = uids.uids.first
        var sinceCheckpoint = 0
        func checkpointIfAhead() async throws {
            guard let low = watermark.low, checkpointed.map({ low > $0 }) ?? true else { return }
            try await checkpoint(validity: validity, uidNext: low, modSeq: selected.highestModSeq, final: false,
                                 guardian: guardian)
            checkpointed = low
        }
        do {
            for chunk in uids.chunks(of: context.options.fetchChunk) {
                try Task.checkCancellation()
                var current: IncomingMessage?
                var begun: FetchedMessage?
                var check = AnswerCheck(chunk)
                for try await event in connection.fetchBodies(chunk.set, options: context.options.fetch) {
                    switch event {
                    case .begin(let message):
                        try check.accept(message.uid)   // only what was asked for, once
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
                        watermark.received(message.uid)
                        sinceCheckpoint += 1
                        if sinceCheckpoint >= context.options.checkpointInterval {
                            try await checkpointIfAhead()
                            sinceCheckpoint = 0
                        }
                    }
                }
            }
        } catch {
            try? await checkpointIfAhead()
            throw error
        }
        return watermark.highest
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
