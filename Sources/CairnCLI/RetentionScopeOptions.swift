import ArgumentParser
import MailStore

/// `--account NAME | --folder GLOB | --all`: what a retention rule applies to.
struct RetentionScopeOptions: ParsableArguments {
    @Option(name: .long, help: "Every message seen in this account.")
    var account: String?

    @Option(name: .long, help: "Every message seen in a folder matching this glob (* and ?; the folder's name without the account).")
    var folder: String?

    @Flag(name: .long, help: "Every message.")
    var all = false

    func validate() throws {
        let given = [account != nil, folder != nil, all].filter { $0 }.count
        guard given == 1 else { throw ValidationError("give exactly one of --account NAME, --folder GLOB, --all") }
    }

    /// The scope given.
    var scope: RetentionScope {
        if let account { return .account(account) }
        if let folder { return .folder(folder) }
        return .all
    }
}
