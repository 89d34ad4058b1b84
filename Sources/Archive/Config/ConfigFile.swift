import Foundation

/// Reads and writes `config.toml` in an archive folder: mode 0600, replaced atomically.
public struct ConfigFile: Sendable {
    /// The archive folder.
    public let home: URL

    /// The file's location.
    public var url: URL { home.appendingPathComponent("config.toml") }

    /// A config file in an archive folder.
    public init(home: URL) {
        self.home = home
    }

    /// The configuration; empty when the file does not exist yet.
    public func load() throws -> CairnConfig {
        guard FileManager.default.fileExists(atPath: url.path) else { return CairnConfig() }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CairnConfig.Error(description: "cannot read \(url.path): \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CairnConfig.Error(description: "\(url.path) is not UTF-8 text")
        }
        return try CairnConfig(toml: text)
    }

    /// Writes the configuration: to a private temporary file, then renamed over the old one.
    public func save(_ config: CairnConfig) throws {
        try ArchiveFolder.create(home)
        let temporary = home.appendingPathComponent(".config.toml.\(getpid()).tmp")
        let bytes = Array(config.toml.utf8)
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw CairnConfig.Error(description: "cannot write \(temporary.path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                unlink(temporary.path)
                throw CairnConfig.Error(description: "cannot write \(temporary.path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        fsync(fd)
        guard rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw CairnConfig.Error(description: "cannot replace \(url.path): \(String(cString: strerror(errno)))")
        }
    }
}
