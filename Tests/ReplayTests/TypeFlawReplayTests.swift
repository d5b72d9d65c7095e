// Otway-Rees's type-flaw attack from the engine's own trace: A takes (M, A, B), replayed from its
// own message 1, as the key. Field tags stop it on bytes; plain concatenation lets it through.
import Engine
import Results
import Models
import Replay
import Testing

@Test func otwayReesTypeFlawNeedsAnUntaggedWire() throws {
    let model = try #require(Registry.model(named: "otway-rees"))
    let results = try Checker(options: CheckOptions(maxRuns: 3, typeFlaws: true, properties: ["A-secret-Kab"])).check(model)
    let result = try #require(results.first { $0.property == "A-secret-Kab" })
    #expect(result.verdict == .attack)
    let trace = try #require(result.trace)

    let tagged = Replayer(model: model, encoding: .tagged).replay(trace)
    #expect(!tagged.confirmed, "\(tagged.render())")
    // A's receive of message 4 is where the tags tell a tuple from a key.
    let failing = try #require(tagged.failure?.stepIndex)
    #expect(trace.steps[failing].action == .receive && trace.steps[failing].label == "4", "\(tagged.render())")

    let untagged = Replayer(model: model, encoding: .untagged).replay(trace)
    #expect(untagged.confirmed, "\(untagged.render())")
}
