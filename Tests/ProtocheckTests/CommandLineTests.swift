// The command-line contract: formats and exit statuses, by running the built binary.
import Engine
import Foundation
import Model
import Models
import ProtocheckKit
import Replay
import Results
import Terms
import Testing
import Traces

private func protocheck(_ args: [String]) throws -> (status: Int32, out: String, err: String) { try runProtocheck(args) }

@Test func attackExitsOneWithAJSONTrace() throws {
    let r = try protocheck(["check", "nspk", "--max-runs", "2", "--property", "B-secret-Nb", "--format", "json"])
    #expect(r.status == 1)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect(json["tool"] as? String == "protocheck")
    let result = try #require((json["results"] as? [[String: Any]])?.first)
    #expect(result["verdict"] as? String == "attack")
    #expect(result["kind"] as? String == "secrecy")
    #expect(result["role"] as? String == "B")
    #expect((result["bound"] as? [String: Any])?["maxRuns"] as? Int == 2)
    #expect(((result["trace"] as? [String: Any])?["steps"] as? [Any])?.isEmpty == false)
}

@Test func verifiedExitsZero() throws {
    let r = try protocheck(["check", "iso9798-2-2", "--max-runs", "2"])
    #expect(r.status == 0)
    #expect(r.out.contains("VERIFIED"))
}

@Test func badInputExitsTwo() throws {
    let unknown = try protocheck(["check", "no-such-model"])
    #expect(unknown.status == 2)
    #expect(unknown.err.contains("no-such-model"))
    #expect(try protocheck(["check", "nspk", "--no-such-flag"]).status == 2)
    #expect(try protocheck(["check", "nspk", "--property", "nope"]).status == 2)
    let truncated = FileManager.default.temporaryDirectory.appendingPathComponent("truncated-\(UUID()).json")
    try Data("{\"tool\":\"protocheck\",\"results\":[{\"trace\":{\"model\":".utf8).write(to: truncated)
    #expect(try protocheck(["replay", truncated.path]).status == 2)
}

@Test func expectationsGateOnVerdicts() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("expect-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    // The verdicts come from a real search, so the file states whatever the model gives today.
    let run = try protocheck(["check", "iso9798-2-2-noid", "--max-runs", "2", "--format", "json"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
    let verdicts = try #require(json["results"] as? [[String: Any]]).map { ($0["property"] as! String, $0["verdict"] as! String) }
    try #require(verdicts.count >= 2)
    func yaml(_ entries: [(String, String)]) -> String { "iso9798-2-2-noid:\n" + entries.map { "  \($0.0): \($0.1)\n" }.joined() }
    func flip(_ v: String) -> String { v == "attack" ? "verified" : "attack" }
    let good = dir.appendingPathComponent("good.yaml"), bad = dir.appendingPathComponent("bad.yaml"), unknown = dir.appendingPathComponent("unknown.yaml")
    try yaml(verdicts).write(to: good, atomically: true, encoding: .utf8)
    try yaml(verdicts.map { ($0.0, flip($0.1)) }).write(to: bad, atomically: true, encoding: .utf8)
    try yaml(verdicts + [("B-nothing", "attack")]).write(to: unknown, atomically: true, encoding: .utf8)

    let same = try protocheck(["check", "iso9798-2-2-noid", "--max-runs", "2", "--expect", good.path])
    #expect(same.status == 0)
    #expect(same.err.isEmpty)

    // One line per property whose verdict differs, and nothing else on stderr.
    let diff = try protocheck(["check", "iso9798-2-2-noid", "--max-runs", "2", "--expect", bad.path])
    #expect(diff.status == 1)
    #expect(diff.err.split(separator: "\n").map(String.init)
            == verdicts.map { "iso9798-2-2-noid \($0.0): expected \(flip($0.1)), got \($0.1)" })

    let missing = try protocheck(["check", "iso9798-2-2-noid", "--max-runs", "2", "--expect", unknown.path])
    #expect(missing.status == 2)
    #expect(missing.err.contains("no such property: iso9798-2-2-noid B-nothing"))
}

@Test func checkWritesSARIFAndJUnitFilesBesideItsOutput() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("files-\(UUID())")
    defer { try? FileManager.default.removeItem(at: dir) }
    let sarif = dir.appendingPathComponent("out/log.sarif"), junit = dir.appendingPathComponent("out/junit.xml")
    let r = try protocheck(["check", "iso9798-2-2-noid", "--max-runs", "2", "--sarif", sarif.path, "--junit", junit.path])
    #expect(r.status == 1)
    #expect(r.out.contains("ATTACK"))
    let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: sarif)) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    #expect(try String(contentsOf: junit, encoding: .utf8).contains("<testsuite name=\"iso9798-2-2-noid\""))
}

