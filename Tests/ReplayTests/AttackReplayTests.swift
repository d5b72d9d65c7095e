@testable import Engine
import Foundation
import Model
@testable import Replay
import Results
import Terms
import Testing

@Suite struct AttackReplayTests {
    @Test func loweAttackIsConfirmedOnRealRSA() throws {
        let report = Replayer(model: nspk).replay(loweAttack())
        #expect(report.failure == nil)
        #expect(report.confirmed)
        #expect(report.evidence.contains("Nb#2"))
        #expect(report.steps.contains { $0.action == "derive" && $0.label == "decrypt" })
        let text = report.render()
        #expect(text.contains("CONFIRMED"))
        #expect(text.contains("…("))
        let json = try JSONDecoder().decode(ReplayReport.self, from: Data(report.render(text: false).utf8))
        #expect(json == report)
    }

    @Test func decryptingWithAKeyTheIntruderNeverHadFails() {
        var trace = loweAttack()
        // Step 7: decrypt message 3 with Alice's private key instead of its own.
        trace.steps[7].premises = [aenc(fresh("Nb", 2), key: pk(name("Eve"))), sk(name("Alice"))]
        let report = Replayer(model: nspk).replay(trace)
        #expect(!report.confirmed)
        #expect(report.failure?.stepIndex == 7)
        #expect(report.failure?.reason.contains("does not hold sk(Alice)") == true)
    }

    @Test func aSwappedNonceIsRejectedByTheHonestRun() {
        var trace = loweAttack()
        // The intruder answers message 3 with Alice's nonce instead of Bob's.
        let na = fresh("Na", 1)
        trace.steps[7] = derive(.split, na, tuple(na, name("Alice")))
        trace.steps[8] = derive(.compose, aenc(na, key: pk(name("Bob"))), na, pk(name("Bob")))
        trace.steps[9].term = aenc(na, key: pk(name("Bob")))
        let report = Replayer(model: nspk).replay(trace)
        #expect(!report.confirmed)
        #expect(report.failure?.stepIndex == 9)
        #expect(report.failure?.reason.contains("Nb") == true)
    }

    @Test func anHonestSessionDoesNotConfirmSecrecyViolation() {
        let na = fresh("Na", 1), nb = fresh("Nb", 2), alice = name("Alice"), bob = name("Bob")
        let trace = makeTrace(model: nspk, property: "secret-Nb", kind: .secrecy, role: "B",
                              runs: [(1, "A", "Alice", ["A": "Alice", "B": "Bob"]), (2, "B", "Bob", ["A": "Alice", "B": "Bob"])],
                              steps: [
                                send("Alice", 1, "1", aenc(na, alice, key: pk(bob))),
                                recv("Bob", 2, "1", aenc(na, alice, key: pk(bob))),
                                send("Bob", 2, "2", aenc(na, nb, key: pk(alice))),
                                recv("Alice", 1, "2", aenc(na, nb, key: pk(alice))),
                                send("Alice", 1, "3", aenc(nb, key: pk(bob))),
                                recv("Bob", 2, "3", aenc(nb, key: pk(bob))),
                                claim("Bob", 2, "secret-Nb"),
                              ])
        let report = Replayer(model: nspk).replay(trace)
        #expect(report.failure?.stepIndex == 6)
        #expect(!report.confirmed)
        #expect(report.evidence.contains("holds no bytes"))
    }

    private func replayTrace(property: String, kind: PropertyKind) -> Trace {
        let kk = fresh("K", 1, .key), alice = name("Alice"), bob = name("Bob")
        let m = senc(alice, kk, key: k(alice, bob))
        return makeTrace(model: keyTransport, property: property, kind: kind, role: "B",
                         runs: [(1, "A", "Alice", ["A": "Alice", "B": "Bob"]),
                                (2, "B", "Bob", ["A": "Alice", "B": "Bob"]),
                                (3, "B", "Bob", ["A": "Alice", "B": "Bob"])],
                         steps: [send("Alice", 1, "1", m), recv("Bob", 2, "1", m), recv("Bob", 3, "1", m), claim("Bob", 3, property)])
    }

