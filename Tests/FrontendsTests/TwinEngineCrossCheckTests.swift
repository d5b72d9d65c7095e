// The two engines on every SPDL twin and on a sample of Scyther's library: the same verdict for every
// property, each from a real search at the same bound (scripts/cross-check.py does the whole library).
import Engine
import Frontends
import Model
import Results
import Testing

struct SPDLCrossCheck: Sendable, CustomStringConvertible {
    var twin: String?
    var library: String?
    var runs: Int
    var typeFlaws = false
    var description: String { (twin ?? library ?? "?") + ", \(runs) runs" + (typeFlaws ? ", type flaws" : "") }
}

private let cases: [SPDLCrossCheck] = [
    SPDLCrossCheck(twin: "nspk", runs: 3), SPDLCrossCheck(twin: "nsl", runs: 3),
    SPDLCrossCheck(twin: "otway-rees", runs: 2), SPDLCrossCheck(twin: "otway-rees", runs: 2, typeFlaws: true),
    SPDLCrossCheck(twin: "iso9798-2-2", runs: 3), SPDLCrossCheck(twin: "iso9798-2-2-noid", runs: 3),
    SPDLCrossCheck(library: "ns3", runs: 3), SPDLCrossCheck(library: "yahalom-lowe", runs: 2),
    SPDLCrossCheck(library: "woo-lam-pi-1", runs: 2), SPDLCrossCheck(library: "denning-sacco", runs: 2),
]

@Test(arguments: cases)
func enginesAgreeOnSPDL(_ c: SPDLCrossCheck) throws {
    let (text, path): (String, String)
    if let twin = c.twin {
        (text, path) = try Corpus.twin(twin)
    } else {
        let url = Corpus.protocols.appendingPathComponent(c.library! + ".spdl")
        (text, path) = (try Corpus.text(url), url.path)
    }
    for model in try SPDL.parse(text, file: path) {
        func verdicts(_ engine: SearchEngine) throws -> [String: Verdict] {
            let results = try Checker(options: CheckOptions(maxRuns: c.runs, typeFlaws: c.typeFlaws, engine: engine)).check(model)
            return Dictionary(uniqueKeysWithValues: results.map { ($0.property, $0.verdict) })
        }
        let goal = try verdicts(.goal)
        #expect(!goal.isEmpty)
        #expect(!goal.values.contains(.inconclusive))
        // The explicit engine cannot see message order, so it ends a synchronisation claim it finds
        // no attack on inconclusive; what it can see, message agreement on the same causal past, the
        // engines must agree on.
        let ordered = Set(model.properties.filter { !SearchEngine.explicit.decides($0) }.map(\.name))
        let explicit = try verdicts(.explicit)
        for (property, verdict) in explicit where ordered.contains(property) {
            #expect(verdict == .inconclusive || (verdict == .attack && goal[property] == .attack), "\(model.name) \(property): explicit \(verdict)")
        }
        let unordered = model.synchronisationAsMessageAgreement
        let agreementGoal = try Checker(options: CheckOptions(maxRuns: c.runs, typeFlaws: c.typeFlaws, engine: .goal)).check(unordered)
        let agreementExplicit = try Checker(options: CheckOptions(maxRuns: c.runs, typeFlaws: c.typeFlaws, engine: .explicit)).check(unordered)
        let g = Dictionary(uniqueKeysWithValues: agreementGoal.map { ($0.property, $0.verdict) })
        let e = Dictionary(uniqueKeysWithValues: agreementExplicit.map { ($0.property, $0.verdict) })
        #expect(g == e, "\(model.name): goal \(g), explicit \(e)")
        #expect(!g.values.contains(.inconclusive))
        // Synchronisation is the stronger claim: an attack on agreement is one on synchronisation.
        for property in ordered where g[property] == .attack { #expect(goal[property] == .attack, "\(model.name) \(property)") }
    }
}

extension ProtocolModel {
    /// The model with every synchronisation claim asking message agreement instead.
    var synchronisationAsMessageAgreement: ProtocolModel {
        var m = self
        for r in m.roles.indices {
            for i in m.roles[r].events.indices {
                if case .claim(let name, .synchronisation) = m.roles[r].events[i].action {
                    m.roles[r].events[i].action = .claim(name: name, .messageAgreement)
                }
            }
        }
        return m
    }
}
