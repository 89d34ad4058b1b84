import Foundation
import TestSupport

/// The real `cairn` binary, run as a child process (see `ChildProcess`: a clean signal state, so that
/// SIGTERM and SIGKILL act as they would from a shell).
enum SyncProcess {
    /// The `cairn` built next to the test bundle (`swift build --build-tests` builds it).
    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("cairn").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/cairn").path
    }

    /// Starts `cairn arguments...` with extra environment variables.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> ChildProcess {
        try ChildProcess(binary, arguments, environment: environment)
    }

    /// Runs `cairn arguments...` to its end.
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws
        -> (status: Int32, output: String, errors: String) {
        let process = try start(arguments, environment: environment)
        let status = await process.wait()
        return (status, process.standardOutput, process.standardError)
    }
}
