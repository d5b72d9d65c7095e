// Attacks found by the real search, replayed on real cryptography.
import Engine
import Models
import Replay
import Terms
import Testing

@Test func lowesAttackReplaysOnBytes() throws {
    // The registered model, not the hand-written fixture of the same name in this target.
    let model = try #require(Registry.model(named: "nspk"))
    let results = try Checker(options: CheckOptions(maxRuns: 2, properties: ["B-secret-Nb"])).check(model)
    let trace = try #require(results.first?.trace)
    let report = Replayer(model: model).replay(trace)
    #expect(report.confirmed, "\(report.render())")

    // Tampered: the intruder decrypts with Bob's private key, which it never had.
    var tampered = trace
    let i = try #require(tampered.steps.firstIndex { $0.action == .derive && $0.rule == .decrypt })
    let bob = Term.atom(.agent("Bob"))
    tampered.steps[i].premises = [tampered.steps[i].premises![0], .app(.sk, [bob])]
    let bad = Replayer(model: model).replay(tampered)
    #expect(!bad.confirmed)
    #expect(bad.failure?.stepIndex == i)
}

@Test func attestedKSubstitutionReplaysOnBytes() throws {
    let model = try #require(Registry.model(named: "attested-k"))
    let results = try Checker(options: CheckOptions(maxRuns: 2, properties: ["secret-K-SE"])).check(model)
    let trace = try #require(results.first?.trace)
    let report = Replayer(model: model).replay(trace)
    #expect(report.confirmed, "\(report.render())")
    #expect(report.evidence.contains("equals"))
}
