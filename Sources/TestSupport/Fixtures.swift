import Foundation

/// Locates test fixtures: the project's own (`Tests/Fixtures/`) and the shared corpus beside the
/// checkout (`../shared/corpus/`), which may be absent on a fresh machine.
public enum Fixtures {
    /// The checkout's root folder.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Sources/TestSupport/Fixtures.swift
        return url
    }()

    /// `Tests/Fixtures/`.
    public static var directory: URL { packageRoot.appendingPathComponent("Tests/Fixtures") }

    /// A file under `Tests/Fixtures/`.
    public static func url(_ relativePath: String) -> URL {
        directory.appendingPathComponent(relativePath)
    }

    /// The bytes of a file under `Tests/Fixtures/`.
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(relativePath)))
    }

    /// `../shared/corpus/` when it exists beside the checkout (or `$CAIRN_SHARED_CORPUS`), else nil:
    /// tests that read it skip, saying so, when it is absent.
    public static var sharedCorpus: URL? {
        if let env = ProcessInfo.processInfo.environment["CAIRN_SHARED_CORPUS"] {
            return URL(fileURLWithPath: env)
        }
        let candidate = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return candidate
        }
        return nil
    }
}
