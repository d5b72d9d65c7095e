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
        let goal = try verdicts(.goal), explicit = try verdicts(.explicit)
        #expect(!goal.isEmpty)
        #expect(goal == explicit, "\(model.name): goal \(goal), explicit \(explicit)")
        #expect(!goal.values.contains(.inconclusive))
    }
}
