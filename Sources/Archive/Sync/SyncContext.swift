import Foundation
import Logging
import MailModel

/// What every part of one sync round shares: the archive, the round's pipeline, its tally, the
/// options, the logger and the progress receiver.
struct SyncContext: Sendable {
    let archive: MailArchive
    let pipeline: IngestPipeline
    let tally: SyncTally
    let options: SyncOptions
    let logger: Logger
    let events: @Sendable (SyncEvent) -> Void

    /// The time now, as folder checkpoints record it.
    static func now() -> Timestamp {
        Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970))
    }
}
