import Foundation
import TestSupport
import Testing

/// A CLI archive with six old messages (three from Ann, three from Carl), imported as .eml files
/// whose delivery times are in 2021, and one recent message.
final class ComplianceHome {
    let home = CLIHome()
    private(set) var ids: [String: String] = [:]

    init() throws {
        var paths: [String] = []
        for index in 0..<7 {
            let from = index.isMultiple(of: 2) ? "Ann Smith <ann@example.org>" : "Carl <carl@example.org>"
            let subject = index == 6 ? "Fresh news" : "Old report \(index)"
            let path = try home.file("mail/m\(index).eml", testMessage(subject, body: "ledger figures \(index)", from: from))
            let delivered = index == 6 ? Date() : Date(timeIntervalSince1970: 1_610_000_000 + Double(index) * 86_400)
            try FileManager.default.setAttributes([.modificationDate: delivered], ofItemAtPath: path)
            paths.append(path)
        }
        let imported = try home.run(["import", "eml"] + paths + ["--progress", "never"])
        guard imported.status == 0 else { throw DatabaseTamper.Failure(description: imported.error) }
        for line in try home.run(["search", "--format", "jsonl"]).text.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if let id = object?["id"] as? String, let subject = object?["subject"] as? String { ids[subject] = id }
        }
    }

    var database: String { home.path + "/cairn.sqlite" }

    func run(_ arguments: [String]) throws -> CairnProcess.Result { try home.run(arguments + ["--progress", "never"]) }
}

@Suite("cairn verify, audit, hold, retention, purge")
struct ComplianceCommandTests {
    @Test("verify: exit 0 when intact; exit 4 naming the message when one byte of it changed")
    func verify() throws {
        let archive = try ComplianceHome()
        let intact = try archive.run(["verify"])
        #expect(intact.status == 0, "\(intact.text)\(intact.error)")
        #expect(intact.text.contains("intact"))
        #expect(intact.text.contains("messages  7 messages re-hashed"))
        let victim = try #require(archive.ids["Old report 3"])
        try DatabaseTamper.flipByte(ofMessage: try DatabaseTamper.messageKey(ofID: victim, in: archive.database),
                                    in: archive.database)
        let broken = try archive.run(["verify"])
        #expect(broken.status == 4)
        #expect(broken.text.contains("PROBLEM  message \(victim):"))
        #expect(broken.error.contains("1 integrity problem found"))
        let json = try archive.run(["verify", "--format", "json"])
        #expect(json.status == 4)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output)) as? [String: Any])
        #expect(object["intact"] as? Bool == false)
        let problems = try #require(object["problems"] as? [[String: Any]])
        #expect(problems.map { $0["message"] as? String } == [victim])
        // The quick check reads no message: it still passes.
        #expect(try archive.run(["verify", "--quick"]).status == 0)
    }

    @Test("verify --anchor, then --against it after more activity: exit 0; against a forged head: exit 4")
    func anchors() throws {
        let archive = try ComplianceHome()
        let anchor = try archive.run(["verify", "--anchor"])
        #expect(anchor.status == 0)
        let head = anchor.text.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(head.wholeMatch(of: /[0-9]+:[0-9a-f]{64}/) != nil)
        let more = try archive.home.file("mail/more.eml", testMessage("More", body: "after the anchor"))
        #expect(try archive.run(["import", "eml", more]).status == 0)
        #expect(try archive.run(["hold", "add", "everything", "*"]).status == 0)
        let later = try archive.run(["verify", "--against", head])
        #expect(later.status == 0, "\(later.text)")
        #expect(later.text.contains("anchor    extends"))
        var forged = Array(head)
        forged[forged.count - 1] = forged.last == "0" ? "1" : "0"
        let wrong = try archive.run(["verify", "--quick", "--against", String(forged)])
        #expect(wrong.status == 4)
        #expect(wrong.text.contains("PROBLEM  audit entry \(head.split(separator: ":")[0]):"))
        #expect(try archive.run(["verify", "--against", "12:abc"]).status == 2)
        #expect(try archive.run(["verify", "--anchor", "--against", head]).status == 2)
    }

