import Foundation

/// The archive folder on disk: created private (0700), since it holds whole mail accounts.
public enum ArchiveFolder {
    /// Creates the folder (and its parents) when missing, and makes it 0700.
    public static func create(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw CairnConfig.Error(description: "cannot create the archive folder \(url.path): \(error.localizedDescription)")
        }
        chmod(url.path, 0o700)
    }
}
