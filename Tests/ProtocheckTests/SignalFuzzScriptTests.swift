// scripts/signal-fuzz.sh in CI, with a few rounds: signals at random times (a fixed seed) during
// searches and reports, and the malformed inputs. The script fails on a crash, a partial report
// folder or a silent pass; the test reads its summary too, so that a script that stopped early
// cannot pass.
import Foundation
import Testing

@Test func signalsAndMalformedInputsNeverCrashNorPassSilently() throws {
    let r = try runToTheEnd(URL(fileURLWithPath: "/bin/bash"), ["scripts/signal-fuzz.sh", "8"],
                            environment: ["PROTOCHECK": try protocheckBinary().path, "SEED": "7"])
    let (o, e) = (r.out, r.err)
    #expect(r.status == 0, "\(o)\n\(e)")
    // 8 rounds and 14 malformed inputs; a run that ended before its signal came counts no signal.
    let summary = try #require(o.firstMatch(of: /inputs tried: (\d+), signals sent: (\d+), crashes: 0, partial folders: 0, silent passes: 0/), "\(o)\n\(e)")
    #expect(Int(summary.1) == 22)
    #expect((Int(summary.2) ?? 0) >= 1)
}