    @Test("hold add / list / release; hold:NAME searches; a duplicate or unknown name is bad usage")
    func holds() throws {
        let archive = try ComplianceHome()
        let added = try archive.run(["hold", "add", "case-7", "from:ann@example.org", "--reason", "Matter 7"])
        #expect(added.status == 0, "\(added.error)")
        #expect(added.text.contains("covers 4 messages"))
        #expect(try archive.run(["count", "hold:case-7"]).text == "4\n")
        let list = try archive.run(["hold", "list"])
        #expect(list.text.contains("case-7"))
        #expect(list.text.contains("Matter 7"))
        #expect(try archive.run(["hold", "add", "case-7", "*"]).status == 2)
        #expect(try archive.run(["hold", "add", "two words", "*"]).status == 2)
        #expect(try archive.run(["hold", "add", "noquery"]).status == 2)
        #expect(try archive.run(["hold", "add", "badquery", "from:"]).status == 2)
        #expect(try archive.run(["hold", "release", "nothing"]).status == 2)
        let released = try archive.run(["hold", "release", "case-7"])
        #expect(released.status == 0)
        #expect(try archive.run(["count", "hold:case-7"]).text == "0\n")
        #expect(try archive.run(["hold", "list"]).text.contains("no legal holds"))
        #expect(try archive.run(["hold", "list", "--all"]).text.contains("released"))
    }

    @Test("retention set / list / remove; purge is a dry run unless --yes, keeps held mail, and is audited")
    func retentionAndPurge() throws {
        let archive = try ComplianceHome()
        #expect(try archive.run(["retention", "set", "--keep", "1y"]).status == 2)
        #expect(try archive.run(["retention", "set", "--all", "--keep", "1 year"]).status == 2)
        #expect(try archive.run(["retention", "set", "--all", "--folder", "x", "--keep", "1y"]).status == 2)
        #expect(try archive.run(["retention", "set", "--all", "--keep", "2y"]).status == 0)
        #expect(try archive.run(["retention", "set", "--folder", "Trash", "--keep", "30d"]).status == 0)
        #expect(try archive.run(["retention", "remove", "--folder", "Trash"]).status == 0)
        #expect(try archive.run(["retention", "remove", "--folder", "Trash"]).status == 2)
        let rules = try archive.run(["retention", "list"])
        #expect(rules.text.contains("all") && rules.text.contains("2y") && !rules.text.contains("Trash"))
        #expect(try archive.run(["hold", "add", "ann", "from:ann@example.org"]).status == 0)

        let dry = try archive.run(["purge"])
        #expect(dry.status == 0)
        #expect(dry.text.contains("would purge 3 messages"))
        #expect(dry.text.contains("kept under legal holds: 3 past retention (ann: 3)"))
        #expect(try archive.run(["count"]).text == "7\n")
        #expect(try archive.run(["purge", "--dry-run"]).text == dry.text)

        let done = try archive.run(["purge", "--yes"])
        #expect(done.status == 0, "\(done.error)")
        #expect(done.text.contains("purged 3 messages"))
        #expect(try archive.run(["count"]).text == "4\n")
        #expect(try archive.run(["count", "from:carl@example.org"]).text == "0\n")
        let audit = try archive.run(["audit"])
        #expect(audit.text.contains("purge               3 messages"))
        #expect(audit.text.contains("hold.placed"))
        #expect(audit.text.contains("retention.changed   all: keep 2y"))
        #expect(try archive.run(["verify"]).status == 0)
        #expect(try archive.run(["purge", "--yes", "--dry-run"]).status == 2)
    }

