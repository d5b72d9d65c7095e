import Engine
import Results
import Testing
@testable import Traces

@Suite struct TextRendererTests {
    @Test func traceReadsAsAliceAndBob() {
        let text = TextRenderer.render(trace: Fixtures.loweTrace())
        let expected = """
        attack on nspk secret-Nb (secrecy, B's view), setting standard
        run 1: A played by Alice, with B = Eve
        run 2: B played by Bob, with A = Alice

          1. Alice (run 1) -> Eve : {Na#1, Alice}pk(Eve)   [msg 1]
          2. Eve -> Bob (run 2)   : {Na#1, Alice}pk(Bob)   [msg 1]
               Eve decrypts {Na#1, Alice}pk(Eve) with sk(Eve): (Na#1, Alice)
               Eve builds {Na#1, Alice}pk(Bob) from (Na#1, Alice), pk(Bob)
          3. Bob (run 2) -> Eve   : {Na#1, Nb#2}pk(Alice)   [msg 2]
          4. Eve -> Alice (run 1) : {Na#1, Nb#2}pk(Alice)   [msg 2]
          5. Alice (run 1) -> Eve : {Nb#2}pk(Eve)   [msg 3]
          6. Eve -> Bob (run 2)   : {Nb#2}pk(Bob)   [msg 3]
               Eve decrypts {Nb#2}pk(Eve) with sk(Eve): Nb#2
               Eve builds {Nb#2}pk(Bob) from Nb#2, pk(Bob)
          7. Bob (run 2) claims secret-Nb: Nb#2

        Violated: the intruder knows Nb#2, which Bob believes secret
        Witness:
          Nb#2 = 17

        """
        #expect(text == expected)
    }

    @Test func resultsShowVerdictBoundAssumptionsAndLimit() {
        let text = TextRenderer.render(Fixtures.results())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "nspk  secret-Nb (secrecy, B's view)  ATTACK  [bound: max-runs 2, typed; states 1234; 0.12 s]")
        #expect(lines.contains("nspk  secret-Na (secrecy, A's view)  VERIFIED within 2 runs  [bound: max-runs 2, typed; states 1234; 0.12 s]"))
        #expect(lines.contains("nspk  ni-agree (non-injective-agreement, B's view)  INCONCLUSIVE  [bound: max-runs 2, typed; states 1234; 0.12 s]"))
        #expect(lines.contains("    limit: max-states 1000 reached"))
        #expect(lines.contains("    assuming: the intruder controls the network and plays dishonest agents"))
        #expect(lines.contains("      1. Alice (run 1) -> Eve : {Na#1, Alice}pk(Eve)   [msg 1]"))
        // Only the attack carries a trace.
        #expect(text.components(separatedBy: "Violated:").count == 2)
    }

    @Test func typeFlawBoundIsNamed() {
        var r = Fixtures.result("secret-Nb", .secrecy, .verified)
        r.bound = Bound(maxRuns: 3, typeFlaws: true)
        #expect(TextRenderer.verdictLine(r).hasSuffix("[bound: max-runs 3, type flaws; states 1234; 0.12 s]"))
    }

    @Test func trailingDerivationsFollowTheLastStep() {
        var trace = Fixtures.loweTrace()
        trace.steps.append(.init(actor: "Eve", run: nil, action: .derive, term: Fixtures.nb, rule: .known))
        let text = TextRenderer.render(trace: trace)
        #expect(text.contains("  7. Bob (run 2) claims secret-Nb: Nb#2\n       Eve knows Nb#2\n"))
    }

    @Test func eventsOldSessionsAndSettingsAreShown() {
        var trace = Fixtures.loweTrace()
        trace.runs[0].old = true
        trace.steps.insert(.init(actor: "Bob", run: 2, action: .event, term: .tuple(Fixtures.alice, Fixtures.na), note: "running"), at: 5)
        let text = TextRenderer.render(trace: trace)
        #expect(text.contains("run 1: A played by Alice, with B = Eve (old session)\n"))
        #expect(text.contains("  4. Bob (run 2) signals running: (Alice, Na#1)\n"))
        #expect(text.contains("  8. Bob (run 2) claims secret-Nb: Nb#2\n"))
        var r = Fixtures.result("secret-Nb@old", .secrecy, .attack, trace: trace)
        r.setting = "old"
        #expect(TextRenderer.render([r]).contains("\n    setting: old\n"))
    }

    @Test func derivationWithoutPremisesStillPrints() {
        let step = Trace.Step(actor: "Eve", run: nil, action: .derive, term: Fixtures.nb, rule: .decrypt, premises: nil)
        #expect(TraceScript.describeDerivation(step) == "decrypts Nb#2")
    }
}
