// A replay names the step where it failed by the number the renderings print, so that a reader can
// find it: every step of a trace, derivations included, must map to the numbered line it is printed at.
import Results
import Testing
@testable import Traces

@Suite struct StepNumberTests {
    /// The text's numbered lines and, under each, the derivation lines printed with it.
    static func printed(_ trace: Trace) -> [(number: Int, line: String, derivations: [String])] {
        var out: [(number: Int, line: String, derivations: [String])] = []
        for line in TextRenderer.steps(TraceScript(trace)).split(separator: "\n").map(String.init) {
            let trimmed = line.drop { $0 == " " }
            if let dot = trimmed.firstIndex(of: "."), let n = Int(trimmed[..<dot]) {
                out.append((n, line, []))
            } else if !out.isEmpty {
                out[out.count - 1].derivations.append(line)
            }
        }
        return out
    }

    @Test(arguments: [false, true])
    func everyStepMapsToTheLineItIsPrintedAt(_ reversed: Bool) throws {
        let trace = Fixtures.loweTrace(bindingsReversed: reversed)
        let lines = Self.printed(trace)
        for (i, step) in trace.steps.enumerated() {
            let n = try #require(trace.shownNumber(ofStepAt: i))
            let entry = try #require(lines.first { $0.number == n }, "step \(i) maps to \(n), which is not printed")
            if step.action == .derive {
                #expect(entry.derivations.contains { $0.contains(TraceScript.describeDerivation(step)) }, "step \(i): \(entry)")
            } else {
                #expect(entry.line.contains(step.term.description) || entry.line.contains(step.note ?? "\u{0}"), "step \(i): \(entry.line)")
            }
        }
        #expect(trace.shownNumber(ofStepAt: trace.steps.count) == nil)
        #expect(trace.shownNumber(ofStepAt: -1) == nil)
    }

    @Test func trailingDerivationsCountAsTheLastStep() throws {
        var trace = Fixtures.loweTrace()
        trace.steps.append(Trace.Step(actor: "Eve", run: nil, action: .derive, term: .atom(.agent("Bob")), rule: .public))
        let last = Self.printed(trace).last!
        #expect(trace.shownNumber(ofStepAt: trace.steps.count - 1) == last.number)
        #expect(last.derivations.contains { $0.contains("Bob is public") })
    }
}
