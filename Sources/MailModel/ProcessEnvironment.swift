#if canImport(Glibc)
import Glibc
#endif

/// Reads the process's environment variables one at a time.
///
/// Foundation's `ProcessInfo.processInfo.environment` copies the whole environment into a
/// dictionary on first use, a tenth of a millisecond of every short command; `getenv` reads one.
public enum ProcessEnvironment {
    /// The value of the variable `name`, or nil when it is unset or empty.
    public static func value(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        let value = String(cString: raw)
        return value.isEmpty ? nil : value
    }
}
