import Terms
import Testing

private let na = Term.atom(Atom("Na", sort: .nonce, kind: .fresh(run: 1)))
private let x = Term.variable(Variable("X", sort: .nonce, run: 2))
private let key = Term.variable(Variable("K", sort: .key, run: 2))
private let g = Term.atom(Atom("g", sort: .message, kind: .constant(isPublic: true)))

@Test func diffieHellmanExponentsCommute() {
    let a = Term.atom(Atom("a", sort: .nonce, kind: .fresh(run: 1)))
    let b = Term.atom(Atom("b", sort: .nonce, kind: .fresh(run: 2)))
    #expect(Term.exp(.exp(g, a), b) == Term.exp(.exp(g, b), a))
    #expect(Term.exp(g, a) != Term.exp(g, b))
}

@Test func offsetsFoldAndUnify() {
    #expect(Term.plus(.plus(na, 5), -5) == na)
    let solutions = Unifier().unify(.plus(x, 5), .plus(na, 5))
    #expect(solutions.count == 1)
    #expect(solutions.first?.apply(x) == na)
    // x + 5 = Na binds x to Na - 5.
    #expect(Unifier().unify(.plus(x, 5), na).first?.apply(x) == .plus(na, -5))
}

@Test func typedUnificationRespectsSorts() {
    let tuple = Term.tuple(na, na)
    #expect(Unifier().unify(key, tuple).isEmpty)
    #expect(Unifier(typeFlaws: true).unify(key, tuple).first?.apply(key) == tuple)
}

@Test func sharedKeysAreUnordered() {
    let a = Term.atom(.agent("Alice")), b = Term.atom(.agent("Bob"))
    #expect(Term.apply(.shk, [a, b]) == Term.apply(.shk, [b, a]))
}

@Test func intruderDecryptsOnlyWithTheKey() {
    let k = Term.atom(Atom("k", sort: .key, kind: .fresh(run: 1)))
    let c = Term.app(.senc, [na, k])
    #expect(!Knowledge([c], variablesKnown: false).canDerive(na))
    let knowledge = Knowledge([c, k], variablesKnown: false)
    #expect(knowledge.canDerive(na))
    let steps = knowledge.derivation(of: .plus(na, 5)) ?? []
    #expect(steps.map(\.rule).filter { $0 != .known } == [.decrypt, .compose])
}

@Test func termsRoundTripThroughJSON() throws {
    let t = Term.app(.aenc, [.tuple(na, .plus(x, -1)), .app(.pk, [.atom(.agent("Bob"))])])
    let data = try JSONEncoder().encode(t)
    #expect(try JSONDecoder().decode(Term.self, from: data) == t)
}

import Foundation
