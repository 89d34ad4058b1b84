import Foundation
import TestSupport

/// Validates command outputs against the schemas of `Schemas/json` with Python's `jsonschema`
/// (Draft 2020-12, references between the schemas resolved by `$id`).
enum JSONSchemaCheck {
    /// How an output holds its values.
    enum Shape: String {
        /// One JSON value.
        case value
        /// A JSON array whose every element is checked.
        case array
        /// One JSON value a line (`--format jsonl`), each checked.
        case lines
    }

    /// Whether python3 with `jsonschema` and `referencing` is there (else the checks are skipped, saying so).
    static var isAvailable: Bool {
        (try? Subprocess.run("/usr/bin/env", ["python3", "-c", "import jsonschema, referencing"]))?.status == 0
    }

    /// Checks each output against its schema (`search-result` for `search-result.schema.json`);
    /// returns nil when all match, else what did not. At least one value must be checked per output.
    static func failures(_ outputs: [(schema: String, shape: Shape, output: [UInt8])], in folder: URL) throws -> String? {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var pairs: [String] = []
        for (index, item) in outputs.enumerated() {
            try Data(item.output).write(to: folder.appendingPathComponent("\(index).json"))
            pairs.append("\(item.schema):\(item.shape.rawValue):\(index)")
        }
        let script = """
            import json, sys, glob
            from jsonschema import Draft202012Validator
            from referencing import Registry, Resource
            base, out = sys.argv[1], sys.argv[2]
            schemas = {p.split("/")[-1][:-12]: json.load(open(p)) for p in glob.glob(f"{base}/*.schema.json")}
            registry = Registry().with_resources([(s["$id"], Resource.from_contents(s)) for s in schemas.values()])
            for pair in sys.argv[3:]:
                name, shape, index = pair.split(":")
                text = open(f"{out}/{index}.json", encoding="utf-8").read()
                if shape == "lines":
                    values = [json.loads(line) for line in text.splitlines() if line.strip()]
                elif shape == "array":
                    values = json.loads(text)
                else:
                    values = [json.loads(text)]
                assert values, f"{pair}: nothing to check"
                for value in values:
                    Draft202012Validator(schemas[name], registry=registry).validate(value)
            """
        let schemaFolder = Fixtures.packageRoot.appendingPathComponent("Schemas/json").path
        let result = try Subprocess.run("/usr/bin/env", ["python3", "-c", script, schemaFolder, folder.path] + pairs)
        return result.status == 0 ? nil : result.standardError
    }
}