    @Test func aReplayViolatesInjectiveAgreementOnBytes() {
        let report = Replayer(model: keyTransport).replay(replayTrace(property: "inj", kind: .injectiveAgreement))
        #expect(report.confirmed)
        #expect(report.evidence.contains("run 2"))
        #expect(report.evidence.contains("run 3"))
    }

    @Test func theSameReplayKeepsNonInjectiveAgreement() {
        let report = Replayer(model: keyTransport).replay(replayTrace(property: "ni", kind: .nonInjectiveAgreement))
        #expect(!report.confirmed)
        #expect(report.evidence.contains("run 1 agrees"))
    }

    @Test func forgingWithoutTheLongTermKeyFails() {
        let alice = name("Alice"), bob = name("Bob"), kE = Term.atom(Atom("kE", sort: .key, kind: .constant(isPublic: true)))
        let forged = senc(alice, kE, key: k(alice, bob))
        let trace = makeTrace(model: keyTransport, property: "ni", kind: .nonInjectiveAgreement, role: "B",
                              runs: [(1, "B", "Bob", ["A": "Alice", "B": "Bob"])],
                              steps: [derive(.compose, tuple(alice, kE), alice, kE), derive(.compose, forged, tuple(alice, kE), k(alice, bob)), recv("Bob", 1, "1", forged), claim("Bob", 1, "ni")])
        let report = Replayer(model: keyTransport).replay(trace)
        #expect(!report.confirmed)
        #expect(report.failure?.stepIndex == 1)
        #expect(report.failure?.reason.contains("does not hold k(Alice, Bob)") == true)
    }

    @Test func aCompromisedLongTermKeyLetsTheIntruderForge() {
        let alice = name("Alice"), bob = name("Bob"), kE = Term.atom(Atom("kE", sort: .key, kind: .constant(isPublic: true)))
        let forged = senc(alice, kE, key: k(alice, bob))
        let trace = makeTrace(model: keyTransport, property: "ni@leaked", kind: .nonInjectiveAgreement, role: "B",
                              runs: [(1, "B", "Bob", ["A": "Alice", "B": "Bob"])],
                              steps: [derive(.compose, tuple(alice, kE), alice, kE), derive(.compose, forged, tuple(alice, kE), k(alice, bob)), recv("Bob", 1, "1", forged), claim("Bob", 1, "ni")],
                              setting: "leaked")
        let report = Replayer(model: keyTransport).replay(trace)
        #expect(report.failure == nil)
        #expect(report.confirmed)
        #expect(report.evidence.contains("no run signalled Running"))
    }

    @Test func loweAttackWorksOnTextbookRSA() {
        let report = Replayer(model: withTextbookRSA(nspk)).replay(loweAttack())
        #expect(report.failure == nil)
        #expect(report.confirmed)
    }

    private func typeFlawTrace() -> Trace {
        let na = fresh("Na", 1), m = fresh("M", 1), alice = name("Alice"), bob = name("Bob")
        let cipher = senc(na, m, alice, key: k(alice, bob))
        let m1 = tuple(m, alice, cipher)
        return makeTrace(model: typeFlaw, property: "secret-K", kind: .secrecy, role: "A",
                         runs: [(1, "A", "Alice", ["A": "Alice", "B": "Bob"])],
                         steps: [
                            send("Alice", 1, "1", m1),
                            derive(.split, cipher, m1),
                            derive(.split, m, m1),
                            recv("Alice", 1, "2", cipher),
                            derive(.compose, tuple(m, alice), m, alice),
                            claim("Alice", 1, "secret-K"),
                         ])
    }

    @Test func aTypeFlawSurvivesTheUntaggedEncoding() {
        let report = Replayer(model: typeFlaw, encoding: .untagged).replay(typeFlawTrace())
        #expect(report.failure == nil)
        #expect(report.confirmed)
        #expect(report.evidence.contains("(M#1, Alice)"))
    }

    @Test func tagsStopTheTypeFlaw() {
        let report = Replayer(model: typeFlaw, encoding: .tagged).replay(typeFlawTrace())
        #expect(!report.confirmed)
        #expect(report.failure?.stepIndex == 3)
        #expect(report.failure?.reason.contains("key") == true)
    }
}
