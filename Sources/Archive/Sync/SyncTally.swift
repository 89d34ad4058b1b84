import Foundation
import MailModel
import MailStore

/// Counts what a sync round did per folder, from the pipeline's results (on its writer thread) and
/// from the store operations the sync orders (flag changes, expunges), and passes progress on.
final class SyncTally: @unchecked Sendable {
    // Safe: `counts` is only touched with `lock` held; `events` is a Sendable closure.
    private let lock = NSLock()
    private var counts: [Place: FolderSyncReport] = [:]
    private let events: @Sendable (SyncEvent) -> Void

    /// Where counts go: account and folder.
    struct Place: Hashable {
        var account: String
        var folder: MailboxName
    }

    init(events: @escaping @Sendable (SyncEvent) -> Void) {
        self.events = events
    }

    /// Takes one result of the pipeline.
    func add(_ result: IngestResult) {
        guard let sighting = result.sighting, sighting.source == .imap else { return }
        let place = Place(account: sighting.account, folder: sighting.folder)
        var isNew = false
        var stored = true
        update(place) { report in
            switch result.outcome {
            case .archived:
                report.new += 1
                isNew = true
            case .alreadyArchived:
                report.existing += 1
            case .failed:
                report.failed += 1
                stored = false
            case .operation:
                stored = false
            }
            report.bytes += Int64(result.size)
        }
        if stored {
            events(.messageStored(account: place.account, folder: place.folder, bytes: result.size, isNew: isNew))
        }
    }

    /// Records flag changes applied to a folder's messages.
    func addFlagChanges(_ count: Int, account: String, folder: MailboxName) {
        guard count > 0 else { return }
        update(Place(account: account, folder: folder)) { $0.flagChanges += count }
    }

    /// Records messages seen expunged from a folder.
    func addExpunged(_ count: Int, account: String, folder: MailboxName) {
        guard count > 0 else { return }
        update(Place(account: account, folder: folder)) { $0.expunged += count }
    }

    /// The counts of a folder so far merged into the report the folder's sync made.
    func report(merging base: FolderSyncReport, account: String) -> FolderSyncReport {
        lock.lock()
        let counted = counts[Place(account: account, folder: base.folder)]
        lock.unlock()
        var report = base
        if let counted {
            report.new += counted.new
            report.existing += counted.existing
            report.failed += counted.failed
            report.bytes += counted.bytes
            report.flagChanges += counted.flagChanges
            report.expunged += counted.expunged
        }
        return report
    }

    private func update(_ place: Place, _ change: (inout FolderSyncReport) -> Void) {
        lock.lock()
        var report = counts[place] ?? FolderSyncReport(folder: place.folder)
        change(&report)
        counts[place] = report
        lock.unlock()
    }
}
