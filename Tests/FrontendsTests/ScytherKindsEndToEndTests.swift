import Engine
@testable import Frontends
import Model
import Replay
import Results
import Terms
import Testing

/// Scyther's claim kinds end to end: the goal-directed search's attacks replay on real cryptography,
/// and the explicit-state engine, the cross-check, gives the same verdicts where it judges the kind
/// in full (it judges synchronisation without the order of events: docs/modelling.md).
@Suite struct ScytherKindsEndToEndTests {
    /// The model of `protocol` in one of our SPDL files (its last protocol when nil).
    func model(_ file: String, _ name: String? = nil) throws -> ProtocolModel {
        let (text, path) = try Corpus.twin(file)
        let models = try SPDL.parse(text, file: path)
        return try #require(name.map { n in models.first { $0.name == n } } ?? models.last)
    }

    func attack(_ m: ProtocolModel, _ property: String, runs: Int = 3) throws -> Trace {
        let r = try #require(try Checker(options: CheckOptions(maxRuns: runs, properties: [property])).check(m).first)
        #expect(r.verdict == .attack, "\(m.name) \(property): \(r.verdict)")
        return try #require(r.trace)
    }

    @Test(arguments: [("nspk", "Weakagree_b4"), ("nspk", "Niagree_b5"), ("nspk", "Nisynch_b6"), ("sync-order", "Nisynch_b2"),
                      ("helper", "Alive_r1"), ("nsl-beside-broken", "Secret_i1"), ("nsl-beside-broken", "Nisynch_i2")])
    func attacksReplayOnRealCryptography(_ file: String, _ property: String) throws {
        let m = try model(file)
        let trace = try attack(m, property)
        let report = Replayer(model: m).replay(trace)
        #expect(report.confirmed, "\(report.render())")
    }

    /// The synchronisation attack is the order of two steps: with A's message 1 sent before B
    /// receives it, the same bytes synchronise, and replay says so.
    @Test func replayJudgesTheOrderOfSynchronisation() throws {
        let m = try model("sync-order")
        var trace = try attack(m, "Nisynch_b2")
        let send1 = try #require(trace.steps.firstIndex { $0.action == .send && $0.label == "1" })
        let receive1 = try #require(trace.steps.firstIndex { $0.action == .receive && $0.label == "1" })
        #expect(receive1 < send1, "the attack receives message 1 before it is sent")
        trace.steps.insert(trace.steps.remove(at: send1), at: 0)
        let report = Replayer(model: m).replay(trace)
        #expect(!report.confirmed, "\(report.render())")
        #expect(report.evidence.contains("in order"), "\(report.evidence)")
    }

    @Test(arguments: [("nspk", ["Alive_a3", "Alive_b3", "Weakagree_a4", "Weakagree_b4", "Niagree_a5", "Niagree_b5"]),
                      ("reachable", ["Reachable_a1", "Reachable_a2", "Reachable_b1"]),
                      ("helper", ["Alive_r1", "Reachable_r2"])])
    func bothEnginesGiveTheSameVerdicts(_ file: String, _ properties: [String]) throws {
        let m = try model(file)
        func verdicts(_ engine: SearchEngine) throws -> [String: Verdict] {
            let rs = try Checker(options: CheckOptions(maxRuns: 2, properties: Set(properties), engine: engine)).check(m)
            return Dictionary(uniqueKeysWithValues: rs.map { ($0.property, $0.verdict) })
        }
        let goal = try verdicts(.goal), explicit = try verdicts(.explicit)
        #expect(goal == explicit)
        #expect(Set(goal.values).contains(.attack) && Set(goal.values).contains(.verified))
    }
}
