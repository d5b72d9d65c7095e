import Model
import Terms

// Symmetric key management and distribution (Sohan Das, ISI Kolkata midterm report, 2023;
// ../shared/seeds/003_abb15572f8a89cf2.txt): the Needham-Schroeder symmetric key protocol (3.1),
// its modification for session keys through a KDC (3.2.1) and master-key registration (3.2.2).

// MARK: - 3.1 Needham-Schroeder symmetric key protocol
//
//   1. A -> S : A, B, NA
//   2. S -> A : {NA, KAB, B, {KAB, A}KBS}KAS
//   3. A -> B : {KAB, A}KBS
//   4. B -> A : {NB}KAB
//   5. A -> B : {NB - 1}KAB

private let A = agent("A"), B = agent("B"), S = agent("S")
private let NA = nonce("NA"), NB = nonce("NB")
private let KAB = key("KAB")
private let ticket = message("T")

private let oldSessions = Setting("old-session-key-compromised",
                                  "session keys of old, finished sessions are known to the intruder (Denning-Sacco)",
                                  oldSessions: true)

let nsSymmetricModel = ProtocolModel("ns-symmetric", title: "Needham-Schroeder symmetric key protocol",
                                     source: "Das, Symmetric Key Management & Distribution (2023), section 3.1") {
    Reading("KAS and KBS are the long-term keys k(A, S) and k(B, S); S is the trusted server the text describes.")
    Reading("B agrees with A on KAB and on B's own nonce NB, the only value fresh for B: agreement on KAB alone is met by the old session itself.")
    Reading("In the old-session setting, old runs of A and B come before the current ones and hand their KAB to the intruder as soon as they hold it (Reveal).")
    Trusted("S")

    Role("A") {
        Fresh(NA)
        Send("1", tuple(A, B, NA))
        Recv("2", senc(NA, KAB, B, ticket, key: k(A, S)))   // A cannot open the ticket for B
        Reveal(KAB)
        Send("3", ticket)
        Recv("4", senc(NB, key: KAB))
        Running(with: B, KAB, NB)
        Send("5", senc(NB - 1, key: KAB))
        Claim("secret-KAB-A", .secret(KAB))
        authenticationClaims(with: B, on: [KAB, NB], named: "KAB-NB")
    }

    Role("B") {
        Recv("3", senc(KAB, A, key: k(B, S)))
        Reveal(KAB)
        Fresh(NB)
        Running(with: A, KAB, NB)
        Send("4", senc(NB, key: KAB))
        Recv("5", senc(NB - 1, key: KAB))
        Claim("secret-KAB-B", .secret(KAB))
        // Message 3 carries nothing fresh for B: with an old KAB the intruder replays it and answers NB - 1.
        authenticationClaims(with: A, on: [KAB, NB], named: "KAB-NB")
    }

    Role("S") {
        Recv("1", tuple(A, B, NA))
        Fresh(KAB)
        Send("2", senc(NA, KAB, B, senc(KAB, A, key: k(B, S)), key: k(A, S)))
    }

    Setting.standard
    oldSessions
}

// MARK: - 3.2.1 Generation and distribution of session keys (the modified protocol)
//
//   1. A -> KDC : Enc(K_A; ID_A, ID_B) || MAC
//   2. KDC -> A : Enc(K_A; K_S, ID_A, ID_B) || MAC
//      KDC -> B : Enc(K_B; K_S, ID_A, ID_B) || MAC
//   3. A -> B   : Enc(K_S; ID_A, N) || MAC
//   4. B -> A   : Enc(K_S; ID_B, N + 5) || MAC

private let KDC = agent("KDC")
private let KS = key("K_S")
private let N = nonce("N")

/// `Enc(K; m) || MAC`: the report does not say what the MAC covers or under which key; the model
/// MACs the ciphertext under the same key (encrypt-then-MAC).
private func sealed(_ key: Term, _ items: Term...) -> Term {
    let c = senc(Term.tuple(items), key: key)
    return tuple(c, mac(c, key: key))
}

let modifiedNSModel = ProtocolModel("modified-ns", title: "Modified Needham-Schroeder session key distribution through a KDC",
                                    source: "Das, Symmetric Key Management & Distribution (2023), section 3.2.1") {
    Reading("K_A and K_B, the master keys, are the long-term keys k(A, KDC) and k(B, KDC); the KDC is trusted.")
    Reading("'Enc(K; m) || MAC' is encrypt-then-MAC under the same key K.")
    Reading("N 'may be time-stamp': the model takes a nonce (no clocks); messages 1 and 2 carry nothing fresh, as written.")
    Reading("The KDC's two messages of step 2 are labelled 2a (to A) and 2b (to B).")
    Reading("In the old-session setting, old runs of A and B come before the current ones and hand their K_S to the intruder as soon as they hold it (Reveal).")
    Trusted("KDC")

    Role("A") {
        Send("1", sealed(k(A, KDC), A, B))
        Recv("2a", sealed(k(A, KDC), KS, A, B))
        Reveal(KS)
        Fresh(N)
        Running(with: B, KS)
        Send("3", sealed(KS, A, N))
        Recv("4", sealed(KS, B, N + 5))
        Claim("secret-K_S-A", .secret(KS))
        authenticationClaims(with: B, on: [KS, N], named: "K_S-N")
    }

    Role("B") {
        Recv("2b", sealed(k(B, KDC), KS, A, B))
        Reveal(KS)
        Recv("3", sealed(KS, A, N))
        Running(with: A, KS, N)
        Send("4", sealed(KS, B, N + 5))
        Claim("secret-K_S-B", .secret(KS))
        // Neither message B receives is fresh for B: an old session's 2b and 3 replay as they are.
        authenticationClaims(with: A, on: [KS], named: "K_S")
    }

    Role("KDC") {
        Recv("1", sealed(k(A, KDC), A, B))
        Fresh(KS)
        Send("2a", sealed(k(A, KDC), KS, A, B))
        Send("2b", sealed(k(B, KDC), KS, A, B))
    }

    Setting.standard
    oldSessions
}