@Test func defaultBoundIsTheCommittedOne() throws {
    let r = try protocheck(["check", "iso9798-2-2-noid", "--format", "json"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    let result = try #require((json["results"] as? [[String: Any]])?.first)
    #expect((result["bound"] as? [String: Any])?["maxRuns"] as? Int == ReportSettings.committed.maxRuns)
}

/// A Scyther model runs as written: several protocols side by side, a helper protocol, Scyther's
/// claim kinds named in the JSON `kind`.
@Test func scytherModelsRunWithoutEdits() throws {
    func results(_ file: String) throws -> (Int32, [[String: Any]]) {
        let r = try protocheck(["check", "Tests/FrontendsTests/spdl/\(file)", "--max-runs", "3", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(r.err)")
        return (r.status, try #require(json["results"] as? [[String: Any]]))
    }
    func find(_ rs: [[String: Any]], _ model: String, _ property: String) -> [String: Any]? {
        rs.first { $0["model"] as? String == model && $0["property"] as? String == property }
    }
    let (beside, together) = try results("nsl-beside-broken.spdl")
    #expect(beside == 1)
    #expect(find(together, "nsl", "Nisynch_i2")?["kind"] as? String == "non-injective-synchronisation")
    #expect(find(together, "nsl", "Nisynch_i2")?["verdict"] as? String == "attack")
    #expect(find(together, "nsl", "Secret_r1")?["verdict"] as? String == "verified")
    let (_, helper) = try results("helper.spdl")
    #expect(find(helper, "alive", "Alive_r1")?["verdict"] as? String == "attack")
    #expect(find(helper, "alive", "Reachable_r2")?["kind"] as? String == "reachability")
    #expect(find(helper, "alive", "Reachable_r2")?["verdict"] as? String == "verified")
    let (_, nspk) = try results("nspk.spdl")
    #expect(find(nspk, "nspk", "Weakagree_b4")?["kind"] as? String == "scyther-weak-agreement")
    #expect(find(nspk, "nspk", "Niagree_b5")?["kind"] as? String == "non-injective-message-agreement")
}

@Test func aFileOfHelperProtocolsOnlyIsAnError() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("helpers-\(UUID()).spdl")
    try "protocol @h(X) { role X { var Y: Agent; recv_!1(Y,X, Y); send_!2(X,Y, {X}sk(X)); } }\n".write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let r = try protocheck(["check", file.path])
    #expect(r.status == 2)
    #expect(r.err.contains(file.path) && r.err.contains("no protocol to check"))
}

/// An attack on an SPDL model replays from its JSON file, given the model file.
@Test func replayTakesTheModelFileOfAnSPDLAttack() throws {
    let spdl = "Tests/FrontendsTests/spdl/sync-order.spdl"
    let r = try protocheck(["check", spdl, "--max-runs", "3", "--property", "Nisynch_b2", "--format", "json"])
    #expect(r.status == 1)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("sync-\(UUID()).json")
    try r.out.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let replay = try protocheck(["replay", file.path, "--model", spdl])
    #expect(replay.status == 0, "\(replay.out) \(replay.err)")
    #expect(replay.out.contains("CONFIRMED"))
    // The trace names its model file, so the file alone replays too.
    let named = try protocheck(["replay", file.path])
    #expect(named.status == 0 && named.out.contains("CONFIRMED"), "\(named.out) \(named.err)")
    // A trace that names no file (an older protocheck wrote it) asks for --model.
    let anonymous = FileManager.default.temporaryDirectory.appendingPathComponent("sync-anon-\(UUID()).json")
    try stripModelFile(r.out).write(to: anonymous, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: anonymous) }
    let unknown = try protocheck(["replay", anonymous.path])
    #expect(unknown.status == 2 && unknown.err.contains("--model"), "\(unknown.err)")
    let given = try protocheck(["replay", anonymous.path, "--model", spdl])
    #expect(given.status == 0 && given.out.contains("CONFIRMED"), "\(given.out) \(given.err)")
}

/// A check's JSON with every trace's model file removed.
private func stripModelFile(_ json: String) throws -> String {
    func strip(_ value: Any) -> Any {
        if var object = value as? [String: Any] {
            object["modelFile"] = nil
            return object.mapValues(strip)
        }
        if let array = value as? [Any] { return array.map(strip) }
        return value
    }
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
    return String(decoding: try JSONSerialization.data(withJSONObject: strip(object)), as: UTF8.self)
}