    @Test("audit --since and its formats; every file in the archive folder is private")
    func auditAndModes() throws {
        let archive = try ComplianceHome()
        let all = try archive.run(["audit"])
        #expect(all.status == 0)
        let lines = all.text.split(separator: "\n")
        #expect(lines.count == 9)  // created, 7 archived, the import
        #expect(lines.first?.contains("archive.created") == true)
        #expect(try archive.run(["audit", "--since", "2000-01"]).text == all.text)
        #expect(try archive.run(["audit", "--since", "2999-01-01T00:00:00Z"]).text.isEmpty)
        #expect(try archive.run(["audit", "--since", "yesterday"]).text == all.text)
        #expect(try archive.run(["audit", "--since", "last week"]).status == 2)
        let json = try archive.run(["audit", "--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.output)) as? [[String: Any]])
        #expect(entries.count == 9)
        #expect(entries[1]["prev_sha256"] as? String == entries[0]["sha256"] as? String)
        #expect(try archive.run(["audit", "--since", "2999", "--format", "json"]).text == "[]\n")

        for path in try FileManager.default.subpathsOfDirectory(atPath: archive.home.path) + [""] {
            let attributes = try FileManager.default.attributesOfItem(atPath: archive.home.path + "/" + path)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
            let isFolder = attributes[.type] as? FileAttributeType == .typeDirectory
            #expect(mode == (isFolder ? 0o700 : 0o600), "\(path): \(String(mode, radix: 8))")
        }
    }

    @Test("the JSON outputs match their schemas in Schemas/json")
    func schemas() throws {
        let check = try Subprocess.run("/usr/bin/env", ["python3", "-c", "import jsonschema, referencing"])
        guard check.status == 0 else {
            print("skipped: python3 with jsonschema and referencing is not installed")
            return
        }
        let archive = try ComplianceHome()
        #expect(try archive.run(["hold", "add", "h", "from:ann@example.org", "--reason", "r"]).status == 0)
        #expect(try archive.run(["retention", "set", "--all", "--keep", "2y"]).status == 0)
        #expect(try archive.run(["retention", "set", "--account", "local", "--keep", "3y"]).status == 0)
        let outputs: [(String, [String])] = [
            ("verify", ["verify", "--format", "json"]),
            ("verify", ["verify", "--quick", "--against", "3:" + String(repeating: "0", count: 64), "--format", "json"]),
            ("verify-anchor", ["verify", "--anchor", "--format", "json"]),
            ("audit", ["audit", "--format", "json"]),
            ("hold-list", ["hold", "list", "--all", "--format", "json"]),
            ("retention-list", ["retention", "list", "--format", "json"]),
            ("purge", ["purge", "--format", "json"]),
            ("purge", ["purge", "--yes", "--format", "json"]),
        ]
        let folder = archive.home.root.appendingPathComponent("json")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var pairs: [String] = []
        for (index, (schema, arguments)) in outputs.enumerated() {
            let result = try archive.run(arguments)
            #expect(!result.output.isEmpty, "\(arguments)")
            try Data(result.output).write(to: folder.appendingPathComponent("\(index).json"))
            pairs.append("\(schema):\(index)")
        }
        let script = """
            import json, sys, glob
            from jsonschema import Draft202012Validator
            from referencing import Registry, Resource
            base, out = sys.argv[1], sys.argv[2]
            schemas = {p.split("/")[-1][:-12]: json.load(open(p)) for p in glob.glob(f"{base}/*.schema.json")}
            registry = Registry().with_resources(
                [(s["$id"], Resource.from_contents(s)) for s in schemas.values()]
                + [(s["$id"].split("/")[-1], Resource.from_contents(s)) for s in schemas.values()])
            for pair in sys.argv[3:]:
                name, index = pair.split(":")
                Draft202012Validator(schemas[name], registry=registry).validate(json.load(open(f"{out}/{index}.json")))
            """
        let schemaFolder = Fixtures.packageRoot.appendingPathComponent("Schemas/json").path
        let result = try Subprocess.run("/usr/bin/env", ["python3", "-c", script, schemaFolder, folder.path] + pairs)
        #expect(result.status == 0, "\(result.standardError)")
    }
}