// MARK: - 3.2.2 Generation and distribution of the master key (registration)
//
//   1. C -> S : ping (sign-up request)
//   2. S <-> C : Diffie-Hellman key exchange, k1 = KDF(g^xy)
//   3. C -> S : c1 = Enc_k1(p1), p1 = (SHA-256(Mk_Id), SHA-256(Mk_Pass))
//   4. S -> C : c2, c3, c4, c5, cj = Enc_k1(pj), pj = (xj, yj) random
//   master key = f(0) for the polynomial f of degree <= 4 through p1..p5 (Lagrange interpolation)

private let C = agent("C"), Srv = agent("S")
private let g = constant("g")
private let signUp = constant("sign-up")
private let X = nonce("x"), Y = nonce("y")
private let MkId = nonce("Mk_Id"), MkPass = nonce("Mk_Pass")
private let points = (2...5).map { (nonce("x\($0)"), nonce("y\($0)")) }
private let MK = message("MK")
/// f(0) of the Lagrange polynomial through the five points: computable by anyone who has them.
private let lagrange0 = UserFunction("lagrange0")

/// The server does not learn Mk_Id and Mk_Pass, only p1 = (x1, y1), their hashes.
private let X1 = message("x1"), Y1 = message("y1")

private func p1() -> Term { tuple(hash(MkId), hash(MkPass)) }
private func pj(_ j: Int) -> Term { tuple(points[j - 2].0, points[j - 2].1) }
private func masterKey(_ first: Term) -> Term { lagrange0(first, pj(2), pj(3), pj(4), pj(5)) }

let masterKeyRegistrationModel = ProtocolModel("master-key-registration", title: "Master key registration over Diffie-Hellman and Lagrange interpolation",
                                               source: "Das, Symmetric Key Management & Distribution (2023), section 3.2.2") {
    Reading("Step 2 is plain, unauthenticated Diffie-Hellman (the figure's choice, 'DHKE'): S sends g^y (2a), C sends g^x (2b), and k1 = kdf(g^xy).")
    Reading("Mk_Id and Mk_Pass are secrets the user chooses at registration: fresh values, not guessable.")
    Reading("The master key is f(0) (the report's first option), lagrange0 over the five points; the server's eight coordinates are fresh.")
    Reading("The optional 'two communications extra' that check the master key are not modelled.")
    Trusted("S")

    Role("C") {
        Send("1", tuple(signUp, C))
        Recv("2a", exp(g, Y))
        Fresh(X)
        Send("2b", exp(g, X))
        Fresh(MkId, MkPass)
        Send("3", senc(p1(), key: kdf(exp(exp(g, Y), X))))
        Recv("4", tuple(senc(pj(2), key: kdf(exp(exp(g, Y), X))), senc(pj(3), key: kdf(exp(exp(g, Y), X))),
                        senc(pj(4), key: kdf(exp(exp(g, Y), X))), senc(pj(5), key: kdf(exp(exp(g, Y), X)))))
        Assign(MK, masterKey(p1()))
        Running(with: Srv, MK)
        Claim("secret-MK-C", .secret(MK))
        authenticationClaims(with: Srv, on: [MK], named: "MK")
    }

    Role("S") {
        Recv("1", tuple(signUp, C))
        Fresh(Y)
        Send("2a", exp(g, Y))
        Recv("2b", exp(g, X))
        Recv("3", senc(X1, Y1, key: kdf(exp(exp(g, X), Y))))   // stores p1 = (x1, y1)
        Fresh(points[0].0, points[0].1, points[1].0, points[1].1, points[2].0, points[2].1, points[3].0, points[3].1)
        Assign(MK, masterKey(tuple(X1, Y1)))
        Running(with: C, MK)
        Send("4", tuple(senc(pj(2), key: kdf(exp(exp(g, X), Y))), senc(pj(3), key: kdf(exp(exp(g, X), Y))),
                        senc(pj(4), key: kdf(exp(exp(g, X), Y))), senc(pj(5), key: kdf(exp(exp(g, X), Y)))))
        Claim("secret-MK-S", .secret(MK))
        authenticationClaims(with: C, on: [MK], named: "MK")
    }
}
