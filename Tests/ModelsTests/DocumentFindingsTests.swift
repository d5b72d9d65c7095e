// The verdicts of DESIGN.md's table "What the four protocols must show", each from a real search
// at the bound it is claimed for (max-runs 3 for every `verified`), with the shape of each attack.
import Engine
import Results
import Model
import Models
import ProtocheckKit
import Terms
import Testing

// MARK: - Helpers over results and traces

private func check(_ name: String, maxRuns: Int = 3, only: Set<String>? = nil) throws -> [String: PropertyResult] {
    let model = try #require(Registry.model(named: name), "\(name) is not registered")
    let results = try Checker(options: CheckOptions(maxRuns: maxRuns, properties: only)).check(model)
    return Dictionary(results.map { ($0.property, $0) }, uniquingKeysWith: { a, _ in a })
}

private func result(_ results: [String: PropertyResult], _ property: String) throws -> PropertyResult {
    try #require(results[property], "no result for \(property); have \(results.keys.sorted())")
}

/// An attack's trace, after checking the verdict and the bound it was found under.
private func attack(_ results: [String: PropertyResult], _ property: String, maxRuns: Int = 3) throws -> Trace {
    let r = try result(results, property)
    #expect(r.verdict == .attack, "\(property)")
    #expect(r.bound.maxRuns == maxRuns, "\(property)")
    return try #require(r.trace, "\(property): an attack carries its trace")
}

private func verified(_ results: [String: PropertyResult], _ property: String, maxRuns: Int = 3) throws {
    let r = try result(results, property)
    #expect(r.verdict == .verified, "\(property): \(r.trace.map { $0.violation } ?? r.limit ?? "")")
    #expect(r.bound.maxRuns == maxRuns, "\(property)")
    #expect(r.trace == nil, "\(property)")
}

private func contains(_ t: Term, _ part: Term) -> Bool { t.subterms.contains(part) }

private func contains(_ t: Term, where test: (Term) -> Bool) -> Bool { t.subterms.contains(where: test) }

private func isFresh(_ t: Term, named name: String) -> Bool {
    if case .atom(let a) = t, a.name == name, case .fresh = a.kind { return true }
    return false
}

private extension Trace {
    var intruderAgent: Term { .atom(.agent(intruder)) }
    func runs(of role: String) -> Set<Int> { Set(runs.filter { $0.role == role }.map(\.number)) }
    /// Honest receives of step `label` by runs of `role`.
    func receives(_ role: String, _ label: String) -> [Step] {
        let rs = runs(of: role)
        return steps.filter { $0.action == .receive && $0.label == label && $0.run.map(rs.contains) == true }
    }
    func sends(_ role: String, _ label: String) -> [Step] {
        let rs = runs(of: role)
        return steps.filter { $0.action == .send && $0.label == label && $0.run.map(rs.contains) == true }
    }
    var derivations: [Step] { steps.filter { $0.action == .derive } }
    func events(_ name: String) -> [Step] { steps.filter { $0.action == .event && $0.note == name } }
    var oldRuns: [Run] { runs.filter(\.old) }
}

// MARK: - attested-k (Rundgren v0.12)

@Test func attestedKFindings() throws {
    let results = try check("attested-k")

    // SE's view: the client substitutes ServerPubK with its own key and decrypts EK (section 3).
    let leak = try attack(results, "secret-K-SE")
    #expect(leak.receives("SE", "2").contains { contains($0.term, pk(leak.intruderAgent)) })
    #expect(leak.derivations.contains { isFresh($0.term, named: "K") })

    // Server's view: AK binds K to ServerPubK.
    try verified(results, "secret-K-Server")
    try verified(results, "ni-agree-SE-K")

    // No nonces: EK, AK, SE_Cert replayed to a second server session.
    let replay = try attack(results, "i-agree-SE-K")
    #expect(replay.runs(of: "Server").count >= 2)
    let step4 = replay.receives("Server", "4")
    #expect(step4.count >= 2)
    #expect(Set(step4.map(\.term)).count < step4.count, "the same EK, AK, SE_Cert reach two server runs")
    #expect(replay.runs(of: "SE").count == 1)
}

