@testable import Engine
import Model
import Results
import Traces
import Terms

/// Hand-built results around Lowe's attack on Needham-Schroeder public key: the renderers only need
/// values of the shared types, not a search.
enum Fixtures {
    static func agent(_ n: String) -> Term { .atom(.agent(n)) }
    static func fresh(_ n: String, _ run: Int) -> Term { .atom(Atom(n, sort: .nonce, kind: .fresh(run: run))) }
    static func pk(_ t: Term) -> Term { .app(.pk, [t]) }
    static func sk(_ t: Term) -> Term { .app(.sk, [t]) }
    static func aenc(_ m: Term, _ k: Term) -> Term { .app(.aenc, [m, k]) }

    static let alice = agent("Alice"), bob = agent("Bob"), eve = agent("Eve")
    static let na = fresh("Na", 1), nb = fresh("Nb", 2)
    static let m1 = aenc(.tuple(na, alice), pk(eve))
    static let m1b = aenc(.tuple(na, alice), pk(bob))
    static let m2 = aenc(.tuple(na, nb), pk(alice))
    static let m3 = aenc(nb, pk(eve))
    static let m3b = aenc(nb, pk(bob))

    static func loweTrace(bindingsReversed: Bool = false) -> Trace {
        // The dictionaries are built in either insertion order to show that rendering does not depend on it.
        func bindings(_ pairs: [(String, String)]) -> [String: String] {
            var d: [String: String] = [:]
            for (k, v) in bindingsReversed ? pairs.reversed() : pairs { d[k] = v }
            return d
        }
        return Trace(
            model: "nspk", property: "secret-Nb", kind: .secrecy, role: "B", setting: "standard", intruder: "Eve",
            runs: [
                .init(number: 1, role: "A", agent: "Alice", bindings: bindings([("A", "Alice"), ("B", "Eve")]), old: false),
                .init(number: 2, role: "B", agent: "Bob", bindings: bindings([("A", "Alice"), ("B", "Bob")]), old: false),
            ],
            steps: [
                .init(actor: "Alice", run: 1, action: .send, label: "1", term: m1),
                .init(actor: "Eve", run: nil, action: .derive, term: .tuple(na, alice), rule: .decrypt, premises: [m1, sk(eve)]),
                .init(actor: "Eve", run: nil, action: .derive, term: m1b, rule: .compose, premises: [.tuple(na, alice), pk(bob)]),
                .init(actor: "Bob", run: 2, action: .receive, label: "1", term: m1b),
                .init(actor: "Bob", run: 2, action: .send, label: "2", term: m2),
                .init(actor: "Alice", run: 1, action: .receive, label: "2", term: m2),
                .init(actor: "Alice", run: 1, action: .send, label: "3", term: m3),
                .init(actor: "Eve", run: nil, action: .derive, term: nb, rule: .decrypt, premises: [m3, sk(eve)]),
                .init(actor: "Eve", run: nil, action: .derive, term: m3b, rule: .compose, premises: [nb, pk(bob)]),
                .init(actor: "Bob", run: 2, action: .receive, label: "3", term: m3b),
                .init(actor: "Bob", run: 2, action: .claim, term: nb, note: "secret-Nb"),
            ],
            witness: [.init(name: "Nb#2", term: nb, value: 17)],
            violation: "the intruder knows Nb#2, which Bob believes secret")
    }

    static func result(_ property: String, _ kind: PropertyKind, _ verdict: Verdict, model: String = "nspk", role: String = "B",
                       trace: Trace? = nil, limit: String? = nil) -> PropertyResult {
        PropertyResult(model: model, property: property, kind: kind, role: role, setting: "standard",
                       summary: "\(role) believes the intruder never learns Nb", verdict: verdict,
                       scope: verdict == .verified ? .bounded : nil, bound: Bound(maxRuns: 2, typeFlaws: false),
                       assumptions: [Setting.standard.summary], states: 1234, seconds: 0.125, limit: limit, trace: trace)
    }

    static func results(bindingsReversed: Bool = false) -> [PropertyResult] {
        [
            result("secret-Nb", .secrecy, .attack, trace: loweTrace(bindingsReversed: bindingsReversed)),
            result("secret-Na", .secrecy, .verified, role: "A"),
            result("ni-agree", .nonInjectiveAgreement, .inconclusive, limit: "max-states 1000 reached"),
        ]
    }

    /// Where the fixture's properties are claimed, as a model file would say.
    static let sources = PropertySources([
        (model: "nspk", property: "secret-Nb", location: SourceLocation(file: "models/NSPK.swift", line: 12, column: 9)),
        (model: "nspk", property: "ni-agree", location: SourceLocation(file: "models/NSPK.swift", line: 13, column: 9)),
    ])

    static let model = ProtocolModel(name: "nspk", title: "Needham-Schroeder <public key> & Lowe", source: "Needham & Schroeder 1978",
                                     parts: [.reading("Message 2 does not name B: the flaw Lowe found")],
                                     location: SourceLocation(file: "models/NSPK.swift", line: 1))
}
