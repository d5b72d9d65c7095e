import Solver
import Terms
import Testing

private let n = Term.atom(Atom("N", sort: .nonce, kind: .fresh(run: 1)))
private let m = Term.atom(Atom("M", sort: .nonce, kind: .fresh(run: 2)))
private let b = Term.variable(Variable("B", sort: .number, run: 1))

@Test func arithmeticOnNoncesAndBalances() {
    let z3 = Z3Solver()
    // N + 5 = M is satisfiable with distinct fresh values, and the model says so concretely.
    guard case .satisfiable(let model) = z3.check([.equal(.plus(n, 5), m)]) else { Issue.record("expected sat"); return }
    let nv = model.integers[n], mv = model.integers[m]
    #expect(nv != nil && mv == nv.map { $0 + 5 })
    // A balance must cover the price, and stay non-negative after paying twice.
    #expect(z3.check([.atLeast(b, .number(5)), .atLeast(.plus(b, -10), .number(0)), .atLeast(.number(7), b)]) == .unsatisfiable)
    #expect(z3.check([.notEqual(n, n)]) == .unsatisfiable)
}

@Test func disequalityOverTermsWithVariables() {
    let z3 = Z3Solver()
    let x = Term.variable(Variable("X", sort: .message, run: 1))
    let pair = Term.tuple(n, x)
    #expect(z3.check([.equal(pair, .tuple(n, m)), .notEqual(x, m)]) == .unsatisfiable)
    if case .satisfiable = z3.check([.notEqual(pair, .tuple(n, m))]) {} else { Issue.record("expected sat") }
}