@Test func attestedKNoncesFindings() throws {
    let results = try check("attested-k-nonces")
    let leak = try attack(results, "secret-K-SE")
    #expect(leak.receives("SE", "2").contains { contains($0.term, pk(leak.intruderAgent)) })
    try verified(results, "secret-K-Server")
    try verified(results, "ni-agree-SE-K")
    try verified(results, "i-agree-SE-K")   // the server's Ns is signed in AK
}

// MARK: - Gemplus personalization (CARDIS 2002)

@Test func gemplusFirstApproachFigure2() throws {
    let results = try check("gemplus-first")
    let mitm = try attack(results, "privacy-given-integrity")
    // PK replaced by the PC's own key, K_I decrypted and re-encrypted for the issuer.
    #expect(mitm.receives("Card", "1").contains { contains($0.term, pk(mitm.intruderAgent)) })
    #expect(mitm.derivations.contains { isFresh($0.term, named: "K_I") })
    let issuerGot = mitm.receives("Issuer", "4")
    #expect(!issuerGot.isEmpty)
    #expect(!mitm.sends("Card", "3").contains { sent in issuerGot.contains { contains($0.term, sent.term) } },
            "the issuer's ciphertext is the intruder's re-encryption, not the card's")
    let stored = mitm.events("stored"), holds = mitm.events("holds")
    #expect(stored.contains { s in holds.contains { $0.term == s.term } }, "key integrity holds in the attack")
}

@Test(arguments: ["gemplus-rsa", "gemplus-elgamal"])
func gemplusTheorem3(name: String) throws {
    let results = try check(name)
    try verified(results, "privacy-given-integrity")

    // Section 4.3: the insider learns K_I only by changing PK, and then the issuer's K_I differs.
    let dos = try attack(results, "secret-K_I-Card")
    #expect(dos.receives("Card", "1").contains { contains($0.term, dos.intruderAgent) })
    let holds = dos.events("holds")
    #expect(!holds.isEmpty)
    for s in dos.events("stored") { #expect(!holds.contains { $0.term == s.term }) }
    #expect(dos.derivations.contains { step in
        contains(step.term, where: { if case .app(.hash, _) = $0 { return true } else { return false } })
            && (contains(step.term, pk(dos.intruderAgent)) || contains(step.term, sk(dos.intruderAgent)))
    }, "the card's K_I is computed over the intruder's key")

    // Section 4.5: a colluding second issuer gets working keys for the cards it is handed.
    let collusion = try attack(results, "privacy-given-integrity@collusion")
    #expect(collusion.setting == "collusion")
    #expect(collusion.receives("Card", "1").contains { contains($0.term, agent("RogueIssuer")) || contains($0.term, .atom(.agent("RogueIssuer"))) })
}

// MARK: - Soda machine

@Test func sodaMachineCardCloning() throws {
    // The km-known attacks need two runs; the other properties (two aliveness claims verified at
    // three runs) are left to `make run`, which checks them all.
    let results = try check("soda-machine", only: ["i-agree-SC-IDsc-B1-B2", "secret-Kses-SM",
                                                   "i-agree-SC-IDsc-B1-B2@km-known", "secret-Kses-SM@km-known"])
    try verified(results, "i-agree-SC-IDsc-B1-B2")
    try verified(results, "secret-Kses-SM")

    let clone = try attack(results, "i-agree-SC-IDsc-B1-B2@km-known")
    #expect(clone.setting == "km-known")
    // The card's signature IDsc' and balance, read from a session opened with Km, reach a machine in
    // a step 5 the intruder built itself (cloned card), or a second time (balance replay).
    let kasm = constant("Kasm", .key, public: false)
    func cardSignatures(_ t: Term) -> Set<Term> {
        Set(t.subterms.filter { if case .app(.senc, let xs) = $0 { return xs[1] == kasm && xs[0].sort == .agent } else { return false } })
    }
    let fromCards = clone.sends("SC", "5")
    let atMachines = clone.receives("SM", "5")
    #expect(!fromCards.isEmpty && !atMachines.isEmpty)
    let signed = fromCards.reduce(into: Set<Term>()) { $0.formUnion(cardSignatures($1.term)) }
    #expect(atMachines.contains { !cardSignatures($0.term).isDisjoint(with: signed) })
    // The machine that claims accepted a step 5 that no card sent to it once: one the intruder built
    // (a cloned card), a second copy (a balance replayed), or one a card sent to another machine
    // (a payment relayed from the intruder's own machine identity).
    let claimant = try #require(clone.steps.last { $0.action == .claim }?.run)
    let accepted = clone.receives("SM", "5").filter { $0.run == claimant }
    #expect(accepted.contains { r in
        let senders = fromCards.filter { $0.term == r.term }
        return senders.isEmpty || accepted.count > senders.count || senders.contains { s in
            clone.runs.first { $0.number == s.run }?.bindings["SM"] != clone.runs.first { $0.number == claimant }?.agent
        }
    }, "the accepted step 5 is no card's step 5 to this machine")
    #expect(try attack(results, "secret-Kses-SM@km-known").derivations.contains { isFresh($0.term, named: "Kses") })
}

