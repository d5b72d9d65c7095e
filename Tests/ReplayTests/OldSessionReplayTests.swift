// Attacks that use an old session: its messages replayed as recorded bytes and its revealed key.
// Written by hand as the engine prints them (old runs, reveals shown as sends), so that the replay
// is ready for these findings before the search reports them.
@testable import Engine
import Model
import Models
import Terms
import Testing
@testable import Replay

/// Denning-Sacco on Needham-Schroeder symmetric key: the old session (runs 1-3) finishes and
/// Alice's KAB leaks; the intruder replays message 3 to a new run of Bob and answers NB - 1.
private func denningSacco(tamperedAnswer: Bool = false) throws -> (ProtocolModel, Trace) {
    let model = try #require(Registry.model(named: "ns-symmetric"))
    let alice = name("Alice"), bob = name("Bob"), s = name("S")
    let na = fresh("NA", 1), nb = fresh("NB", 2), nbNew = fresh("NB", 4), kab = fresh("KAB", 3, .key)
    let ticket = senc(kab, alice, key: k(bob, s))
    let answer = senc(Term.plus(tamperedAnswer ? nb : nbNew, -1), key: kab)
    let bindings = ["A": "Alice", "B": "Bob", "S": "S"]
    let runs = [
        Trace.Run(number: 1, role: "A", agent: "Alice", bindings: bindings, old: true),
        Trace.Run(number: 2, role: "B", agent: "Bob", bindings: bindings, old: true),
        Trace.Run(number: 3, role: "S", agent: "S", bindings: bindings, old: false),
        Trace.Run(number: 4, role: "B", agent: "Bob", bindings: bindings, old: false),
    ]
    let steps: [Trace.Step] = [
        send("Alice", 1, "1", tuple(alice, bob, na)),
        recv("S", 3, "1", tuple(alice, bob, na)),
        send("S", 3, "2", senc(na, kab, bob, ticket, key: k(alice, s))),
        recv("Alice", 1, "2", senc(na, kab, bob, ticket, key: k(alice, s))),
        send("Alice", 1, "3", ticket),
        recv("Bob", 2, "3", ticket),
        send("Bob", 2, "4", senc(nb, key: kab)),
        recv("Alice", 1, "4", senc(nb, key: kab)),
        send("Alice", 1, "5", senc(Term.plus(nb, -1), key: kab)),
        recv("Bob", 2, "5", senc(Term.plus(nb, -1), key: kab)),
        Trace.Step(actor: "Alice", run: 1, action: .send, label: "reveal", term: kab, note: "old session key revealed"),
        recv("Bob", 4, "3", ticket),
        send("Bob", 4, "4", senc(nbNew, key: kab)),
        // Tampered: the intruder opens the old session's message 4 instead of the new one.
        tamperedAnswer ? derive(.decrypt, nb, senc(nb, key: kab), kab) : derive(.decrypt, nbNew, senc(nbNew, key: kab), kab),
        derive(.compose, answer, tamperedAnswer ? nb : nbNew, kab),
        recv("Bob", 4, "5", answer),
        claim("Bob", 4, "ni-agree-A-KAB-NB@old-session-key-compromised"),
    ]
    let trace = Trace(model: model.name, property: "ni-agree-A-KAB-NB@old-session-key-compromised", kind: .nonInjectiveAgreement,
                      role: "B", setting: "old-session-key-compromised", intruder: "Eve", runs: runs, steps: steps,
                      witness: [], violation: "hand-written")
    return (model, trace)
}

@Test func denningSaccoReplaysWithTheRecordedTicketAndTheRevealedKey() throws {
    let (model, trace) = try denningSacco()
    let report = Replayer(model: model).replay(trace)
    #expect(report.confirmed, "\(report.render())")
    #expect(report.steps.contains { $0.action == "reveal" && $0.actor == "Alice" })
    #expect(report.evidence.contains("no partner run has matching data"), "\(report.evidence)")
}

@Test func denningSaccoWithTheOldNonceIsRejectedByBob() throws {
    // The intruder answers the new run with the old session's NB - 1: Bob's check of his own nonce
    // catches it at the receive of message 5.
    let (model, trace) = try denningSacco(tamperedAnswer: true)
    let report = Replayer(model: model).replay(trace)
    #expect(!report.confirmed)
    #expect(report.failure?.stepIndex == 15, "\(report.render())")
    #expect(report.failure?.reason.contains("was expected") == true, "\(report.render())")
}
