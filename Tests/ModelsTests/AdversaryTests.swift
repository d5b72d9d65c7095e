// Textbook results about compromising adversaries (docs/adversaries.md cites each), every verdict
// from a real search and every attack replayed on real cryptography.
import Engine
import Model
import Models
import Replay
import Results
import Terms
import Testing
import Traces

private func check(_ name: String, _ adversary: String, only: Set<String>? = nil, maxRuns: Int = 3) throws -> [String: PropertyResult] {
    let model = try #require(Registry.model(named: name), "\(name) is not registered")
    var options = CheckOptions(maxRuns: maxRuns, properties: only)
    options.adversary = try #require(Adversary.parse(adversary), "no adversary \(adversary)")
    let results = try Checker(options: options).check(model)
    return Dictionary(results.map { ($0.property, $0) }, uniquingKeysWith: { a, _ in a })
}

/// The attack on `property`, after checking it replays as confirmed.
@discardableResult
private func attack(_ results: [String: PropertyResult], _ property: String, model: String) throws -> Trace {
    let r = try #require(results[property], "no result for \(property)")
    #expect(r.verdict == .attack, "\(property): \(r.limit ?? "verified")")
    let trace = try #require(r.trace, "\(property): an attack carries its trace")
    let replay = Replayer(model: try #require(Registry.model(named: model))).replay(trace)
    #expect(replay.confirmed, "\(property): \(replay.failure?.reason ?? "")")
    return trace
}

private func verified(_ results: [String: PropertyResult], _ property: String) throws {
    let r = try #require(results[property], "no result for \(property)")
    #expect(r.verdict == .verified, "\(property): \(r.trace?.violation ?? r.limit ?? "")")
}

private func reveals(_ trace: Trace) -> [Trace.Step] { trace.steps.filter { $0.action == .reveal } }

@Suite("Compromising adversaries")
struct AdversaryTests {
    @Test("Signed Diffie-Hellman keeps its key secret when both long-term keys leak after the session (Tamarin SignedDH_PFS)")
    func signedDHForwardSecrecy() throws {
        for adversary in ["ext", "pfs", "wpfs"] {
            let r = try check("signed-dh", adversary, only: ["A-secret-K", "B-secret-K"])
            try verified(r, "A-secret-K")
            try verified(r, "B-secret-K")
            #expect(r["A-secret-K"]?.scope == .unbounded, "\(adversary)")
            #expect(r["A-secret-K"]?.adversary.name == Adversary.parse(adversary)?.name)
        }
    }

    @Test("Encrypted key transport loses forward secrecy: NSL's nonces and attested-k's K, the server's key leaking after the claim")
    func keyTransportForwardSecrecy() throws {
        let nsl = try check("nsl", "pfs", only: ["B-secret-Nb"])
        let trace = try attack(nsl, "B-secret-Nb", model: "nsl")
        let reveal = try #require(reveals(trace).first)
        #expect(reveal.note?.contains("after the claim") == true)
        #expect(reveal.term.description.hasPrefix("sk("))
        // The reveal comes after every message of the runs: after B's claim.
        let lastMessage = try #require(trace.steps.lastIndex { $0.action == .send || $0.action == .receive })
        #expect(try #require(trace.steps.firstIndex { $0.action == .reveal }) > lastMessage)

        let attested = try check("attested-k", "pfs", only: ["secret-K-Server"])
        let t = try attack(attested, "secret-K-Server", model: "attested-k")
        let server = try #require(t.runs.first { $0.role == "Server" })
        #expect(reveals(t).map(\.term) == [.app(.sk, [.atom(.agent(server.agent))])])
        // Without compromise the server's K is secret: AK binds K to the server's key.
        try verified(try check("attested-k", "ext", only: ["secret-K-Server"]), "secret-K-Server")
    }

    @Test("A key that depends only on the two agents falls to key-compromise impersonation (Just and Vaudenay 1996)")
    func sharedKeyKCI() throws {
        try verified(try check("shared-key-mac", "ext"), "A-ni-agree")
        let trace = try attack(try check("shared-key-mac", "kci"), "A-ni-agree", model: "shared-key-mac")
        let reveal = try #require(reveals(trace).first)
        #expect(reveal.note?.contains("LKRactor") == true)
        // The intruder answers the claimant's challenge itself: no run of B takes part.
        #expect(trace.runs.map(\.role) == ["A"])
    }

    @Test("NAXOS-style exponents survive randomness reveal where plain signed Diffie-Hellman does not (Tamarin NAXOS_eCK, SignedDH_eCK)")
    func randomnessReveal() throws {
        let plain = try check("signed-dh", "rnr", only: ["A-secret-K"])
        let trace = try attack(plain, "A-secret-K", model: "signed-dh")
        let reveal = try #require(reveals(trace).first)
        #expect(reveal.note?.contains("RNR") == true)
        if case .atom(let a) = reveal.term { #expect(a.isFresh) } else { Issue.record("a fresh value is revealed, not \(reveal.term)") }
        let naxos = try check("signed-dh-naxos", "rnr")
        try verified(naxos, "A-secret-K")
        try verified(naxos, "B-secret-K")
    }

    @Test("A session key revealed from another session: the Denning-Sacco replay is reached through the generic capability (known-key, br)")
    func sessionKeyReveal() throws {
        // ns-symmetric's hand-made old-session-key setting finds it; br finds it in the standard setting.
        try verified(try check("ns-symmetric", "ext", only: ["ni-agree-A-KAB-NB"]), "ni-agree-A-KAB-NB")
        let trace = try attack(try check("ns-symmetric", "br", only: ["ni-agree-A-KAB-NB"]), "ni-agree-A-KAB-NB", model: "ns-symmetric")
        let reveal = try #require(reveals(trace).first)
        #expect(reveal.note?.contains("SKR") == true)
        #expect(reveal.run != nil)
    }

    @Test("The explicit engine keeps a compromise claim open rather than verify it without the reveals")
    func explicitEngineIsHonest() throws {
        let model = try #require(Registry.model(named: "signed-dh"))
        var options = CheckOptions(maxRuns: 2, properties: ["A-secret-K"], engine: .explicit)
        options.adversary = try #require(Adversary.parse("pfs"))
        let r = try #require(try Checker(options: options).check(model).first)
        #expect(r.verdict == .inconclusive)
        #expect(r.limit?.contains("compromising adversaries") == true)
    }

    @Test("The matrix: each claim's verdict under each adversary, and the strongest adversaries it survives")
    func matrix() throws {
        let model = try #require(Registry.model(named: "signed-dh"))
        var results: [PropertyResult] = []
        for name in ["ext", "pfs", "rnr"] {
            var options = CheckOptions(maxRuns: 3, properties: ["A-secret-K"])
            options.adversary = try #require(Adversary.parse(name))
            results += try Checker(options: options).check(model)
        }
        let matrix = AdversaryMatrix(results)
        #expect(matrix.adversaries.map(\.name) == ["ext", "af", "RNR"])
        let row = try #require(matrix.rows.first)
        #expect(row.cells[try #require(Adversary.parse("rnr"))]?.verdict == .attack)
        // ext is included in af; rnr broke the claim.
        #expect(matrix.strongest(row).map(\.name) == ["af"])
        #expect(matrix.text.contains("signed-dh  A-secret-K  verified  verified  attack  af"))
    }

    @Test("Adversary names: the IKE study's, the literature's aliases, and capability sets")
    func names() throws {
        #expect(Adversary.parse("pfs")?.capabilities == [.lkrAfter])
        #expect(Adversary.parse("KCI")?.name == "ca")
        #expect(Adversary.parse("eck2")?.capabilities == [.lkrOthers, .lkrActor, .lkrAfterCorrect, .skr])
        #expect(Adversary.parse("SKR+LKRothers")?.name == "br")
        #expect(Adversary.parse("RNR+LKRactor")?.name == "LKRactor+RNR")
        #expect(Adversary.parse("ck") == nil, "CK needs state reveal, which is not modelled")
        #expect(Adversary.parseList("all")?.count == Adversary.named.count)
    }
}
