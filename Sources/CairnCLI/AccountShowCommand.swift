import Archive
import ArgumentParser

/// `cairn account show NAME`.
struct AccountShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one account.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account's name.")
    var name: String

    @Option(help: "text or json.")
    var format: ListFormat = .text

    func run() async throws {
        let config = try ConfigFile(home: global.resolvedHome).load()
        guard let account = config.account(named: name) else {
            throw CLIError(description: "no account named '\(name)' (see: cairn account list)", exitCode: 2)
        }
        switch format {
        case .json:
            guard case .object(var fields) = AccountJSON.object(account) else { return }
            fields.append(("folders", AccountSyncState.load(home: global.resolvedHome, account: name).json))
            print(JSONValue.object(fields).pretty)
        case .text:
            print("account:   \(account.name)")
            print("server:    \(account.host):\(account.port) (\(account.security.rawValue)\(account.allowInsecure ? ", insecure allowed" : ""))")
            print("user:      \(account.user)")
            print("secret:    \(account.credential)")
            print("folders:   \(account.include.isEmpty ? "all" : account.include.joined(separator: ", "))")
            if !account.exclude.isEmpty { print("excluded:  \(account.exclude.joined(separator: ", "))") }
            if let caFile = account.caFile { print("trusts:    \(caFile)") }
            print(AccountSyncState.load(home: global.resolvedHome, account: name).text, terminator: "")
        }
    }
}
