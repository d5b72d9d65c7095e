import Engine
@testable import Frontends
import Model
import Models
import Results
import Terms
import Testing

/// Our SPDL twins give the same verdicts as Swift DSL models of the same protocol, claim by claim,
/// under the real search. The two notations name their properties differently (SPDL keeps Scyther's
/// `Secret_a1`, the DSL says `A-secret-Na`), so each twin lists which property matches which; the
/// test checks that a pair really is the same claim (same role, same kind, same secret term)
/// before it compares the verdicts the search gives.
@Suite struct TwinVerdictTests {
    struct Twin: Sendable, CustomStringConvertible {
        var spdl: String
        var dsl: ProtocolModel
        /// SPDL property name to DSL property name.
        var pairs: [String: String]
        var typeFlaws = false
        /// 3 runs, as the DSL models' own tests; Otway-Rees (three roles) is searched as deep as its
        /// DSL test does, which a debug build finishes in seconds.
        var runs = 3
        /// The registered DSL models mean protocheck's bidirectional k(A,B); the twins written here
        /// use no shared keys.
        var bidirectionalKeys = true
        var description: String { spdl + " ~ " + dsl.name + (typeFlaws ? " (type flaws)" : "") + ", \(runs) runs" }
    }

    /// Against the registered DSL models: the claims whose kinds both notations share (secrecy and
    /// aliveness; the registered models state Lowe's agreement, SPDL's claims Scyther's).
    static let needhamSchroeder: [String: String] = [
        "Secret_a1": "A-secret-Na", "Secret_a2": "A-secret-Nb", "Alive_a3": "A-alive",
        "Secret_b1": "B-secret-Na", "Secret_b2": "B-secret-Nb", "Alive_b3": "B-alive",
    ]
    /// Against DSL twins with Scyther's kinds (`ScytherKindTwins`): every claim.
    static let needhamSchroederScyther: [String: String] = [
        "Secret_a1": "A-secret-Na", "Secret_a2": "A-secret-Nb", "Alive_a3": "A-alive",
        "Weakagree_a4": "A-weak-agree", "Niagree_a5": "A-message-agree", "Nisynch_a6": "A-sync",
        "Secret_b1": "B-secret-Na", "Secret_b2": "B-secret-Nb", "Alive_b3": "B-alive",
        "Weakagree_b4": "B-weak-agree", "Niagree_b5": "B-message-agree", "Nisynch_b6": "B-sync",
    ]

    static let twins: [Twin] = [
        Twin(spdl: "nspk", dsl: Registry.model(named: "nspk")!, pairs: needhamSchroeder),
        Twin(spdl: "nsl", dsl: Registry.model(named: "nsl")!, pairs: needhamSchroeder),
        Twin(spdl: "otway-rees", dsl: Registry.model(named: "otway-rees")!, pairs: ["Secret_a1": "A-secret-Kab", "Secret_b1": "B-secret-Kab"], runs: 2),
        Twin(spdl: "otway-rees", dsl: Registry.model(named: "otway-rees")!, pairs: ["Secret_a1": "A-secret-Kab", "Secret_b1": "B-secret-Kab"], typeFlaws: true, runs: 1),
        Twin(spdl: "iso9798-2-2", dsl: Registry.model(named: "iso9798-2-2")!, pairs: ["Alive_b1": "B-alive"]),
        Twin(spdl: "iso9798-2-2-noid", dsl: Registry.model(named: "iso9798-2-2-noid")!, pairs: ["Alive_b1": "B-alive"]),
        // Scyther's weak agreement, message agreement and synchronisation: Lowe's attack breaks B's.
        Twin(spdl: "nspk", dsl: ScytherKindTwins.needhamSchroeder(lowe: false), pairs: needhamSchroederScyther, bidirectionalKeys: false),
        Twin(spdl: "nsl", dsl: ScytherKindTwins.needhamSchroeder(lowe: true), pairs: needhamSchroederScyther, bidirectionalKeys: false),
        // Synchronisation fails where message agreement holds: a message received before it was sent.
        Twin(spdl: "sync-order", dsl: ScytherKindTwins.syncOrder,
             pairs: ["Niagree_b1": "B-message-agree", "Nisynch_b2": "B-sync"], bidirectionalKeys: false),
        // Reachability: verified with a witness, or attack when no execution reaches the claim.
        Twin(spdl: "reachable", dsl: ScytherKindTwins.reachable,
             pairs: ["Reachable_a1": "A-reach-2", "Reachable_a2": "A-reach-3", "Reachable_b1": "B-reach"], bidirectionalKeys: false),
    ]

