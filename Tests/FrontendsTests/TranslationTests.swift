import Testing
import Engine
import Results
import Terms
import Model
@testable import Frontends

/// SPDL and the Swift DSL say the same thing: the translated events equal the DSL's.
@Suite struct TranslationTests {
    let ns3 = """
    protocol ns3(I,R)
    {
        role I
        {
            fresh ni: Nonce;
            var nr: Nonce;
            send_1(I,R, {I,ni}pk(R) );
            recv_2(R,I, {ni,nr}pk(I) );
            send_3(I,R, {nr}pk(R) );
            claim_i1(I,Secret,ni);
            claim_i3(I,Niagree);
        }
        role R
        {
            var ni: Nonce;
            fresh nr: Nonce;
            recv_1(I,R, {I,ni}pk(R) );
            send_2(R,I, {ni,nr}pk(I) );
            recv_3(I,R, {nr}pk(R) );
            claim_r3(R,Nisynch);
        }
    }
    """

    @Test func needhamSchroederEqualsTheDSLModel() throws {
        let models = try SPDL.parse(ns3, file: "ns3.spdl")
        #expect(models.count == 1)
        let m = try #require(models.first)
        let I = agent("I"), R = agent("R"), ni = nonce("ni"), nr = nonce("nr")
        let m1 = aenc(I, ni, key: pk(R)), m2 = aenc(ni, nr, key: pk(I)), m3 = aenc(nr, key: pk(R))
        let dsl = ProtocolModel("ns3", title: "ns3", source: "") {
            Role("I") {
                Fresh(ni)
                Send("1", m1, from: I, to: R)
                Recv("2", m2, from: R, to: I)
                Send("3", m3, from: I, to: R)
                Claim("Secret_i1", .secret(ni))
                Claim("Niagree_i3", .messageAgreement)
            }
            Role("R") {
                Fresh(nr)
                Recv("1", m1, from: I, to: R)
                Send("2", m2, from: R, to: I)
                Recv("3", m3, from: I, to: R)
                Claim("Nisynch_r3", .synchronisation)
            }
        }
        #expect(m.name == "ns3")
        #expect(m.roles.map(\.name) == ["I", "R"])
        for (mine, theirs) in zip(m.roles, dsl.roles) {
            #expect(mine.events.map(\.action) == theirs.events.map(\.action))
            #expect(mine.events.map(\.endpoints) == theirs.events.map(\.endpoints))
        }
        #expect(m.properties.map(\.name) == ["Secret_i1", "Niagree_i3", "Nisynch_r3"])
        #expect(m.properties.map(\.kind) == [.secrecy, .messageAgreement, .synchronisation])
        #expect(m.validate().isEmpty)
        // Locations point into the .spdl file.
        let send1 = try #require(m.roles[0].events.first { $0.label == "1" })
        #expect(send1.location == SourceLocation(file: "ns3.spdl", line: 7, column: 9))
    }

    /// The causal past of a claim follows each receive back to the send of its label: R's claim after
    /// message 3 covers messages 1 and 3 it received and message 2 that I received before sending 3.
    @Test func causalPastFollowsReceivesBackToTheirSends() throws {
        let m = try #require(try SPDL.parse(ns3, file: "ns3.spdl").first)
        let past = m.causalPast(role: 1, event: m.roles[1].events.count - 1)
        #expect(Set(past.links.map(\.label)) == ["1", "2", "3"])
        #expect(past.roles == [1, 0])
        #expect(past.links.first { $0.label == "2" } == CausalLink(label: "2", sender: 1, recipient: 0))
        // I's claim after its message 3 has seen messages 1 (R received it before sending 2) and 2 only.
        let early = m.causalPast(role: 0, event: m.roles[0].events.count - 1)
        #expect(Set(early.links.map(\.label)) == ["1", "2"])
    }

