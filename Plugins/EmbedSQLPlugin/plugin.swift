import Foundation
import PackagePlugin

/// Build tool plugin: embeds `Schemas/sqlite/NNNN_name.sql` into the target as a generated Swift
/// source (`EmbeddedMigrations.swift`), so an installed binary carries its migrations without resource
/// bundles.
@main
struct EmbedSQLPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let schemaFolder = context.package.directoryURL.appending(path: "Schemas/sqlite")
        let files = try FileManager.default
            .contentsOfDirectory(at: schemaFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) SQL migrations into \(target.name)",
                executable: try context.tool(named: "EmbedSQL").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            ),
        ]
    }
}
