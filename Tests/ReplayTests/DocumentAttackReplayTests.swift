// Every attack the search finds in the document models, replayed on real cryptography. Which
// properties are attacks comes from the search itself, so a model change is covered as it lands.
import Engine
import Results
import Models
import Replay
import Testing

/// The document models and their bound: the committed files' three runs, except soda-machine, whose
/// attacks all need only two (its three-run search verifies two aliveness claims and takes a minute
/// in a debug build). Each has at least one attack in the findings table of DESIGN.md, so no attack
/// at all is a failure.
private let documentModels: [(name: String, maxRuns: Int)] = [
    ("attested-k", 3), ("attested-k-nonces", 3),
    ("gemplus-first", 3), ("gemplus-rsa", 3), ("gemplus-elgamal", 3),
    ("soda-machine", 2),
    ("modified-ns", 3), ("ns-symmetric", 3), ("master-key-registration", 3),
]

@Test(arguments: documentModels.map(\.name))
func everyAttackFoundReplaysAsConfirmed(_ name: String) throws {
    let model = try #require(Registry.model(named: name))
    let bound = try #require(documentModels.first { $0.name == name }).maxRuns
    let results = try Checker(options: CheckOptions(maxRuns: bound)).check(model)
    let attacks = results.filter { $0.verdict == .attack }
    #expect(!attacks.isEmpty, "the search found no attack in \(name)")
    for result in attacks {
        let trace = try #require(result.trace, "\(name) \(result.property): an attack without a trace")
        let report = Replayer(model: model).replay(trace)
        #expect(report.confirmed, "\(name) \(result.property):\n\(report.render())")
    }
}