    @Test func declarationsFunctionsAndKeys() throws {
        let source = """
        usertype SessionKey, TimeStamp;
        hashfunction H, G;
        const succ, pred: Function;
        inversekeys(succ, pred);
        const Fresh: Function;
        secret Km: SessionKey;
        macro m1 = {T, R}k(I,R);
        protocol p(I,R)
        {
            role I
            {
                fresh T: TimeStamp;
                fresh K: SessionKey;
                fresh n;
                send_1(I,R, m1, H(n), G(n, T), {n}H, {n}succ, succ(n), {K}sk(I), (I, Fresh), {Km}K);
                claim_x(I, SKR, K);
                claim(I, Empty, (Fresh, K));
                claim_c(I, Commit, R, n);
                claim_w(I, Weakagree);
                claim_a(I, Alive);
            }
            role R
            {
                var T: TimeStamp;
                var K: SessionKey;
                var X: Ticket;
                recv_1(I,R, {T, R}k(I,R), X, X, X, X, X, {K}sk(I), X, X);
                claim(R, Running, I, X);
            }
        }
        """
        let m = try #require(try SPDL.parse(source, file: "decl.spdl").first)
        // SessionKey and the user type are atomic types of their own, as under Scyther's typed matching.
        let I = agent("I"), R = agent("R"), n = nonce("n")
        let T = Term.variable(Variable("T", sort: Sort(.nonce, type: "TimeStamp")))
        let K = Term.variable(Variable("K", sort: Sort(.key, type: "SessionKey")))
        let Km = constant("Km", Sort(.key, type: "SessionKey"), public: false)
        let expected: Term = .tuple([
            senc(T, R, key: kdf(k(I, R), I)), hash(n), .app(.user("G", isPublic: true), [.tuple(n, T)]), hash(n),
            .app(.senc, [n, constant("succ")]), .app(.user("succ", isPublic: true), [n]), sign(K, key: sk(I)),
            tuple(I, constant("Fresh")), senc(Km, key: K),
        ])
        let send = try #require(m.roles[0].events.first { $0.label == "1" })
        #expect(send.action == .send(label: "1", expected))
        #expect(m.roles[0].knows == [Km])
        #expect(m.properties.map(\.name) == ["SKR_x", "Commit_c", "Weakagree_w", "Alive_a"])
        #expect(m.properties.map(\.kind) == [.secrecy, .nonInjectiveAgreement, .scytherWeakAgreement, .aliveness])
        let running = m.roles[1].events.last?.action
        #expect(running == .running(peer: I, data: [message("X")], tag: ""))
        #expect(m.validate().isEmpty, "\(m.validate())")
    }

    @Test func threeRolesGiveOnePropertyPerPartner() throws {
        let source = """
        protocol p(A,B,S)
        {
            role A { fresh Na: Nonce; send_1(A,S, Na); recv_2(S,A, {Na}k(A,S)); send_3(A,B, Na); claim_a1(A, Alive); claim_a2(A, Weakagree, S); }
            role B { var Na: Nonce; recv_3(A,B, Na); claim_b1(B, Niagree); }
            role S { var Na: Nonce; recv_1(A,S, Na); send_2(S,A, {Na}k(A,S)); }
        }
        """
        let m = try #require(try SPDL.parse(source, file: "p.spdl").first)
        #expect(m.properties.map(\.name) == ["Alive_a1/B", "Alive_a1/S", "Weakagree_a2", "Niagree_b1"])
        #expect(m.properties.map(\.kind) == [.aliveness, .aliveness, .scytherWeakAgreement, .messageAgreement])
        // B's causal past reaches S through A's receive of message 2, and message 1 before it.
        let past = m.causalPast(role: 1, event: 1)
        #expect(Set(past.links.map(\.label)) == ["1", "2", "3"])
        #expect(Set(past.roles) == [0, 1, 2] && past.roles.first == 1)
        #expect(m.validate().isEmpty, "\(m.validate())")
    }

