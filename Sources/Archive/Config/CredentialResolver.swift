import Foundation

/// Reads an account's secret from where its configuration says, at the moment it is needed.
///
/// A password file must not be readable by group or others. A command runs through `/bin/sh -c`
/// exactly as the user wrote it; account fields are never spliced into it (they are passed in the
/// environment as `CAIRN_ACCOUNT`, `CAIRN_USER` and `CAIRN_HOST`), so no account field can inject
/// shell syntax.
public struct CredentialResolver: Sendable {
    /// How long a password or token command may run.
    public var commandTimeout: Duration

    /// Creates a resolver.
    public init(commandTimeout: Duration = .seconds(60)) {
        self.commandTimeout = commandTimeout
    }

    /// Why a secret could not be read. Never contains the secret.
    public struct Error: Swift.Error, CustomStringConvertible, Equatable {
        /// What went wrong and what to do.
        public var description: String
    }

    /// The secret of an account.
    public func secret(for account: AccountConfig, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Secret {
        switch account.credential {
        case .passwordEnvironment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw Error(description: "account '\(account.name)': the environment variable \(name) holding its password is not set")
            }
            return Secret(kind: .password, value: value)
        case .passwordFile(let path):
            return Secret(kind: .password, value: try readPasswordFile(path, account: account.name))
        case .passwordCommand(let command):
            return Secret(kind: .password, value: try run(command, account: account, what: "password"))
        case .oauth2TokenCommand(let command):
            return Secret(kind: .oauth2Token, value: try run(command, account: account, what: "OAuth 2 token"))
        }
    }

    private func readPasswordFile(_ path: String, account: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Error(description: "account '\(account)': cannot read the password file \(path): \(String(cString: strerror(errno)))")
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw Error(description: "account '\(account)': the password file \(path) can be read by others (mode \(String(mode, radix: 8))); make it private with: chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw Error(description: "account '\(account)': cannot read the password file \(path)")
        }
        let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let password = line.hasSuffix("\r") ? String(line.dropLast()) : line
        guard !password.isEmpty else {
            throw Error(description: "account '\(account)': the password file \(path) is empty")
        }
        return password
    }

    private func run(_ command: String, account: AccountConfig, what: String) throws -> String {
        let process = Process()
        // A session of its own, so that a timeout can stop the command and everything it started.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["/bin/sh", "-c", command]
        var environment = ProcessInfo.processInfo.environment
        environment["CAIRN_ACCOUNT"] = account.name
        environment["CAIRN_USER"] = account.user
        environment["CAIRN_HOST"] = account.host
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Error(description: "account '\(account.name)': cannot run its \(what) command: \(error.localizedDescription)")
        }
        let collected = CollectedOutput()
        let reading = DispatchGroup()
        let reader = output.fileHandleForReading
        DispatchQueue.global().async(group: reading) { collected.set(reader.readDataToEndOfFile()) }
        if reading.wait(timeout: .now() + commandTimeout.inSeconds) == .timedOut {
            kill(-process.processIdentifier, SIGKILL)
            process.terminate()
            _ = reading.wait(timeout: .now() + 0.5)
            throw Error(description: "account '\(account.name)': its \(what) command did not finish within \(commandTimeout)")
        }
        process.waitUntilExit()
        let data = collected.data
        guard process.terminationStatus == 0 else {
            throw Error(description: "account '\(account.name)': its \(what) command failed with exit status \(process.terminationStatus)")
        }
        let text = String(decoding: data, as: UTF8.self)
        let line = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).first.map(String.init) ?? ""
        guard !line.isEmpty else {
            throw Error(description: "account '\(account.name)': its \(what) command printed nothing")
        }
        return line
    }
}

/// The bytes a command printed, handed from the reading thread to the waiting one.
private final class CollectedOutput: @unchecked Sendable {
    // Safe: every access takes the lock.
    private let lock = NSLock()
    private var stored = Data()

    func set(_ data: Data) {
        lock.lock()
        stored = data
        lock.unlock()
    }

    var data: Data {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
