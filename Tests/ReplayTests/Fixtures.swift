@testable import Engine
import Model
import Results
import Terms

/// Hand-written traces, as the engine would print them.
func fresh(_ name: String, _ run: Int, _ sort: Sort = .nonce) -> Term { .atom(Atom(name, sort: sort, kind: .fresh(run: run))) }
func name(_ agent: String) -> Term { .atom(.agent(agent)) }

func send(_ actor: String, _ run: Int, _ label: String, _ t: Term) -> Trace.Step {
    Trace.Step(actor: actor, run: run, action: .send, label: label, term: t)
}
func recv(_ actor: String, _ run: Int, _ label: String, _ t: Term) -> Trace.Step {
    Trace.Step(actor: actor, run: run, action: .receive, label: label, term: t)
}
func derive(_ rule: DerivationStep.Rule, _ t: Term, _ premises: Term...) -> Trace.Step {
    Trace.Step(actor: "Eve", run: nil, action: .derive, term: t, rule: rule, premises: premises)
}
func claim(_ actor: String, _ run: Int, _ name: String) -> Trace.Step {
    Trace.Step(actor: actor, run: run, action: .claim, term: .number(0), note: name)
}

func withTextbookRSA(_ m: ProtocolModel) -> ProtocolModel {
    var m = m
    m.crypto = CryptoChoices(publicKey: .textbookRSAe3)
    return m
}

func makeTrace(model: ProtocolModel, property: String, kind: PropertyKind, role: String,
               runs: [(Int, String, String, [String: String])], steps: [Trace.Step],
               setting: String = "standard", witness: [Trace.Witness] = []) -> Trace {
    Trace(model: model.name, property: property, kind: kind, role: role, setting: setting, intruder: "Eve",
          runs: runs.map { Trace.Run(number: $0.0, role: $0.1, agent: $0.2, bindings: $0.3, old: false) },
          steps: steps, witness: witness, violation: "hand-written")
}

/// Needham-Schroeder public key, the textbook version Lowe broke.
let nspk: ProtocolModel = {
    let A = agent("A"), B = agent("B")
    let Na = nonce("Na"), Nb = nonce("Nb")
    return ProtocolModel("nspk", title: "Needham-Schroeder public key", source: "Needham & Schroeder 1978") {
        Role("A") {
            Fresh(Na)
            Send("1", aenc(Na, A, key: pk(B)))
            Recv("2", aenc(Na, Nb, key: pk(A)))
            Send("3", aenc(Nb, key: pk(B)))
        }
        Role("B") {
            Recv("1", aenc(Na, A, key: pk(B)))
            Fresh(Nb)
            Send("2", aenc(Na, Nb, key: pk(A)))
            Recv("3", aenc(Nb, key: pk(B)))
            Claim("secret-Nb", .secret(Nb))
        }
    }
}()

/// Lowe's attack: Alice talks to Eve, who re-encrypts for Bob and learns Bob's nonce.
func loweAttack() -> Trace {
    let na = fresh("Na", 1), nb = fresh("Nb", 2)
    let alice = name("Alice"), bob = name("Bob"), eve = name("Eve")
    let m1 = aenc(na, alice, key: pk(eve))
    let m2 = aenc(na, nb, key: pk(alice))
    let m3 = aenc(nb, key: pk(eve))
    return makeTrace(model: nspk, property: "secret-Nb", kind: .secrecy, role: "B",
                     runs: [(1, "A", "Alice", ["A": "Alice", "B": "Eve"]), (2, "B", "Bob", ["A": "Alice", "B": "Bob"])],
                     steps: [
                        send("Alice", 1, "1", m1),
                        derive(.decrypt, tuple(na, alice), m1, sk(eve)),
                        derive(.compose, aenc(na, alice, key: pk(bob)), tuple(na, alice), pk(bob)),
                        recv("Bob", 2, "1", aenc(na, alice, key: pk(bob))),
                        send("Bob", 2, "2", m2),
                        recv("Alice", 1, "2", m2),
                        send("Alice", 1, "3", m3),
                        derive(.decrypt, nb, m3, sk(eve)),
                        derive(.compose, aenc(nb, key: pk(bob)), nb, pk(bob)),
                        recv("Bob", 2, "3", aenc(nb, key: pk(bob))),
                        claim("Bob", 2, "secret-Nb"),
                     ])
}

/// A sends a session key under the long-term key it shares with B; B commits on it.
let keyTransport: ProtocolModel = {
    let A = agent("A"), B = agent("B"), K = key("K")
    return ProtocolModel("key-transport", title: "one-message key transport", source: "test") {
        Setting.standard
        Setting("leaked", "the long-term key of A and B is compromised", intruderKnows: [k(A, B)])
        Role("A") {
            Fresh(K)
            Running(with: B, K)
            Send("1", senc(A, K, key: k(A, B)))
        }
        Role("B") {
            Recv("1", senc(A, K, key: k(A, B)))
            Claim("inj", .agreement(with: A, on: [K], injective: true))
            Claim("ni", .agreement(with: A, on: [K], injective: false))
        }
    }
}()

/// A protocol whose reply can be confused with its first message when fields carry no types.
let typeFlaw: ProtocolModel = {
    let A = agent("A"), B = agent("B"), Na = nonce("Na"), M = nonce("M"), K = key("K")
    return ProtocolModel("type-flaw", title: "reflected message taken as a key", source: "test") {
        Role("A") {
            Fresh(Na, M)
            Send("1", tuple(M, A, senc(Na, M, A, key: k(A, B))))
            Recv("2", senc(Na, K, key: k(A, B)))
            Claim("secret-K", .secret(K))
        }
        Role("B") {
            Recv("1", message("X"))
        }
    }
}()
