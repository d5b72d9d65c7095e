import Model
import Models
import Terms
import Testing

// The attacks of DESIGN.md's table, checked at the level of terms, without the search: instantiate
// what an honest role sends for the attack's choices, and ask the Dolev-Yao deduction whether the
// intruder gets the secret (and that it does not with the honest choice). This catches a model whose
// messages do not carry what the document says they carry.

private let eve = Term.atom(.agent("Eve"))
private let alice = Term.atom(.agent("Alice")), bob = Term.atom(.agent("Bob"))

/// What a role sends, by step label.
private func sends(_ model: String, _ role: String) throws -> [String: Term] {
    let r = try #require(Registry.model(named: model)?.role(named: role))
    var out: [String: Term] = [:]
    for e in r.events { if case .send(let label, let t) = e.action { out[label] = t } }
    return out
}

private func step(_ model: String, _ role: String, _ label: String, _ values: [String: Term]) throws -> Term {
    instantiate(try #require(try sends(model, role)[label], "\(model) \(role) sends no step \(label)"), values)
}

/// Replaces variables by name (names not given stay as they are).
private func instantiate(_ t: Term, _ values: [String: Term]) -> Term {
    t.mapLeaves { leaf in
        if case .variable(let v) = leaf, let x = values[v.name] { return x }
        return leaf
    }
}

private func fresh(_ name: String, _ sort: Sort, run: Int = 1) -> Term { .atom(Atom(name, sort: sort, kind: .fresh(run: run))) }

@Test func attestedKSubstitutedServerKeyLeaksK() throws {
    let k = fresh("K", .key)
    let base = ["SE": alice, "Server": bob, "K": k]
    let attack = try step("attested-k", "SE", "3", base.merging(["KeyOwner": eve]) { $1 })
    let honest = try step("attested-k", "SE", "3", base.merging(["KeyOwner": bob]) { $1 })
    #expect(Knowledge([attack, sk(eve), eve, alice, bob]).canDerive(k))
    #expect(!Knowledge([honest, sk(eve), eve, alice, bob]).canDerive(k))
}

@Test func gemplusRSASubstitutedKeyLeaksAKeyTheIssuerDoesNotCompute() throws {
    let r = fresh("r", .nonce)
    let cardKey = hash(r, pk(eve))                 // the card's K_I = H(r, PK') after the substitution
    let issuerKey = hash(r, pk(bob))               // what the issuer computes from the forwarded r
    let attack = try step("gemplus-rsa", "Card", "3", ["KeyOwner": eve, "r": r, "Card": alice])
    #expect(Knowledge([attack, sk(eve), eve, bob]).canDerive(cardKey))
    #expect(cardKey != issuerKey)                  // section 4.3: the card is useless, not cloned
    let honest = try step("gemplus-rsa", "Card", "3", ["KeyOwner": bob, "r": r, "Card": alice])
    #expect(!Knowledge([honest, sk(eve), eve, bob]).canDerive(issuerKey))
}

@Test func gemplusElGamalSubstitutedKeyLeaksTheCardKey() throws {
    let r = fresh("r", .nonce)
    let g = constant("g")
    let knowledge = Knowledge([try step("gemplus-elgamal", "Card", "3", ["r": r]), sk(eve), g])
    #expect(knowledge.canDerive(hash(exp(exp(g, sk(eve)), r), g, exp(g, sk(eve)))))
    #expect(!knowledge.canDerive(hash(exp(exp(g, sk(bob)), r), g, exp(g, sk(bob)))))
}

@Test func masterKeyManInTheMiddleComputesTheMasterKey() throws {
    // The intruder answers the client's step 2a with g^nE: it then opens step 3 and, having sent
    // step 4 itself with points of its own, computes f(0).
    let g = constant("g")
    let nE = Term.atom(Atom("nE", sort: .nonce, kind: .constant(isPublic: false)))
    let x = fresh("x", .nonce), id = fresh("Mk_Id", .nonce), pass = fresh("Mk_Pass", .nonce)
    let values = ["C": alice, "S": bob, "y": nE, "x": x, "Mk_Id": id, "Mk_Pass": pass]
    let seen = [try step("master-key-registration", "C", "2b", values), try step("master-key-registration", "C", "3", values)]
    let knowledge = Knowledge([nE, g] + seen)
    #expect(knowledge.canDerive(hash(id)) && knowledge.canDerive(hash(pass)))
    #expect(!Knowledge([g] + seen).canDerive(hash(id)))
    let mine = (2...5).map { tuple(fresh("x\($0)", .nonce, run: 9), fresh("y\($0)", .nonce, run: 9)) }
    let withPoints = Knowledge(knowledge.analysed + mine)
    let lagrange0 = UserFunction("lagrange0")
    #expect(withPoints.canDerive(lagrange0(tuple(hash(id), hash(pass)), mine[0], mine[1], mine[2], mine[3])))
}

@Test func sodaMachineKmKnownOpensTheSessionAndTheBalance() throws {
    let km = constant("Km", .key, public: false), kasm = constant("Kasm", .key, public: false)
    let kses = fresh("Kses", .key, run: 2)
    let values: [String: Term] = ["SC": alice, "SM": bob, "Kses": kses, "Na": fresh("Na", .nonce), "Nb": fresh("Nb", .nonce, run: 2),
                                  "Nb2": fresh("Nb2", .nonce), "B1": .number(20)]
    let seen = [try step("soda-machine", "SM", "2", values), try step("soda-machine", "SC", "5", values)]
    let withKm = Knowledge(seen + [km])
    #expect(withKm.canDerive(kses))
    // The card's signature and balance, ready to be replayed to another session of the machine.
    #expect(withKm.canDerive(senc(alice, key: kasm)))
    #expect(withKm.canDerive(senc(Term.number(20), key: kasm)))
    #expect(!Knowledge(seen).canDerive(kses))
}

@Test func oldSessionKeyAnswersTheNonceChallenges() throws {
    // modified-ns: with an old K_S the intruder answers message 3 with N + 5.
    let ks = fresh("K_S", .key), n = fresh("N", .nonce, run: 2)
    let values = ["A": alice, "B": bob, "K_S": ks, "N": n]
    let challenge = try step("modified-ns", "A", "3", values)
    let answer = try step("modified-ns", "B", "4", values)
    #expect(Knowledge([challenge, ks, bob]).canDerive(answer))
    #expect(!Knowledge([challenge, bob]).canDerive(answer))

    // ns-symmetric: with an old KAB the intruder answers message 4 with NB - 1.
    let kab = fresh("KAB", .key), nb = fresh("NB", .nonce, run: 2)
    let nsChallenge = try step("ns-symmetric", "B", "4", ["KAB": kab, "NB": nb])
    let nsAnswer = try step("ns-symmetric", "A", "5", ["KAB": kab, "NB": nb])
    #expect(Knowledge([nsChallenge, kab]).canDerive(nsAnswer))
    #expect(!Knowledge([nsChallenge]).canDerive(nsAnswer))
}
