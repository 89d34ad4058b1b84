import Foundation

/// The contents of `config.toml` in the archive folder: the accounts. Passwords are never in it.
public struct CairnConfig: Equatable, Sendable {
    /// The accounts, in the order they were added.
    public var accounts: [AccountConfig]

    /// An empty configuration.
    public init(accounts: [AccountConfig] = []) {
        self.accounts = accounts
    }

    /// The account of a name.
    public func account(named name: String) -> AccountConfig? {
        accounts.first { $0.name == name }
    }

    /// A problem with the configuration file.
    public struct Error: Swift.Error, CustomStringConvertible, Equatable {
        /// What is wrong, and where.
        public var description: String
    }

    static let header = """
        # Cairn configuration: the accounts to archive.
        # Passwords are never stored here: each account names where its secret comes from
        # (password_env, password_file, password_command or oauth2_token_command).

        """

    /// Reads the TOML text of a configuration.
    public init(toml text: String) throws(CairnConfig.Error) {
        let document: TOMLDocument
        do {
            document = try TOMLDocument(parsing: text)
        } catch {
            throw Error(description: error.description)
        }
        var accounts: [AccountConfig] = []
        for table in document.tables {
            guard table.path.count == 2, table.path[0] == "accounts" else {
                if table.path.isEmpty && table.entries.isEmpty { continue }
                throw Error(description: "config.toml: unknown table [\(table.path.joined(separator: "."))]")
            }
            accounts.append(try CairnConfig.account(named: table.path[1], from: table))
        }
        self.accounts = accounts
    }

    /// The TOML text.
    public var toml: String {
        var document = TOMLDocument()
        for account in accounts {
            var entries: [(key: String, value: TOMLDocument.Value)] = [
                ("host", .string(account.host)),
                ("port", .integer(account.port)),
                ("security", .string(account.security.rawValue)),
                ("user", .string(account.user)),
            ]
            switch account.credential {
            case .passwordEnvironment(let name): entries.append(("password_env", .string(name)))
            case .passwordFile(let path): entries.append(("password_file", .string(path)))
            case .passwordCommand(let command): entries.append(("password_command", .string(command)))
            case .oauth2TokenCommand(let command): entries.append(("oauth2_token_command", .string(command)))
            }
            if !account.include.isEmpty { entries.append(("include", .strings(account.include))) }
            if !account.exclude.isEmpty { entries.append(("exclude", .strings(account.exclude))) }
            if let caFile = account.caFile { entries.append(("ca_file", .string(caFile))) }
            if account.allowInsecure { entries.append(("allow_insecure", .bool(true))) }
            document.tables.append(.init(path: ["accounts", account.name], entries: entries))
        }
        return document.serialized(header: CairnConfig.header)
    }

    private static func account(named name: String, from table: TOMLDocument.Table) throws(CairnConfig.Error) -> AccountConfig {
        func fail(_ reason: String) -> CairnConfig.Error {
            Error(description: "config.toml, account '\(name)': \(reason)")
        }
        func string(_ key: String) throws(CairnConfig.Error) -> String? {
            switch table[key] {
            case nil: return nil
            case .string(let value): return value
            default: throw fail("'\(key)' must be a quoted string")
            }
        }
        func strings(_ key: String) throws(CairnConfig.Error) -> [String] {
            switch table[key] {
            case nil: return []
            case .strings(let value): return value
            default: throw fail("'\(key)' must be a list of quoted strings")
            }
        }
        let known: Set<String> = ["host", "port", "security", "user", "password_env", "password_file",
                                  "password_command", "oauth2_token_command", "include", "exclude",
                                  "ca_file", "allow_insecure"]
        if let unknown = table.entries.first(where: { !known.contains($0.key) }) {
            throw fail("unknown key '\(unknown.key)'")
        }
        guard AccountConfig.isValidName(name) else { throw fail("the name may hold only letters, digits, '.', '_' and '-'") }
        guard let host = try string("host"), !host.isEmpty else { throw fail("'host' is missing") }
        guard let user = try string("user") else { throw fail("'user' is missing") }
        let securityText = try string("security") ?? "tls"
        guard let security = AccountConfig.Security(rawValue: securityText) else {
            throw fail("'security' must be tls, starttls or none")
        }
        var port: Int? = nil
        switch table["port"] {
        case nil: break
        case .integer(let value) where (1...65535).contains(value): port = value
        default: throw fail("'port' must be a number from 1 to 65535")
        }
        var sources: [CredentialSource] = []
        if let value = try string("password_env") { sources.append(.passwordEnvironment(value)) }
        if let value = try string("password_file") { sources.append(.passwordFile(value)) }
        if let value = try string("password_command") { sources.append(.passwordCommand(value)) }
        if let value = try string("oauth2_token_command") { sources.append(.oauth2TokenCommand(value)) }
        guard sources.count == 1, let credential = sources.first else {
            throw fail("give exactly one of password_env, password_file, password_command, oauth2_token_command")
        }
        var allowInsecure = false
        switch table["allow_insecure"] {
        case nil: break
        case .bool(let value): allowInsecure = value
        default: throw fail("'allow_insecure' must be true or false")
        }
        return AccountConfig(name: name, host: host, port: port, security: security, user: user,
                             credential: credential, include: try strings("include"),
                             exclude: try strings("exclude"), caFile: try string("ca_file"),
                             allowInsecure: allowInsecure)
    }
}
