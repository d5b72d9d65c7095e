// The validation protocols of the literature: each verdict comes from a real search at the stated bound.
import Engine
import Results
import Model
import Models
import Terms
import Testing

private func check(_ model: ProtocolModel, runs: Int, typeFlaws: Bool = false, only: Set<String>? = nil) throws -> [String: PropertyResult] {
    let results = try Checker(options: CheckOptions(maxRuns: runs, typeFlaws: typeFlaws, properties: only)).check(model)
    return Dictionary(uniqueKeysWithValues: results.map { ($0.property, $0) })
}

@Test func nspkLowesAttack() throws {
    let r = try check(nspk, runs: 3)
    for p in ["B-secret-Nb", "B-ni-agree", "B-i-agree"] { #expect(r[p]?.verdict == .attack, "\(p)") }
    for p in ["A-secret-Na", "A-secret-Nb", "A-ni-agree", "A-i-agree"] { #expect(r[p]?.verdict == .verified, "\(p)") }
    #expect(r["A-secret-Na"]?.bound.maxRuns == 3)

    // Lowe's trace: A talks to the intruder, who re-encrypts A's message 1 for B; A decrypts B's
    // answer for the intruder, who learns B's nonce.
    let trace = try #require(r["B-secret-Nb"]?.trace)
    #expect(trace.runs.count == 2)
    let a = try #require(trace.runs.first { $0.role == "A" })
    let b = try #require(trace.runs.first { $0.role == "B" })
    #expect(a.bindings["B"] == "Eve")
    #expect(b.bindings["A"] == a.agent)
    let honest = trace.steps.filter { $0.action == .send || $0.action == .receive }.map { "\($0.action.rawValue) \($0.label ?? "") run \($0.run ?? 0)" }
    #expect(honest == ["send 1 run \(a.number)", "receive 1 run \(b.number)", "send 2 run \(b.number)",
                       "receive 2 run \(a.number)", "send 3 run \(a.number)", "receive 3 run \(b.number)"])
    let nb = Term.atom(Atom("Nb", sort: .nonce, kind: .fresh(run: b.number)))
    #expect(trace.steps.contains { $0.action == .derive && $0.rule == .decrypt && $0.term == nb })
    // Z3 gives the nonces concrete, distinct values.
    let values = trace.witness.compactMap(\.value)
    #expect(values.count >= 2 && Set(values).count == values.count)
}

@Test func nslHoldsTypedAndWithTypeFlaws() throws {
    for typeFlaws in [false, true] {
        let r = try check(nsl, runs: 3, typeFlaws: typeFlaws)
        for (name, result) in r { #expect(result.verdict == .verified, "\(name), type flaws: \(typeFlaws)") }
        #expect(r.count == 12)
    }
}

@Test func otwayReesTypeFlaw() throws {
    let typed = try check(otwayRees, runs: 2, only: ["A-secret-Kab"])
    #expect(typed["A-secret-Kab"]?.verdict == .verified)
    let flawed = try check(otwayRees, runs: 1, typeFlaws: true, only: ["A-secret-Kab"])
    let trace = try #require(flawed["A-secret-Kab"]?.trace)
    // A takes (M, A, B) from its own message 1 as the key.
    let claim = try #require(trace.steps.last { $0.action == .claim })
    #expect(claim.term.tupleComponents.count == 3)
    #expect(trace.runs.count == 1)
}

@Test func unauthenticatedDiffieHellmanManInTheMiddle() throws {
    let r = try check(dhUnauthenticated, runs: 2, only: ["A-secret-K"])
    let trace = try #require(r["A-secret-K"]?.trace)
    // The intruder raises A's half to its own exponent.
    #expect(trace.steps.contains { step in
        if step.action == .derive, case .app(.exp, let args) = step.term { return args.count == 3 }
        return false
    })
}

@Test func iso9798ReflectionNeedsTheIdentityLeftOut() throws {
    let noid = try check(iso9798NoIdentity, runs: 2)
    #expect(noid["B-alive"]?.verdict == .attack)
    let trace = try #require(noid["B-alive"]?.trace)
    // Reflection: both runs are played by the same agent, the verifier.
    #expect(Set(trace.runs.map(\.agent)).count == 1)
    let withId = try check(iso9798WithIdentity, runs: 3)
    #expect(withId["B-alive"]?.verdict == .verified)
    #expect(withId["B-ni-agree"]?.verdict == .verified)
}

@Test(arguments: SearchEngine.allCases)
func stateLimitIsInconclusiveNotVerified(_ engine: SearchEngine) throws {
    let r = try Checker(options: CheckOptions(maxRuns: 3, maxStates: 5, engine: engine)).check(nsl)
    #expect(r.allSatisfy { $0.verdict == .inconclusive })
    #expect(r.allSatisfy { $0.limit?.contains("limit of 5") == true }, "\(r.map { $0.limit ?? "-" })")
}

/// A cancelled check stops: every property it had not decided is inconclusive, and says it was
/// interrupted (never verified).
@Test(arguments: SearchEngine.allCases)
func cancelledSearchIsInterruptedNotVerified(_ engine: SearchEngine) throws {
    let cancellation = Cancellation()
    cancellation.cancel()
    let r = try Checker(options: CheckOptions(maxRuns: 3, engine: engine, cancellation: cancellation)).check(nsl)
    #expect(!r.isEmpty)
    #expect(r.allSatisfy { $0.verdict == .inconclusive && $0.limit == "interrupted" }, "\(r.map { "\($0.property) \($0.verdict) \($0.limit ?? "-")" })")
}
