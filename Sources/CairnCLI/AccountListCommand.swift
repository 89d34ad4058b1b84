import Archive
import ArgumentParser

/// `cairn account list`.
struct AccountListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "text or json.")
    var format: ListFormat = .text

    func run() async throws {
        let config = try ConfigFile(home: global.resolvedHome).load()
        switch format {
        case .json:
            print(JSONValue.array(config.accounts.map(AccountJSON.object)).pretty)
        case .text:
            if config.accounts.isEmpty {
                if !global.quiet { print("no accounts yet; add one with: cairn account add NAME --host HOST --user USER --password-env VAR") }
                return
            }
            for account in config.accounts {
                print("\(account.name)\t\(account.user)@\(account.host):\(account.port)\t\(account.security.rawValue)")
            }
        }
    }
}

/// Text or JSON, for listing commands.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// The JSON form of an account (no secret, only where it comes from).
enum AccountJSON {
    static func object(_ account: AccountConfig) -> JSONValue {
        let source: (String, String)
        switch account.credential {
        case .passwordEnvironment(let value): source = ("password_env", value)
        case .passwordFile(let value): source = ("password_file", value)
        case .passwordCommand(let value): source = ("password_command", value)
        case .oauth2TokenCommand(let value): source = ("oauth2_token_command", value)
        }
        return .object([
            ("name", .string(account.name)),
            ("host", .string(account.host)),
            ("port", .int(Int64(account.port))),
            ("security", .string(account.security.rawValue)),
            ("user", .string(account.user)),
            (source.0, .string(source.1)),
            ("include", .array(account.include.map(JSONValue.string))),
            ("exclude", .array(account.exclude.map(JSONValue.string))),
            ("ca_file", .optional(account.caFile)),
            ("allow_insecure", .bool(account.allowInsecure)),
        ])
    }
}