// MARK: - Das, symmetric key management (2023)

@Test func modifiedNSFindings() throws {
    let results = try check("modified-ns")
    try verified(results, "secret-K_S-A")
    try verified(results, "ni-agree-A-K_S")

    // Messages 2 and 3 replayed to a second run of B: nothing in 1 and 2 is fresh. The replay needs
    // A, the KDC and two runs of B: four runs.
    #expect(results["i-agree-A-K_S"]?.verdict == .verified, "no replay fits in three runs")
    let four = try check("modified-ns", maxRuns: 4, only: ["i-agree-A-K_S"])
    let replay = try attack(four, "i-agree-A-K_S", maxRuns: 4)
    let step3 = replay.receives("B", "3")
    #expect(step3.count >= 2)
    #expect(Set(step3.map(\.term)).count < step3.count)

    // With an old K_S, A accepts it again and the intruder answers N + 5.
    let old = try attack(results, "secret-K_S-A@old-session-key-compromised")
    #expect(!old.oldRuns.isEmpty)
    let answers = old.receives("A", "4")
    #expect(answers.contains { contains($0.term, where: { if case .offset(_, 5) = $0 { return true } else { return false } }) })
    #expect(old.derivations.contains { contains($0.term, where: { if case .offset(_, 5) = $0 { return true } else { return false } }) },
            "the intruder builds N + 5 itself")
    #expect(old.witness.contains { $0.value != nil }, "Z3 chose the integers")
}

@Test func nsSymmetricDenningSacco() throws {
    let results = try check("ns-symmetric")
    try verified(results, "ni-agree-A-KAB-NB")
    let ds = try attack(results, "ni-agree-A-KAB-NB@old-session-key-compromised")
    #expect(!ds.oldRuns.isEmpty)
    // Message 3 of an old session replayed, and NB - 1 answered by the intruder.
    let oldA = Set(ds.oldRuns.filter { $0.role == "A" }.map(\.number))
    let oldTickets = ds.steps.filter { $0.action == .send && $0.label == "3" && $0.run.map(oldA.contains) == true }.map(\.term)
    let live = ds.receives("B", "3").filter { s in !ds.oldRuns.contains { $0.number == s.run } }
    #expect(live.contains { oldTickets.contains($0.term) })
    #expect(ds.derivations.contains { contains($0.term, where: { if case .offset(_, -1) = $0 { return true } else { return false } }) })
    _ = try attack(results, "i-agree-A-KAB-NB@old-session-key-compromised")
    // A's nonce NA in message 2 keeps old keys away from A; the old runs never stand in for current ones.
    try verified(results, "secret-KAB-A@old-session-key-compromised")
    try verified(results, "ni-agree-B-KAB-NB@old-session-key-compromised")
}

@Test func masterKeyRegistrationManInTheMiddle() throws {
    let results = try check("master-key-registration")
    for property in ["secret-MK-C", "secret-MK-S"] {
        let mitm = try attack(results, property)
        #expect(mitm.derivations.contains { step in
            contains(step.term, where: { if case .app(.user("lagrange0", _), _) = $0 { return true } else { return false } })
        }, "\(property): the intruder computes f(0) itself")
    }
}
