import Engine
import Results
import Testing
import Traces

@Suite struct ExpectationsTests {
    static let yaml = """
    nspk:
      secret-Nb: attack
      secret-Na: attack
      ni-agree: inconclusive
      gone: verified
    other-model:
      anything: verified
    """

    @Test func diffsBothWaysAndMissing() throws {
        var results = Fixtures.results()
        results[0].verdict = .verified   // expected attack, got verified
        let exp = try Expectations.parse(yaml: Self.yaml)
        let diffs = exp.compare(results)
        #expect(diffs.map(\.description) == [
            "nspk gone: expected verified, got no result",
            "nspk secret-Na: expected attack, got verified within 2 runs",
            "nspk secret-Nb: expected attack, got verified within 2 runs",
        ])
        #expect(diffs[1] == ExpectationDiff(model: "nspk", property: "secret-Na", expected: ExpectedVerdict(.attack),
                                            got: ExpectedVerdict(.verified, scope: .bounded, runs: 2)))
        // A model the results do not cover is out of scope.
        #expect(!diffs.contains { $0.model == "other-model" })
        #expect(exp.unknownProperties(in: results) == ["nspk gone"])
    }

    @Test func expectedAttackGotVerifiedAndTheReverse() throws {
        let exp = try Expectations.parse(yaml: "nspk:\n  secret-Nb: verified\n  secret-Na: attack\n")
        let got = Fixtures.results()
        #expect(exp.compare(got).map(\.description) == [
            "nspk secret-Na: expected attack, got verified within 2 runs",
            "nspk secret-Nb: expected verified, got attack",
        ])
    }

    @Test func renderedFileIsSatisfiedByItsResults() throws {
        let results = Fixtures.results() + [Fixtures.result("secret-K@server", .secrecy, .verified, model: "attested-k")]
        let yaml = Expectations.render(results)
        #expect(yaml.contains("attested-k:\n  secret-K@server: verified within 2 runs\nnspk:\n  ni-agree: inconclusive\n  secret-Na: verified within 2 runs\n  secret-Nb: attack\n"))
        let exp = try Expectations.parse(yaml: yaml)
        #expect(exp.compare(results).isEmpty)
        #expect(exp.unknownProperties(in: results).isEmpty)
        #expect(exp.entries.count == 4)
    }

    @Test func badVerdictIsRejectedWithItsPlace() {
        #expect {
            try Expectations.parse(yaml: "nspk:\n  secret-Nb: broken\n")
        } throws: { error in
            "\(error)".contains("2:14") && "\(error)".contains("attack, inconclusive, verified, 'verified within N runs' or 'verified for any number of runs'")
        }
        #expect(throws: Expectations.ParseError.self) { try Expectations.parse(yaml: "- a\n- b\n") }
        #expect(throws: Expectations.ParseError.self) { try Expectations.parse(yaml: "nspk: attack\n") }
    }

    @Test func emptyFileExpectsNothing() throws {
        #expect(try Expectations.parse(yaml: "").entries.isEmpty)
        #expect(try Expectations.parse(yaml: "# nothing yet\n").compare(Fixtures.results()).isEmpty)
    }
}
