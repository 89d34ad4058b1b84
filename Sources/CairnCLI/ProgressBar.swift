import Foundation

/// A one-line progress display on standard error: label, count, bytes, rate and time left.
///
/// Drawn only when asked (`--progress always`) or when standard error is a terminal
/// (`--progress auto`), at most ten times a second, and erased when done so that summaries
/// print cleanly.
final class ProgressBar: @unchecked Sendable {
    // Safe: every access to the mutable state takes the lock.
    private let lock = NSLock()
    private let enabled: Bool
    private let label: String
    private var total: Int?
    private var done = 0
    private var bytes: Int64 = 0
    private let start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private var drawn = false

    /// A bar for a task; `total` nil when the count is not known up front.
    init(label: String, total: Int? = nil, mode: ProgressMode) {
        self.label = label
        self.total = total
        switch mode {
        case .always: enabled = true
        case .never: enabled = false
        case .auto: enabled = FileHandleOutput.standardError.isTerminal
        }
    }

    /// Sets the total once it is known.
    func setTotal(_ total: Int?) {
        lock.lock()
        self.total = total
        lock.unlock()
    }

    /// Records progress: the count of items done and bytes seen so far.
    func update(done: Int, bytes: Int64) {
        lock.lock()
        defer { lock.unlock() }
        self.done = done
        self.bytes = bytes
        guard enabled else { return }
        let now = ContinuousClock.now
        guard now - lastDraw >= .milliseconds(100) else { return }
        lastDraw = now
        draw(now: now)
    }

    /// Erases the line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard enabled, drawn else { return }
        FileHandleOutput.standardError.write("\r\u{1B}[K")
        drawn = false
    }

    private func draw(now: ContinuousClock.Instant) {
        let elapsed = max(0.001, ProgressBar.seconds(now - start))
        let rate = Double(done) / elapsed
        var line = "\(label) \(done)"
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let width = 24
            let filled = Int(fraction * Double(width))
            line = "\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                + "] \(done)/\(total)"
            if rate > 0 && done < total {
                line += "  ETA " + ProgressBar.duration(Double(total - done) / rate)
            }
        }
        line += "  " + ProgressBar.megabytes(bytes) + "  \(Int(rate))/s"
        FileHandleOutput.standardError.write("\r\u{1B}[K" + line)
        drawn = true
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func megabytes(_ bytes: Int64) -> String {
        let mb = Double(bytes) / 1_048_576
        return mb < 10 ? String(format: "%.1f MB", mb) : "\(Int(mb)) MB"
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
        return "\(s / 3600)h\(String(format: "%02d", s / 60 % 60))m"
    }
}
