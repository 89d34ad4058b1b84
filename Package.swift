// swift-tools-version:6.1
// Cairn: a mail archiver and mail search tool. See ARCHITECTURE in README.md for the module arrows;
// Tools/check-layering enforces them.
import PackageDescription
import Foundation

let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
let nioSSL = Target.Dependency.product(name: "NIOSSL", package: "swift-nio-ssl")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")

var targets: [Target] = [
    // C shims: over system libraries (installed by Tools/setup), and CCrypto's own SHA-256.
    .target(name: "CCrypto"),
    .target(name: "CZlib", linkerSettings: [.linkedLibrary("z")]),
    .target(name: "CDeflate", linkerSettings: [.linkedLibrary("deflate")]),
    .target(name: "CMalloc"),
    .target(name: "CXapian", linkerSettings: [.linkedLibrary("xapian")]),

    // Libraries, bottom to top.
    .target(name: "MailModel", dependencies: ["CCrypto"]),
    .target(name: "IMAPProtocol", dependencies: ["MailModel", nioCore]),
    .target(name: "IMAPClient", dependencies: ["IMAPProtocol", "MailModel", "CZlib", nioCore, nioPosix, nioSSL, logging]),
    .target(name: "MIME", dependencies: ["MailModel", nioCore]),
    .target(name: "MailQuery", dependencies: ["MailModel"]),
    .target(name: "MailIndex", dependencies: ["CXapian", "MailQuery", "MailModel"]),
    .target(name: "MailStore", dependencies: ["MailModel", "CZlib", "CDeflate", grdb], plugins: ["EmbedSQLPlugin"]),
    // Build tool: compiles Schemas/sqlite/*.sql into MailStore (no runtime resource bundles).
    .executableTarget(name: "EmbedSQL", path: "Plugins/EmbedSQLTool"),
    .plugin(name: "EmbedSQLPlugin", capability: .buildTool(), dependencies: ["EmbedSQL"]),
    .target(
        name: "Archive",
        dependencies: ["IMAPClient", "IMAPProtocol", "MIME", "MailIndex", "MailQuery", "MailStore", "MailModel", nioCore, logging]
    ),
    .target(name: "CairnCLI", dependencies: ["CMalloc", "Archive", "MIME", "MailIndex", "MailQuery", "MailStore", "MailModel", nioCore, argumentParser, logging]),
    .executableTarget(name: "cairn", dependencies: ["CairnCLI"]),

    // Shared by tests only: a private Dovecot, a fault proxy, fixtures and corpus helpers.
    .target(name: "TestSupport", dependencies: ["MailModel", "IMAPProtocol", nioCore, nioPosix, nioSSL]),

    // Tests mirror the sources.
    .testTarget(name: "MailModelTests", dependencies: ["MailModel", "CCrypto", "TestSupport"]),
    .testTarget(name: "IMAPProtocolTests", dependencies: ["IMAPProtocol", "TestSupport", nioCore]),
    .testTarget(name: "IMAPClientTests", dependencies: ["IMAPClient", "IMAPProtocol", "MailModel", "TestSupport", nioCore, nioPosix, logging]),
    .testTarget(name: "MIMETests", dependencies: ["MIME", "MailModel", "TestSupport", nioCore]),
    .testTarget(name: "MailQueryTests", dependencies: ["MailQuery", "TestSupport"]),
    .testTarget(name: "MailIndexTests", dependencies: ["MailIndex", "MailQuery", "MailModel", "TestSupport"]),
    .testTarget(name: "MailStoreTests", dependencies: ["MailStore", "MailModel", "TestSupport"]),
    .testTarget(name: "ArchiveTests", dependencies: ["Archive", "IMAPClient", "IMAPProtocol", "MailStore", "MailIndex", "MailQuery", "MIME", "MailModel", "TestSupport", nioCore, logging]),
    .testTarget(name: "CairnCLITests", dependencies: ["CairnCLI", "Archive", "IMAPClient", "IMAPProtocol", "MailStore", "MailIndex", "MailQuery", "MailModel", "TestSupport", nioCore, logging]),
]

// libFuzzer targets, built only by Tools/fuzz (CAIRN_FUZZ=1) with -sanitize=fuzzer; each exists once its
// folder under Fuzz/ does.
if ProcessInfo.processInfo.environment["CAIRN_FUZZ"] != nil {
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    let fuzzTargets: [(String, [Target.Dependency])] = [
        ("FuzzMIME", ["MIME", nioCore]),
        ("FuzzMbox", ["MIME", nioCore]),
        ("FuzzIMAPResponse", ["IMAPProtocol", nioCore]),
        ("FuzzQuery", ["MailQuery"]),
    ]
    for (name, dependencies) in fuzzTargets where FileManager.default.fileExists(atPath: "\(packageRoot)/Fuzz/\(name)") {
        // On the fuzz targets only (not on the EmbedSQL build tool): libFuzzer linked in, library-mode
        // parsing (the entry point is `<Target>_main`, handed to libFuzzer's driver) and `@_extern(c)`.
        targets.append(.executableTarget(
            name: name, dependencies: dependencies, path: "Fuzz/\(name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"]),
                            .enableExperimentalFeature("Extern")],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
        ))
    }
}

let package = Package(
    name: "Cairn",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cairn", targets: ["cairn"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: targets,
    cxxLanguageStandard: .cxx17
)
