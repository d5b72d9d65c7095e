// The two engines answer the same question: on every registered model, under every setting, the
// goal-directed search and the explicit-state search give the same verdict for every property,
// each from a real search at the same bound. A goal-directed proof for any number of runs must in
// particular agree with the explicit search at that bound.
import Engine
import Model
import Models
import Results
import Testing

struct CrossCheck: Sendable, CustomStringConvertible {
    var model: String
    var runs: Int
    var typeFlaws = false
    var description: String { "\(model), \(runs) runs" + (typeFlaws ? ", type flaws" : "") }
}

/// Three runs where the explicit search takes seconds in a debug build, two elsewhere.
private let cases: [CrossCheck] = [
    CrossCheck(model: "nspk", runs: 3), CrossCheck(model: "nsl", runs: 3),
    CrossCheck(model: "otway-rees", runs: 2), CrossCheck(model: "otway-rees", runs: 2, typeFlaws: true),
    CrossCheck(model: "dh-unauthenticated", runs: 3),
    CrossCheck(model: "iso9798-2-2-noid", runs: 3), CrossCheck(model: "iso9798-2-2", runs: 3),
    CrossCheck(model: "attested-k", runs: 3), CrossCheck(model: "attested-k-nonces", runs: 3),
    CrossCheck(model: "gemplus-first", runs: 2), CrossCheck(model: "gemplus-rsa", runs: 2), CrossCheck(model: "gemplus-elgamal", runs: 2),
    CrossCheck(model: "soda-machine", runs: 2),
    CrossCheck(model: "modified-ns", runs: 3), CrossCheck(model: "ns-symmetric", runs: 3),
    CrossCheck(model: "master-key-registration", runs: 2),
]

@Test(arguments: cases)
func enginesGiveTheSameVerdicts(_ c: CrossCheck) throws {
    let model = try #require(Registry.model(named: c.model))
    func verdicts(_ engine: SearchEngine) throws -> [String: PropertyResult] {
        let options = CheckOptions(maxRuns: c.runs, typeFlaws: c.typeFlaws, engine: engine)
        return Dictionary(uniqueKeysWithValues: try Checker(options: options).check(model).map { ($0.property, $0) })
    }
    let goal = try verdicts(.goal), explicit = try verdicts(.explicit)
    #expect(goal.keys.sorted() == explicit.keys.sorted())
    for (name, e) in explicit.sorted(by: { $0.key < $1.key }) {
        let g = try #require(goal[name])
        #expect(g.verdict == e.verdict, "\(c.model) \(name): goal \(g.verdict.rawValue), explicit \(e.verdict.rawValue)")
        #expect(g.verdict != .inconclusive && e.verdict != .inconclusive, "\(c.model) \(name) stopped at a limit")
        // Every attack the goal-directed engine prints is a trace of the same property.
        if g.verdict == .attack {
            let trace = try #require(g.trace)
            #expect(trace.property == name)
            #expect(trace.steps.contains { $0.action == .claim })
        }
    }
}
