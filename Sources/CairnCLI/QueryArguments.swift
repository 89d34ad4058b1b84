#if canImport(Glibc)
import Glibc
#endif

/// Keeps negated query words such as `-travel` or `-query:budget` away from the argument parser,
/// which would read them as a group of short options (`-t -r -a -v ...`) and stop at the first
/// unknown letter, or worse, take `-v` in `-travel` as `--verbose`.
///
/// Before parsing, each such word of a query-taking command (`search`, `count`, `export`,
/// `hold add`, `query save`) gets a private mark in place of its `-`; ``QueryInput/text(_:)`` puts
/// the `-` back. Only the short options every command has (`-q`, `-v`, `-h`, and groups of them)
/// stay options, and so does the value after a long option that takes one (`--limit -1` still
/// reaches the option and its check). After `--` nothing is touched.
enum QueryArguments {
    /// Stands for the `-` of a negated query word while the arguments are parsed.
    static let mark: Character = "\u{F8FF}"

    /// The command paths whose free arguments are query words.
    static let queryCommands: [[String]] = [["search"], ["count"], ["export"], ["hold", "add"], ["query", "save"]]

    /// Long options that take no value (any other `--name` without `=` takes the next argument):
    /// the global flags and those of the query-taking commands. A flag missing here only costs the
    /// marking of a negated word right after it.
    static let longFlags: Set<String> = ["--quiet", "--verbose", "--debug", "--help", "--version", "--threads", "--explain"]

    /// Global options (before the subcommand) that take a value.
    static let globalOptionsWithValue: Set<String> = ["--home", "--progress"]

    /// The arguments (without the program's name) with negated query words marked.
    static func protect(_ arguments: [String]) -> [String] {
        var result = arguments
        var index = 0
        // Global options before the subcommand.
        while index < result.count, result[index].hasPrefix("-"), result[index] != "--" {
            index += globalOptionsWithValue.contains(result[index]) ? 2 : 1
        }
        guard let path = queryCommands.first(where: { path in
            index + path.count <= result.count && Array(result[index..<index + path.count]) == path
        }) else { return arguments }
        index += path.count
        var takesValue = false
        while index < result.count {
            let argument = result[index]
            defer { index += 1 }
            if takesValue {
                takesValue = false
                continue
            }
            if argument == "--" { break }
            if argument.hasPrefix("--") {
                takesValue = !argument.contains("=") && !longFlags.contains(argument)
                continue
            }
            if isQueryWord(argument) { result[index] = String(mark) + argument.dropFirst() }
        }
        return result
    }

    /// Whether a `-...` argument is a negated query word rather than the short options `-q`, `-v`, `-h`.
    static func isQueryWord(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument.count > 1, !argument.hasPrefix("--") else { return false }
        return !argument.dropFirst().allSatisfy { "qvh".contains($0) }
    }

    /// The arguments after the program's name. A binary with the Swift runtime linked statically
    /// can find `CommandLine.arguments` empty (argc 0); the kernel's copy in /proc/self/cmdline
    /// is read then.
    static func commandLine() -> [String] {
        if CommandLine.argc > 0 { return Array(CommandLine.arguments.dropFirst()) }
        // read(2) rather than FileManager, whose first use costs a tenth of a millisecond.
        let fd = open("/proc/self/cmdline", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            data += chunk[0..<count]
        }
        var words = data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if words.last == "" { words.removeLast() }
        return Array(words.dropFirst())
    }

    /// A word as it was typed: the mark back to `-`.
    static func restore(_ word: String) -> String {
        word.first == mark ? "-" + word.dropFirst() : word
    }
}
