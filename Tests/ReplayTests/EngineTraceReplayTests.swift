// Attacks found by the real search, replayed on real cryptography.
import Engine
import Results
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

@Test func attestedKWithAKeyTheIntruderNeverHadIsNotConfirmed() throws {
    let model = try #require(Registry.model(named: "attested-k"))
    let results = try Checker(options: CheckOptions(maxRuns: 2, properties: ["secret-K-SE"])).check(model)
    var trace = try #require(results.first?.trace)
    // The intruder opens EK with the SE's private key instead of the one its substituted key pairs with.
    let i = try #require(trace.steps.firstIndex { $0.action == .derive && $0.rule == .decrypt })
    let se = try #require(trace.runs.first { $0.role == "SE" }?.agent)
    trace.steps[i].premises = [trace.steps[i].premises![0], .app(.sk, [.atom(.agent(se))])]
    let report = Replayer(model: model).replay(trace)
    #expect(!report.confirmed)
    #expect(report.failure?.stepIndex == i)
    #expect(report.failure?.reason.contains("does not hold sk(\(se))") == true, "\(report.render())")
}

@Test func aSwappedNonceInAnEngineTraceFailsAtTheHonestCheck() throws {
    let model = try #require(Registry.model(named: "nspk"))
    let results = try Checker(options: CheckOptions(maxRuns: 2, properties: ["B-secret-Nb"])).check(model)
    var trace = try #require(results.first?.trace)
    // The intruder answers Bob's message 3 with a nonce of its own instead of Bob's Nb.
    let r = try #require(trace.steps.lastIndex { $0.action == .receive && $0.run == trace.steps.last?.run })
    let nb = try #require(trace.steps.last?.term)
    let mine = Term.atom(Atom("nE", sort: .nonce, kind: .constant(isPublic: true)))
    func swap(_ t: Term) -> Term { t.mapLeaves { $0 == nb ? mine : $0 } }
    for i in trace.steps.indices where trace.steps[i].action == .derive && trace.steps[i].term == trace.steps[r].term {
        trace.steps[i].term = swap(trace.steps[i].term)
        trace.steps[i].premises = trace.steps[i].premises?.map(swap)
    }
    trace.steps[r].term = swap(trace.steps[r].term)
    #expect(trace.steps[r].term != results.first?.trace?.steps[r].term)
    let report = Replayer(model: model).replay(trace)
    #expect(!report.confirmed)
    #expect(report.failure?.stepIndex == r, "\(report.render())")
    #expect(report.failure?.reason.contains("Nb received as") == true, "\(report.render())")
}
