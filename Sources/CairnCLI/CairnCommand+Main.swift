import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

extension CairnCommand {
    /// Parses the command line, runs the command, and exits with the code CLI.md documents.
    public static func runMain() async {
        CoreDumps.disable()
        MallocTuning.apply()
        do {
            var command = try parseAsRoot(QueryArguments.protect(QueryArguments.commandLine()))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            FileHandleOutput.standardError.write("cairn: \(error.description)\n")
            Glibc.exit(error.exitCode)
        } catch {
            if let code = CLIErrorMapping.exitCode(for: error) {
                FileHandleOutput.standardError.write("cairn: \(CLIErrorMapping.message(for: error))\n")
                Glibc.exit(code)
            }
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandleOutput.standardError.write(fullMessage(for: error) + "\n")
                Glibc.exit(CairnExitCode.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
