import Engine
import Foundation
import Results
import Testing
import Traces

@Suite struct SARIFRendererTests {
    /// shared/ sits beside the repository (CI clones it there); /work/shared on a developer's machine.
    static let schema: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [root.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json").path,
                          "/work/shared/schemas/sarif-schema-2.1.0.json"]
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[0]
    }()

    /// Validates with python3's `jsonschema` (installs nothing: a missing module fails the test with a message).
    static func validate(_ document: String) throws -> (status: Int32, output: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("out.sarif")
        try document.write(to: file, atomically: true, encoding: .utf8)
        let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("python3 module jsonschema is not installed (pip install jsonschema); cannot validate SARIF")
            sys.exit(3)
        schema = json.load(open(sys.argv[1]))
        # The shared copy keeps the log object under definitions/Root with nothing at the top level,
        # so as it stands it accepts any document: validate against Root explicitly.
        if "properties" not in schema and "$ref" not in schema:
            if "Root" not in schema.get("definitions", {}):
                print("schema has neither a top-level object nor definitions/Root")
                sys.exit(4)
            schema = dict(schema)
            schema["$ref"] = "#/definitions/Root"
        doc = json.load(open(sys.argv[2]))
        validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
        errors = list(validator.iter_errors(doc))
        for e in errors:
            print("/".join(map(str, e.absolute_path)) + ": " + e.message)
        sys.exit(1 if errors else 0)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func validatesAgainstTheSchema() throws {
        let sarif = try SARIFRenderer.render(Fixtures.results(), sources: Fixtures.sources, version: "0.1.0")
        let (status, output) = try Self.validate(sarif)
        #expect(status == 0, "SARIF does not validate: \(output)")
    }

    @Test func validatesWithoutAModelFileAndWithoutResults() throws {
        let noFile = try SARIFRenderer.render(Fixtures.results(), sources: .none, version: "0.1.0")
        #expect(!noFile.contains("physicalLocation"))
        let (status, output) = try Self.validate(noFile)
        #expect(status == 0, "SARIF does not validate: \(output)")
        let empty = try SARIFRenderer.render([], sources: .none, version: "0.1.0")
        let (emptyStatus, emptyOutput) = try Self.validate(empty)
        #expect(emptyStatus == 0, "SARIF does not validate: \(emptyOutput)")
    }

    @Test func schemaCheckCatchesABrokenDocument() throws {
        // Guards the validation above: a document the schema rejects must fail it.
        let (status, _) = try Self.validate(#"{"version": "2.1.0", "runs": [{"tool": {}}]}"#)
        #expect(status == 1)
    }

    @Test func oneResultPerAttackAndInconclusive() throws {
        let sarif = try SARIFRenderer.render(Fixtures.results(), sources: Fixtures.sources, version: "0.1.0")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["protocheck/secrecy", "protocheck/non-injective-agreement"])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results[0]["ruleId"] as? String == "protocheck/secrecy")
        #expect(results[0]["level"] as? String == "error")
        #expect(results[0]["kind"] as? String == "fail")
        let text = try #require((results[0]["message"] as? [String: Any])?["text"] as? String)
        #expect(text.hasPrefix("B believes the intruder never learns Nb. Violated: the intruder knows Nb#2"))
        let uri = ((((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]) as? [String: Any])?["uri"] as? String
        #expect(uri == "models/NSPK.swift")
        let region = (((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]) as? [String: Any]
        let startLine = region?["startLine"] as? Int
        #expect(startLine == 12)
        #expect(results[1]["kind"] as? String == "open")
        #expect(results[1]["level"] as? String == "none")
        #expect(results[1]["ruleIndex"] as? Int == 1)
    }
}
