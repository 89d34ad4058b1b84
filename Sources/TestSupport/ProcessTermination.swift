#if canImport(Glibc)
import Glibc
#endif

/// Stops a process that is not our child (a daemon's master) by its pid.
enum ProcessTermination {
    /// Sends SIGTERM, waits up to `grace` seconds for the process to go (a zombie counts as gone), then
    /// sends SIGKILL.
    static func terminate(pid: Int32, grace: Double) {
        guard pid > 0, isAlive(pid) else { return }
        kill(pid, SIGTERM)
        var waited = 0.0
        while isAlive(pid) {
            if waited >= grace {
                kill(pid, SIGKILL)
                return
            }
            usleep(20_000)
            waited += 0.02
        }
    }

    /// Whether the process exists and has not exited (a zombie has exited).
    static func isAlive(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = fopen("/proc/\(pid)/stat", "r") else { return false }
        defer { fclose(stat) }
        var buffer = [CChar](repeating: 0, count: 512)
        guard fgets(&buffer, Int32(buffer.count), stat) != nil else { return false }
        let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // Format: "pid (comm) S ...": the state follows the last ')'.
        guard let close = line.lastIndex(of: ")") else { return true }
        let state = line[line.index(after: close)...].drop { $0 == " " }.first
        return state != "Z" && state != "X"
    }
}
