// `check --replay` puts the replay's outcome beside every verdict, in every format: a confirmed one
// from the command line on a real search, and one that is not confirmed from a real search whose
// trace was tampered with, replayed for real and rendered in-process.
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

/// The reflection attacks on ISO 9798-2 without the identity: `k(A,B)` is one key both ways in the
/// search and in replay, so they replay as confirmed.
private let reflection = ["check", "iso9798-2-2-noid", "--max-runs", "2"]

private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite struct CheckReplayFormatTests {
    @Test func textSaysConfirmedBesideTheVerdict() throws {
        let r = try protocheck(reflection + ["--replay"])
        #expect(r.status == 1, "\(r.err)")
        let verdicts = r.out.split(separator: "\n").filter { $0.hasPrefix("iso9798-2-2-noid  ") }
        let attacks = verdicts.filter { $0.contains("  ATTACK") }
        #expect(!attacks.isEmpty)
        #expect(attacks.allSatisfy { $0.contains("ATTACK, confirmed on real cryptography  [bound:") }, "\(attacks)")
        // Without the flag nothing is replayed and nothing is said.
        let plain = try protocheck(reflection)
        #expect(!plain.out.contains("real cryptography"))
    }

    @Test func jsonHasTheReplayKeyOnEveryAttack() throws {
        let r = try protocheck(reflection + ["--replay", "--format", "json"])
        let results = try #require(try json(r.out)["results"] as? [[String: Any]])
        let attacks = results.filter { $0["verdict"] as? String == "attack" }
        #expect(!attacks.isEmpty)
        for a in attacks {
            #expect(a["replay"] as? String == "confirmed", "\(a["property"] ?? "")")
            #expect(a["replayEncoding"] as? String == "tagged")
            #expect(a["replayStep"] == nil && a["replayReason"] == nil)
        }
        #expect(results.filter { $0["verdict"] as? String != "attack" }.allSatisfy { $0["replay"] == nil })
        let plain = try #require(try json(try protocheck(reflection + ["--format", "json"]).out)["results"] as? [[String: Any]])
        #expect(plain.allSatisfy { $0["replay"] == nil })
    }

    @Test func markdownHasAReplayColumn() throws {
        let r = try protocheck(reflection + ["--replay", "--format", "markdown"])
        #expect(r.out.contains("| property | kind | role | setting | verdict | replay | bound | states | time |"))
        let rows = r.out.split(separator: "\n").filter { $0.hasPrefix("| B-") }
        #expect(rows.contains { $0.contains("| attack | confirmed |") }, "\(rows)")
        #expect(r.out.contains("- replay: confirmed on real cryptography"))
        #expect(!(try protocheck(reflection + ["--format", "markdown"])).out.contains("| replay |"))
    }

    @Test func sarifResultsCarryTheReplay() throws {
        let r = try protocheck(reflection + ["--replay", "--format", "sarif"])
        let runs = try #require(try json(r.out)["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        let failing = results.filter { $0["kind"] as? String == "fail" }
        #expect(!failing.isEmpty)
        for f in failing {
            let properties = try #require(f["properties"] as? [String: Any])
            #expect(properties["replay"] as? String == "confirmed")
            #expect(((f["message"] as? [String: Any])?["text"] as? String)?.contains("Replay: confirmed on real cryptography") == true)
        }
    }

    @Test func junitFailuresSayHowTheReplayWent() throws {
        let r = try protocheck(reflection + ["--replay", "--format", "junit"])
        let failures = r.out.split(separator: "\n").filter { $0.contains("<failure type=\"attack\"") }
        #expect(!failures.isEmpty)
        #expect(failures.allSatisfy { $0.contains("(replay: confirmed on real cryptography)\">replay: confirmed on real cryptography") }, "\(failures)")
    }
}

/// Lowe's attack found by the search, with the intruder decrypting under Bob's private key, which it
/// never had: the replay fails at that derivation, which the renderings number as the step it is
/// printed under.
private func tamperedResult() throws -> (result: PropertyResult, step: Int) {
    let model = try #require(Registry.model(named: "nspk"))
    var result = try #require(try Checker(options: CheckOptions(maxRuns: 2, properties: ["B-secret-Nb"])).check(model).first)
    var trace = try #require(result.trace)
    let i = try #require(trace.steps.firstIndex { $0.action == .derive && $0.rule == .decrypt })
    trace.steps[i].premises = [trace.steps[i].premises![0], .app(.sk, [.atom(.agent("Bob"))])]
    result.trace = trace
    result.replay = Replayer(model: model).replay(trace).outcome(of: trace)
    return (result, try #require(trace.shownNumber(ofStepAt: i)))
}

@Suite struct NotConfirmedReplayTests {
    @Test func everyFormatMarksAnAttackThatDoesNotReplay() throws {
        let (r, step) = try tamperedResult()
        let outcome = try #require(r.replay)
        #expect(!outcome.confirmed)
        #expect(outcome.step == step)
        #expect(outcome.reason?.contains("does not hold sk(Bob)") == true, "\(outcome)")

        let text = TextRenderer.render([r])
        #expect(text.contains("ATTACK, NOT confirmed: step \(step), "), "\(text)")

        let object = try json(try JSONRenderer.render([r], version: protocheckVersion))
        let entry = try #require((object["results"] as? [[String: Any]])?.first)
        #expect(entry["replay"] as? String == "not-confirmed")
        #expect(entry["replayStep"] as? Int == step)
        #expect((entry["replayReason"] as? String)?.contains("does not hold sk(Bob)") == true)

        let model = try #require(Registry.model(named: "nspk"))
        let markdown = MarkdownReport.render(model: model, results: [r])
        #expect(markdown.contains("| NOT confirmed (step \(step)) |"))
        #expect(markdown.contains("## B-secret-Nb: attack, NOT confirmed on real cryptography"))
        #expect(MarkdownReport.render(trace: r.trace!, replay: outcome).contains("Replay: NOT confirmed: step \(step), "))
        let html = HTMLReport.render(model: model, results: [r])
        #expect(html.contains("<td class=\"not-confirmed\">NOT confirmed (step \(step))</td>"))

        let sarif = try json(try SARIFRenderer.render([r], sources: .none, version: protocheckVersion))
        let properties = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first?["properties"] as? [String: Any])
        #expect(properties["replay"] as? String == "not-confirmed")
        #expect(properties["replayStep"] as? Int == step)

        let junit = JUnitRenderer.render([r])
        #expect(junit.contains("(replay: NOT confirmed: step \(step), "))
    }

    @Test func committedFilesLeaveOutTheBytesOfAFailedReplay() throws {
        // Each replay draws new keys and nonces: a reason that quotes bytes would change every run.
        let (r, _) = try tamperedResult()
        var withBytes = r
        withBytes.replay?.reason = "Nb received as 0a1b2c3d…(37 bytes), expected 00ff00ff00ff00ff0011"
        #expect(ReportWriter.stable([withBytes])[0].replay?.reason == "Nb received as …, expected …")
        #expect(ReportWriter.stable([r])[0].replay?.reason == r.replay?.reason)
    }
}
