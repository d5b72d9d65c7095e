// Every attack the search finds in the document models, replayed on real cryptography. Which
// properties are attacks comes from the search itself, so a model change is covered as it lands.
import Engine
import Models
import Replay
import Testing

/// The document models and the bound their search completes quickly at (in a debug build, 3 runs
/// take 20-90 s for attested-k-nonces and each Gemplus model and find the same attacks as 2). Each
/// has at least one attack in the findings table of DESIGN.md, so no attack at all is a failure.
private let documentModels: [(name: String, maxRuns: Int)] = [
    ("attested-k", 3), ("attested-k-nonces", 2),
    ("gemplus-first", 2), ("gemplus-rsa", 2), ("gemplus-elgamal", 2),
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
        if sharedIntruderChoiceBreaksInterpolation(trace, report) {
            withKnownIssue("engine trace: every free variable is the same nE, so the intruder's points share an x") {
                #expect(report.confirmed, "\(name) \(result.property):\n\(report.render())")
            }
        } else {
            #expect(report.confirmed, "\(name) \(result.property):\n\(report.render())")
        }
    }
}

/// A known flaw of the engine's traces, not of the replay: the trace builder gives every value the
/// lazy intruder left open the one constant nE, so the four points it sends for lagrange0 are all
/// (nE, nE) and interpolation through them is undefined on real numbers. The attack itself needs
/// only distinct values. Narrow on purpose: that failure, with such a shared choice in the witness.
private func sharedIntruderChoiceBreaksInterpolation(_ trace: Trace, _ report: ReplayReport) -> Bool {
    guard !report.confirmed, report.failure?.reason.contains("two points share an x coordinate") == true else { return false }
    let chosen = trace.witness.filter { $0.value == nil }.map(\.term)
    return Set(chosen).count < chosen.count
}
