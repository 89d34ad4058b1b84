import Archive
import Foundation
import MailModel

/// What `cairn sync` shows while it runs: one progress line per account on standard error (folders,
/// messages, MB, rate, ETA), drawn only on a terminal (or with `--progress always`), at most ten
/// times a second; in watch mode, then one line per change on standard output.
final class SyncProgress: @unchecked Sendable {
    // Safe: every access to the mutable state takes `lock`.
    private let lock = NSLock()
    private let enabled: Bool
    private let quiet: Bool
    private var order: [String]
    private var accounts: [String: AccountLine] = [:]
    private var drawnLines = 0
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private var finished = false
    private var rounds = 0

    /// The state of one account's line.
    private struct AccountLine {
        var phase = "waiting"
        var folders = 0
        var changed = 0
        var foldersDone = 0
        var estimates: [MailboxName: Int] = [:]
        var stored = 0
        var bytes: Int64 = 0
        var started = ContinuousClock.now
    }

    /// A display for these accounts.
    init(accounts: [String], mode: ProgressMode, quiet: Bool) {
        order = accounts
        self.quiet = quiet
        switch mode {
        case .always: enabled = true
        case .never: enabled = false
        case .auto: enabled = FileHandleOutput.standardError.isTerminal
        }
        for name in accounts { self.accounts[name] = AccountLine() }
    }

    /// Takes an event of the sync (from any thread).
    func handle(_ event: SyncEvent) {
        switch event {
        case .roundFinished(let report):
            roundFinished(report)
            return
        case .connectionLost(let account, let reason, let retryIn):
            if !quiet {
                erase()
                FileHandleOutput.standardError.write("cairn: account '\(account)': connection lost (\(reason)); "
                                                     + "trying again in \(ProgressBar.duration(ProgressBar.seconds(retryIn)))\n")
            }
            return
        default:
            break
        }
        lock.lock()
        defer { lock.unlock() }
        update(event)
        draw(force: false)
    }

    private func update(_ event: SyncEvent) {
        switch event {
        case .connecting(let account):
            accounts[account, default: AccountLine()].phase = "connecting"
            accounts[account]?.started = ContinuousClock.now
        case .planned(let account, let folders, let changed):
            accounts[account]?.phase = "syncing"
            accounts[account]?.folders = folders
            accounts[account]?.changed = changed.count
            accounts[account]?.estimates = changed
        case .folderStarted(let account, let folder, let toFetch):
            accounts[account]?.estimates[folder] = toFetch
        case .messageStored(let account, _, let bytes, _):
            accounts[account]?.stored += 1
            accounts[account]?.bytes += Int64(bytes)
        case .folderFinished(let account, _, _):
            accounts[account]?.foldersDone += 1
        case .accountFinished(let report):
            accounts[report.account]?.phase = report.error == nil ? "done" : "failed"
        case .roundFinished, .connectionLost:
            break
        }
    }

    /// Erases the lines; nothing is drawn any more.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        eraseLocked()
        finished = true
    }

    private func erase() {
        lock.lock()
        defer { lock.unlock() }
        eraseLocked()
    }

    private func eraseLocked() {
        guard enabled, drawnLines > 0 else { return }
        var text = "\r\u{1B}[K"
        for _ in 1..<drawnLines { text += "\u{1B}[1A\u{1B}[K" }
        FileHandleOutput.standardError.write(text)
        drawnLines = 0
    }

    private func draw(force: Bool) {
        guard enabled, !finished else { return }
        let now = ContinuousClock.now
        guard force || now - lastDraw >= .milliseconds(100) else { return }
        lastDraw = now
        let lines = order.compactMap { name in accounts[name].map { line(name, $0, now: now) } }
        var text = "\r\u{1B}[K"
        if drawnLines > 1 { text += String(repeating: "\u{1B}[1A", count: drawnLines - 1) }
        text += lines.map { $0 + "\u{1B}[K" }.joined(separator: "\n")
        FileHandleOutput.standardError.write(text)
        drawnLines = lines.count
    }

    private func line(_ name: String, _ state: AccountLine, now: ContinuousClock.Instant) -> String {
        guard state.phase == "syncing" else { return "\(name): \(state.phase)" }
        let total = max(state.stored, state.estimates.values.reduce(0, +))
        let elapsed = max(0.001, ProgressBar.seconds(now - state.started))
        let rate = Double(state.stored) / elapsed
        let width = 20
        let filled = total > 0 ? min(width, state.stored * width / total) : 0
        var text = "\(name) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            + "] \(state.stored)/\(total) messages  \(state.foldersDone)/\(state.changed) folders"
        if state.folders > state.changed { text += " (\(state.folders - state.changed) unchanged)" }
        text += "  " + ProgressBar.megabytes(state.bytes) + "  \(Int(rate))/s"
        if rate > 0 && state.stored < total { text += "  ETA " + ProgressBar.duration(Double(total - state.stored) / rate) }
        return text
    }

    /// Watch mode: the first round gets the whole summary, later ones a line per change.
    private func roundFinished(_ report: SyncReport) {
        lock.lock()
        rounds += 1
        let first = rounds == 1
        eraseLocked()
        finished = true
        lock.unlock()
        guard !quiet else { return }
        if first {
            SyncSummary.print(report, elapsed: nil, quiet: false, verbose: false)
            FileHandleOutput.standardOutput.write("watching for new mail (SIGINT or SIGTERM stops)\n")
        } else {
            FileHandleOutput.standardOutput.write(SyncSummary.changeLines(report, time: Date()))
        }
    }
}
