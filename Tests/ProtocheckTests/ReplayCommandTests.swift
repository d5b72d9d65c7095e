// `protocheck replay`: exit 0 when the attack is confirmed on bytes, 2 with a clear error on bad input.
import Foundation
import Testing

private func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) { try runProtocheck(args) }

private func temporaryFile(_ contents: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID()).json")
    try Data(contents.utf8).write(to: url)
    return url
}

/// A fresh attack from the search (the committed attacks/ may lag behind the models).
private func attestedKAttack() throws -> String {
    let r = try run(["check", "attested-k", "--max-runs", "2", "--property", "secret-K-SE", "--format", "json"])
    #expect(r.status == 1, "\(r.err)")
    return r.out
}

@Test func aFoundAttackReplaysConfirmedWithExitZero() throws {
    let file = try temporaryFile(try attestedKAttack())
    let text = try run(["replay", file.path])
    #expect(text.status == 0, "\(text.out)\(text.err)")
    #expect(text.out.contains("CONFIRMED"))
    #expect(text.out.hasPrefix("replay of attested-k secret-K-SE (secrecy, SE's view), setting standard, registered model, tagged wire\n"), "\(text.out)")
    let json = try run(["replay", file.path, "--format", "json"])
    #expect(json.status == 0)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    #expect(report["confirmed"] as? Bool == true)
    let replays = try #require(report["replays"] as? [[String: Any]])
    #expect(replays.map { $0["property"] as? String } == ["secret-K-SE"])
    #expect(replays.first?["model"] as? String == "attested-k" && replays.first?["replay"] as? String == "confirmed")
}

/// An attack on a model read from an SPDL file: the trace records the file, and `replay` reads it
/// the way `check` does. Several attacks in one file make one JSON document.
@Test func anSPDLAttackFileReplaysConfirmed() throws {
    let spdl = "Tests/FrontendsTests/spdl/nspk.spdl"
    let check = try run(["check", spdl, "--max-runs", "2", "--format", "json"])
    #expect(check.status == 1, "\(check.err)")
    let checked = try #require(try JSONSerialization.jsonObject(with: Data(check.out.utf8)) as? [String: Any])
    let attacks = try #require(checked["results"] as? [[String: Any]]).filter { $0["verdict"] as? String == "attack" }
    #expect(attacks.count >= 2, "a file of one attack would not show one document for several")
    #expect(attacks.allSatisfy { ($0["trace"] as? [String: Any])?["modelFile"] as? String == spdl })
    let file = try temporaryFile(check.out)

    let text = try run(["replay", file.path])
    #expect(text.status == 0, "\(text.out)\(text.err)")
    #expect(text.out.contains("replay of nspk \(attacks[0]["property"] as! String) ") && text.out.contains("model file \(spdl)"))
    #expect(text.out.components(separatedBy: "replay: CONFIRMED on real cryptography").count - 1 == attacks.count)
    #expect(text.out.hasSuffix("\(attacks.count) of \(attacks.count) attacks confirmed\n"))

    let json = try run(["replay", file.path, "--format", "json"])
    #expect(json.status == 0)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    let replays = try #require(document["replays"] as? [[String: Any]])
    #expect(replays.map { $0["property"] as? String } == attacks.map { $0["property"] as? String })
    #expect(replays.allSatisfy { $0["replay"] as? String == "confirmed" && $0["modelFile"] as? String == spdl })
}

/// The committed attack files name no model file (registered models): they replay as they are, the
/// reflection attack on ISO 9798-2 without identities among them.
@Test func aCommittedAttackFileReplaysConfirmed() throws {
    let r = try run(["replay", "attacks/iso9798-2-2-noid/B-alive.json"])
    #expect(r.status == 0, "\(r.out)\(r.err)")
    #expect(r.out.contains("replay: CONFIRMED on real cryptography"))
}

