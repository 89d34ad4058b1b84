import Archive
import ArgumentParser
import Foundation

/// `cairn account add NAME --host HOST --user USER (--password-env VAR | ...)`.
struct AccountAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an IMAP account. The password is never stored: say where it comes from.",
        discussion: """
            Exactly one of --password-env, --password-file, --password-command or \
            --oauth2-token-command names where the secret comes from; it is read at each sync. A \
            command runs through /bin/sh as written, with CAIRN_ACCOUNT, CAIRN_USER and CAIRN_HOST \
            in its environment. By default every selectable folder is archived.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account's name (letters, digits, '.', '_', '-').")
    var name: String

    @Option(help: "The IMAP server's host name.")
    var host: String

    @Option(help: "The port (default 993 for tls, 143 otherwise).")
    var port: Int?

    @Option(help: "tls (IMAPS), starttls, or none (needs --allow-insecure).")
    var security: SecurityOption = .tls

    @Option(help: "The login name.")
    var user: String

    @Option(name: .customLong("password-env"), help: "An environment variable holding the password.")
    var passwordEnv: String?

    @Option(name: .customLong("password-file"), help: "A file (mode 0600) whose first line is the password.")
    var passwordFile: String?

    @Option(name: .customLong("password-command"), help: "A command that prints the password.")
    var passwordCommand: String?

    @Option(name: .customLong("oauth2-token-command"), help: "A command that prints an OAuth 2 access token.")
    var oauth2TokenCommand: String?

    @Option(help: "A folder glob to archive (repeatable; default: every folder).")
    var include: [String] = []

    @Option(help: "A folder glob never to archive (repeatable).")
    var exclude: [String] = []

    @Option(name: .customLong("ca-file"), help: "A PEM file of certificates to trust instead of the system's.")
    var caFile: String?

    @Flag(name: .customLong("allow-insecure"), help: "Allow a connection without TLS.")
    var allowInsecure = false

    func validate() throws {
        guard AccountConfig.isValidName(name) else {
            throw ValidationError("the account name '\(name)' may hold only letters, digits, '.', '_' and '-'")
        }
        let sources = [passwordEnv, passwordFile, passwordCommand, oauth2TokenCommand].compactMap { $0 }
        guard sources.count == 1 else {
            throw ValidationError("give exactly one of --password-env, --password-file, --password-command, --oauth2-token-command")
        }
        if security == .none && !allowInsecure {
            throw ValidationError("--security none sends the password unencrypted; add --allow-insecure if you mean it")
        }
        if let port, !(1...65535).contains(port) {
            throw ValidationError("--port must be from 1 to 65535")
        }
        if let passwordFile {
            var info = stat()
            if stat(passwordFile, &info) == 0, info.st_mode & 0o077 != 0 {
                throw ValidationError("the password file \(passwordFile) can be read by others; make it private first: chmod 600 \(passwordFile)")
            }
        }
    }

    func run() async throws {
        let file = ConfigFile(home: global.resolvedHome)
        var config = try file.load()
        guard config.account(named: name) == nil else {
            throw CLIError(description: "an account named '\(name)' exists already (cairn account remove \(name) first)", exitCode: 2)
        }
        let credential: CredentialSource
        if let passwordEnv { credential = .passwordEnvironment(passwordEnv) }
        else if let passwordFile { credential = .passwordFile(absolutePath(passwordFile)) }
        else if let passwordCommand { credential = .passwordCommand(passwordCommand) }
        else { credential = .oauth2TokenCommand(oauth2TokenCommand ?? "") }
        let account = AccountConfig(
            name: name, host: host, port: port, security: security.value, user: user, credential: credential,
            include: include, exclude: exclude, caFile: caFile.map(absolutePath), allowInsecure: allowInsecure
        )
        config.accounts.append(account)
        try file.save(config)
        if !global.quiet {
            print("added account '\(name)' (\(user) at \(host):\(account.port), \(account.security.rawValue)); run: cairn sync \(name)")
        }
    }

    private func absolutePath(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}

/// The `--security` values.
enum SecurityOption: String, ExpressibleByArgument, CaseIterable {
    case tls, starttls, none

    var value: AccountConfig.Security {
        switch self {
        case .tls: return .tls
        case .starttls: return .starttls
        case .none: return .none
        }
    }
}