    @Test(arguments: twins)
    func sameVerdictsAsTheDSLTwin(_ twin: Twin) throws {
        let (text, path) = try Corpus.twin(twin.spdl)
        let spdl = try #require(try SPDL.parse(text, file: path, options: .init(bidirectionalKeys: twin.bidirectionalKeys)).first)
        let dsl = twin.dsl
        #expect(dsl.validate().isEmpty, "\(dsl.validate())")
        let spdlProps = Dictionary(uniqueKeysWithValues: spdl.properties.map { ($0.name, $0) })
        let dslProps = Dictionary(uniqueKeysWithValues: dsl.properties.map { ($0.name, $0) })

        // Each pair is the same claim: same role, kind and (for secrecy) term.
        for (s, d) in twin.pairs {
            let sp = try #require(spdlProps[s], "\(s) is not a property of \(spdl.name)")
            let dp = try #require(dslProps[d], "\(d) is not a property of \(dsl.name)")
            #expect(sp.role == dp.role, "\(s) ~ \(d)")
            #expect(sp.kind == dp.kind, "\(s) ~ \(d)")
            if case .claim(_, _, .secret(let a)) = sp.origin, case .claim(_, _, .secret(let b)) = dp.origin {
                // The DSL has no types of the model's own: SPDL's SessionKey is its key.
                let untyped = a.erasingTypes
                #expect(untyped == b || untyped == .tuple([b]), "\(s) ~ \(d): \(a) vs \(b)")
            }
        }

        func check(_ m: ProtocolModel, _ names: some Sequence<String>) throws -> [PropertyResult] {
            try Checker(options: CheckOptions(maxRuns: twin.runs, typeFlaws: twin.typeFlaws, properties: Set(names))).check(m)
        }
        let ours = try check(spdl, twin.pairs.keys)
        let theirs = try check(dsl, twin.pairs.values)
        let verdict = Dictionary(uniqueKeysWithValues: theirs.map { ($0.property, $0.verdict) })
        for r in ours {
            let d = twin.pairs[r.property]!
            #expect(r.verdict != .inconclusive, "\(spdl.name) \(r.property): \(r.limit ?? "")")
            #expect(r.verdict == verdict[d], "\(spdl.name) \(r.property) is \(r.verdict), DSL \(d) is \(verdict[d].map(\.rawValue) ?? "missing")")
        }
        // Guard against a vacuous comparison: the twins contain attacks and verified claims.
        #expect(ours.count == twin.pairs.count)
    }

    /// Across the twins, the search finds attacks and verifies claims: the comparison is not all one verdict.
    @Test func twinsCoverBothVerdicts() throws {
        var seen: Set<Verdict> = []
        for name in ["nspk", "iso9798-2-2-noid"] {
            let (text, path) = try Corpus.twin(name)
            let m = try #require(try SPDL.parse(text, file: path).first)
            let results = try Checker(options: CheckOptions(maxRuns: 2)).check(m)
            for r in results { seen.insert(r.verdict) }
        }
        #expect(seen.contains(.attack) && seen.contains(.verified))
    }
}

extension TwinVerdictTests {
    /// The reflection on ISO 9798-2 without B's identity needs a bidirectional key: read as Scyther
    /// reads SPDL (directional k), the search finds no attack on B's aliveness, as Scyther would not.
    @Test func directionalKeysRuleOutTheReflection() throws {
        let (text, path) = try Corpus.twin("iso9798-2-2-noid")
        func alive(_ options: SPDL.Options) throws -> Verdict? {
            let m = try #require(try SPDL.parse(text, file: path, options: options).first)
            return try Checker(options: CheckOptions(maxRuns: 2, properties: ["Alive_b1"])).check(m).first?.verdict
        }
        #expect(try alive(.init()) == .verified)
        #expect(try alive(.init(bidirectionalKeys: true)) == .attack)
    }
}

extension Term {
    /// The term with every atom and variable of a model's own type at its base sort.
    var erasingTypes: Term {
        mapLeaves { leaf in
            switch leaf {
            case .variable(var v): v.sort.type = nil; return .variable(v)
            case .atom(var a): a.sort.type = nil; return .atom(a)
            default: return leaf
            }
        }
    }
}