    /// A synchronisation claim with nothing before it holds whenever it is reached, as in Scyther,
    /// and the real search says so.
    @Test func aClaimWithNothingBeforeItHoldsAndSaysSo() throws {
        let source = "protocol p(A,B) { role A { fresh n: Nonce; send_1(A,B,n); claim_a(A, Nisynch); } role B { var n: Nonce; recv_1(A,B,n); } }"
        let m = try #require(try SPDL.parse(source, file: "p.spdl").first)
        #expect(m.properties.map(\.name) == ["Nisynch_a"])
        #expect(m.causalPast(role: 0, event: 2).links.isEmpty)
        #expect(m.readings.contains { $0.contains("Nisynch_a") && $0.contains("no message") })
        let r = try #require(try Checker(options: CheckOptions(maxRuns: 2)).check(m).first)
        #expect(r.verdict == .verified && r.scope == .unbounded)
    }
}

/// A protocol-level declaration that each role redeclares (as in Scyther's neumannstub models) is
/// harmless: the roles' own declarations are the ones used.
@Test func protocolLevelDeclarationShadowedByEveryRole() throws {
    let source = "protocol p(I,R) { fresh K: Nonce; role I { fresh K: Nonce; send_1(I,R, K); claim_i1(I, Secret, K); } role R { var K: Nonce; recv_1(I,R, K); } }"
    let m = try #require(try SPDL.parse(source, file: "p.spdl").first)
    #expect(m.validate().isEmpty)
    #expect(m.properties.map(\.name) == ["Secret_i1"])
}

/// Scyther's k(A,B) is directional: k(A,B) and k(B,A) are different keys, unless the option asks for
/// protocheck's bidirectional key.
@Test func sharedKeysAreDirectionalAsInScyther() throws {
    let source = "protocol p(I,R) { role I { fresh n: Nonce; send_1(I,R, {n}k(I,R), {n}k(R,I)); } role R { var n: Nonce; recv_1(I,R, {n}k(I,R), {n}k(R,I)); } }"
    let I = agent("I"), R = agent("R"), n = nonce("n")
    let directional = try #require(try SPDL.parse(source, file: "p.spdl").first)
    #expect(directional.roles[0].events.last?.action == .send(label: "1", tuple(senc(n, key: kdf(k(I, R), I)), senc(n, key: kdf(k(I, R), R)))))
    #expect(directional.validate().isEmpty, "\(directional.validate())")
    #expect(directional.readings.contains { $0.contains("directional") })
    let bidirectional = try #require(try SPDL.parse(source, file: "p.spdl", options: .init(bidirectionalKeys: true)).first)
    #expect(bidirectional.roles[0].events.last?.action == .send(label: "1", tuple(senc(n, key: k(I, R)), senc(n, key: k(I, R)))))
}

/// Claims are named as Scyther names them: an unlabelled claim after its role and its rank among the
/// role's claim statements (Running ones too), a label already taken by the role and the first free
/// number. The verdicts are the ones Scyther prints for this file (a claim about R with nothing of
/// R's before it fails; message agreement with nothing before it holds).
@Test func claimsAreNamedAndJudgedAsScytherDoes() throws {
    let source = """
    protocol mixed(I,R)
    {
        role I
        {
            fresh n: Nonce;
            send_1(I,R, {n}pk(R));
            claim_x(I, Secret, n);
            claim(I, Running, R, n);
            claim(I, Secret, n);
            claim_x(I, Alive);
            claim(I, Niagree);
        }
        role R
        {
            var n: Nonce;
            recv_1(I,R, {n}pk(R));
            claim(R, Commit, I, n);
        }
    }
    """
    let m = try #require(try SPDL.parse(source, file: "mixed.spdl").first)
    #expect(m.properties.map(\.name) == ["Secret_x", "Secret_I3", "Alive_I1", "Niagree_I5", "Commit_R1"])
    let verdicts = try Checker(options: CheckOptions(maxRuns: 2)).check(m).map(\.verdict)
    #expect(verdicts == [.verified, .verified, .attack, .verified, .attack])
}
