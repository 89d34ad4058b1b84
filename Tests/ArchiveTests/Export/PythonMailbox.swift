import Foundation

/// Python's `mailbox` module as an independent reader of what Cairn exports.
enum PythonMailbox {
    struct Entry: Equatable {
        var digest: String
        var flags: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ script: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "python3 exited \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// SHA-256 of each message of an mbox as Python's `mailbox.mbox` splits it, with `From ` lines
    /// unescaped as the variant says (Python's reader splits but does not unescape).
    static func mboxDigests(_ path: String, variant: String) throws -> [String] {
        let script = """
            import hashlib, mailbox, re, sys
            box = mailbox.mbox(sys.argv[1], create=False)
            pattern = rb'(?m)^>(>*From )' if sys.argv[2] == 'mboxrd' else rb'(?m)^>(From )'
            for key in box.keys():
                print(hashlib.sha256(re.sub(pattern, rb'\\1', box.get_bytes(key))).hexdigest())
            """
        return try run(script, [path, variant]).split(separator: "\n").map(String.init)
    }

    /// For each Maildir++ folder ("" for the root): SHA-256 and flags of each message, as Python's
    /// `mailbox.Maildir` reads them.
    static func maildirDigests(_ path: String) throws -> [String: [Entry]] {
        let script = """
            import hashlib, mailbox, sys
            root = mailbox.Maildir(sys.argv[1], factory=None, create=False)
            def dump(name, box):
                for key in box.keys():
                    print(name + "\\t" + hashlib.sha256(box.get_bytes(key)).hexdigest() + "\\t" + box.get_message(key).get_flags())
            dump("", root)
            for name in root.list_folders():
                dump(name, root.get_folder(name))
            """
        var result: [String: [Entry]] = [:]
        for line in try run(script, [path]).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            result[fields[0], default: []].append(Entry(digest: fields[1], flags: fields[2]))
        }
        return result
    }
}
