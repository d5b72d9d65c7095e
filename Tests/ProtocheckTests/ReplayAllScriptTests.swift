// scripts/replay-all.sh on a sample that runs in seconds: a registered model whose attacks are
// reflections and an SPDL file, at two runs. Its counts are checked against the verdicts a separate
// `check` gives, and every attack must be confirmed.
import Foundation
import Testing

/// The attack verdicts of a plain check.
private func attacks(_ target: String) throws -> Int {
    let r = try runProtocheck(["check", target, "--max-runs", "2", "--format", "json"])
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    return try #require(doc["results"] as? [[String: Any]]).filter { $0["verdict"] as? String == "attack" }.count
}

@Test func replayAllCountsEveryAttackAsConfirmed() throws {
    let spdl = "Tests/FrontendsTests/spdl/nspk.spdl"
    let script = packageRoot.appendingPathComponent("scripts/replay-all.sh")
    let r = try runToTheEnd(URL(fileURLWithPath: "/bin/bash"), [script.path, "iso9798-2-2-noid", spdl, "--max-runs", "2"],
                    environment: ["PROTOCHECK": try protocheckBinary().path, "TIMEOUT": "0"])
    #expect(r.status == 0, "\(r.out)")
    let lines = r.out.split(separator: "\n").map(String.init)
    let registered = try attacks("iso9798-2-2-noid"), file = try attacks(spdl)
    #expect(registered > 0 && file > 0)
    #expect(lines == [
        "iso9798-2-2-noid: \(registered) of \(registered) attacks confirmed",
        "\(spdl) nspk: \(file) of \(file) attacks confirmed",
        "total: \(registered + file) of \(registered + file) attacks confirmed (models checked: 2)",
    ])
}
