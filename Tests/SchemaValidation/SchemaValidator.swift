import Foundation

/// Validates JSON text against a JSON schema with Python's `jsonschema` (Draft 4), the
/// reference validator SARIF producers use. CI installs it (`apt-get install python3-jsonschema`).
/// Shared by the Reporters and CLI tests.
public enum SchemaValidator {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources")

    static let script = """
    import json, sys
    try:
        import jsonschema
    except ImportError:
        print("the Python module 'jsonschema' is missing")
        sys.exit(3)
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        document = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        print("/" + "/".join(str(p) for p in error.absolute_path) + ": " + error.message)
    sys.exit(1 if errors else 0)
    """

    /// Returns the validator's complaints (empty when valid); throws when it cannot run.
    public static func errors(in json: String, schema: String) throws -> [String] {
        let schemaURL = resources.appendingPathComponent(schema)
        guard FileManager.default.fileExists(atPath: schemaURL.path) else {
            throw Failure(description: "schema not found at \(schemaURL.path)")
        }
        let document = FileManager.default.temporaryDirectory
            .appendingPathComponent("claimcheck-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: document)
        defer { try? FileManager.default.removeItem(at: document) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemaURL.path, document.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run python3 (\(error)); install python3 and python3-jsonschema")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        switch process.terminationStatus {
        case 0: return []
        case 1: return text.split(separator: "\n").map(String.init)
        case 3: throw Failure(description: "\(text.trimmingCharacters(in: .whitespacesAndNewlines)); "
            + "install python3-jsonschema (apt-get install python3-jsonschema, or pip install jsonschema)")
        case 127: throw Failure(description: "python3 not found; install python3 and python3-jsonschema")
        default: throw Failure(description: "schema validator failed (status \(process.terminationStatus)): \(text)")
        }
    }
}
