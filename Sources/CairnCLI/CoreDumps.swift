#if canImport(Glibc)
import Glibc
#endif

/// Core dumps off for the whole run: a core is a copy of the process's memory, and cairn's memory holds
/// the account passwords (and the mail) once a sync has begun. The Swift runtime's crash report (a
/// backtrace) still prints; only the memory image is never written. (ssh-agent goes further with
/// `PR_SET_DUMPABLE`, which would also stop the runtime's backtracer from reading the crashed process.)
enum CoreDumps {
    /// Lowers the core size limit, soft and hard, to 0 (a later `ulimit -c` in this process cannot raise it).
    static func disable() {
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &none)
    }
}