@Test func aTraceWhoseModelFileIsGoneExitsTwo() throws {
    let check = try run(["check", "Tests/FrontendsTests/spdl/nspk.spdl", "--max-runs", "2", "--property", "Secret_b1", "--format", "json"])
    let file = try temporaryFile(check.out.replacingOccurrences(of: "Tests/FrontendsTests/spdl/nspk.spdl", with: "gone/nspk.spdl"))
    let r = try run(["replay", file.path])
    #expect(r.status == 2)
    #expect(r.err.contains("unknown model 'nspk' (cannot read its model file gone/nspk.spdl)"), "\(r.err)")
}

@Test func aTruncatedAttackFileExitsTwoWithAClearError() throws {
    let whole = try attestedKAttack()
    let file = try temporaryFile(String(whole.prefix(whole.count / 2)))
    let r = try run(["replay", file.path])
    #expect(r.status == 2)
    #expect(r.out.isEmpty)
    #expect(r.err.contains(file.path) && r.err.contains("not an attack trace") && r.err.contains("not valid JSON"), "\(r.err)")
}

@Test func malformedAttackFilesExitTwo() throws {
    let notJSON = try temporaryFile("attack: yes\n")
    let noTrace = try temporaryFile(#"{"tool":"protocheck","results":[]}"#)
    let missingFields = try temporaryFile(#"{"model":"attested-k","steps":[]}"#)
    let unknownModel = try temporaryFile(try attestedKAttack().replacingOccurrences(of: #""model" : "attested-k""#, with: #""model" : "no-such-model""#))
    let cases: [(URL, String)] = [
        (notJSON, "not an attack trace"), (noTrace, "holds no attack trace"),
        (missingFields, "not an attack trace"), (unknownModel, "unknown model 'no-such-model'"),
    ]
    for (file, message) in cases {
        let r = try run(["replay", file.path])
        #expect(r.status == 2, "\(file.lastPathComponent): \(r.out)")
        #expect(r.err.contains(message), "\(r.err)")
    }
    let missing = try run(["replay", "/nonexistent/attack.json"])
    #expect(missing.status == 2)
    #expect(missing.err.contains("cannot read"))
    let encoding = try run(["replay", noTrace.path, "--encoding", "base64"])
    #expect(encoding.status == 2)
    #expect(encoding.err.contains("--encoding"))
}

/// A found attack in which the intruder decrypts with a private key it never had: `replay` exits 1 and
/// names the step as the trace's text numbers it, in text and in JSON alike.
@Test func aTamperedAttackIsNotConfirmedAtItsStep() throws {
    let whole = try attestedKAttack()
    var doc = try #require(try JSONSerialization.jsonObject(with: Data(whole.utf8)) as? [String: Any])
    var results = try #require(doc["results"] as? [[String: Any]])
    var trace = try #require(results[0]["trace"] as? [String: Any])
    var steps = try #require(trace["steps"] as? [[String: Any]])
    let i = try #require(steps.firstIndex { $0["action"] as? String == "derive" && $0["rule"] as? String == "decrypt" })
    var premises = try #require(steps[i]["premises"] as? [[String: Any]])
    let se = try #require((trace["runs"] as? [[String: Any]])?.first { $0["role"] as? String == "SE" }?["agent"] as? String)
    premises[1] = ["fn": "sk", "args": [["atom": se, "kind": "agent", "sort": "agent"]]]
    steps[i]["premises"] = premises
    trace["steps"] = steps
    results[0]["trace"] = trace
    doc["results"] = results
    let file = try temporaryFile(String(decoding: try JSONSerialization.data(withJSONObject: doc), as: UTF8.self))

    let json = try run(["replay", file.path, "--format", "json"])
    #expect(json.status == 1)
    let replay = try #require(((try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])?["replays"] as? [[String: Any]])?.first)
    #expect(replay["replay"] as? String == "not-confirmed")
    let step = try #require(replay["step"] as? Int)
    #expect((replay["reason"] as? String)?.contains("does not hold sk(\(se))") == true, "\(replay)")
    let text = try run(["replay", file.path])
    #expect(text.status == 1)
    #expect(text.out.contains("replay: NOT confirmed: step \(step) of the trace, Eve decrypts "), "\(text.out)")
}
