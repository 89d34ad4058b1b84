import ArgumentParser
import Foundation
import enum MailModel.ProcessEnvironment

/// Options every command accepts, before or after the subcommand's name.
public struct GlobalOptions: ParsableArguments, Sendable {
    /// The archive folder.
    @Option(name: .long, help: "The archive folder (default: $CAIRN_HOME, else $XDG_DATA_HOME/cairn, else ~/.local/share/cairn).")
    public var home: String?

    /// Print only errors.
    @Flag(name: [.short, .long], help: "Print only errors.")
    public var quiet = false

    /// Print more about what is happening.
    @Flag(name: [.short, .long], help: "Print more about what is happening.")
    public var verbose = false

    /// Print what is said to servers too (commands, never credentials), for diagnosing a server.
    @Flag(name: .long, help: "Print more still: IMAP commands and replies' outcomes (credentials are never printed).")
    public var debug = false

    /// When to draw progress bars.
    @Option(name: .long, help: "Progress bars: auto (on a terminal only), always, never.")
    public var progress: ProgressMode = .auto

    /// Creates the options with their defaults.
    public init() {}

    /// The archive folder after the fallbacks of CLI.md.
    public var resolvedHome: URL {
        if let home, !home.isEmpty { return URL(fileURLWithPath: home) }
        if let value = ProcessEnvironment.value("CAIRN_HOME") { return URL(fileURLWithPath: value) }
        if let value = ProcessEnvironment.value("XDG_DATA_HOME") {
            return URL(fileURLWithPath: value).appendingPathComponent("cairn")
        }
        let userHome = ProcessEnvironment.value("HOME") ?? FileManager.default.homeDirectoryForCurrentUser.path
        return URL(fileURLWithPath: userHome).appendingPathComponent(".local/share/cairn")
    }
}

/// When progress bars are drawn.
public enum ProgressMode: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// On a terminal only.
    case auto
    /// Always, even into a pipe.
    case always
    /// Never.
    case never
}
