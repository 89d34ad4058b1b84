#if canImport(Glibc)
import Glibc
#endif
import MailModel

/// The width of the terminal on standard output.
enum TerminalWidth {
    /// The columns of the terminal on standard output, else $COLUMNS, else `fallback`.
    static func columns(default fallback: Int) -> Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessEnvironment.value("COLUMNS").flatMap(Int.init), columns > 0 { return columns }
        return fallback
    }
}
