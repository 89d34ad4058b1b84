import CMalloc
#if canImport(Glibc)
import Glibc
#endif

/// glibc malloc settings that keep a long import or sync from holding freed memory.
///
/// By default glibc may give each thread that allocates its own arena (up to eight per core), and
/// the ingest workers allocate and free megabyte buffers on several threads, each arena keeping its
/// freed memory. Two arenas are enough for cairn's few busy threads. Measured on a 20,000-message
/// import (static release build, 2 cores), together with the 2 MiB spool limit: peak RSS 88 MiB.
/// A fixed mmap threshold was tried as well: it saved no more memory, and mapping and unmapping
/// buffers cost export a sixth of its time.
enum MallocTuning {
    /// At most this many arenas.
    static let arenaLimit: Int32 = 2

    /// Applies the settings, unless the user set glibc's malloc tunables themselves.
    static func apply() {
        if let tunables = getenv("GLIBC_TUNABLES"), String(cString: tunables).contains("glibc.malloc") { return }
        if getenv("MALLOC_ARENA_MAX") != nil { return }
        _ = mallopt(M_ARENA_MAX, arenaLimit)
    }
}
