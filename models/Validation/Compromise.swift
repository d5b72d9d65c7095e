import Model

// Textbook results about compromising adversaries (docs/adversaries.md): which key exchanges keep
// their key secret when long-term keys leak after the session (forward secrecy), when the
// claimant's own key leaks (key-compromise impersonation), or when runs' randomness leaks.

private let A = agent("A"), B = agent("B")
private let x = nonce("x"), y = nonce("y"), X = message("X"), Y = message("Y")
private let Na = nonce("Na"), Nb = nonce("Nb")
private let g = constant("g")
private let K = message("K")

/// Signed Diffie-Hellman in the style of ISO/IEC 9798-3 (each side signs both halves and the
/// other's name). Perfect forward secrecy holds: Tamarin proves it for its signed Diffie-Hellman
/// (examples/csf12/SignedDH_PFS.spthy, lemma Perfect_Forward_Secrecy; Schmidt, Meier, Cremers and
/// Basin, CSF 2012). Its ephemeral exponents are the key's only secret, so revealing the
/// randomness of a run gives the key away: Tamarin's eCK lemma for the same protocol is falsified
/// (SignedDH_eCK.spthy).
package let signedDH = ProtocolModel("signed-dh", title: "Signed Diffie-Hellman (ISO/IEC 9798-3 style)",
                                     source: "ISO/IEC 9798-3; Tamarin examples/csf12/SignedDH_PFS.spthy") {
    Role("A") {
        Fresh(x)
        Send("1", tuple(A, exp(g, x)))
        Recv("2", tuple(B, Y, sign(Y, exp(g, x), A, key: sk(B))))
        Running(with: B, exp(g, x), Y)
        Send("3", sign(exp(g, x), Y, B, key: sk(A)))
        Assign(K, exp(Y, x))
        Claim("A-secret-K", .secret(K))
        Claim("A-ni-agree", .agreement(with: B, on: [exp(g, x), Y], injective: false))
    }
    Role("B") {
        Recv("1", tuple(A, X))
        Fresh(y)
        Running(with: A, X, exp(g, y))
        Send("2", tuple(B, exp(g, y), sign(exp(g, y), X, A, key: sk(B))))
        Recv("3", sign(X, exp(g, y), B, key: sk(A)))
        Assign(K, exp(X, y))
        Claim("B-secret-K", .secret(K))
        Claim("B-ni-agree", .agreement(with: A, on: [X, exp(g, y)], injective: false))
    }
}

/// Signed Diffie-Hellman whose exponents are NAXOS's hash of the ephemeral and the long-term key
/// (LaMacchia, Lauter and Mityagin, "Stronger security of authenticated key exchange", ProvSec
/// 2007; Tamarin proves NAXOS eCK-secure, examples/csf12/NAXOS_eCK.spthy): a revealed ephemeral
/// alone no longer gives the exponent, so the key survives randomness reveal where plain signed
/// Diffie-Hellman does not.
package let signedDHNaxos = ProtocolModel("signed-dh-naxos", title: "Signed Diffie-Hellman with NAXOS-style exponents",
                                          source: "LaMacchia, Lauter & Mityagin, ProvSec 2007; Tamarin examples/csf12/NAXOS_eCK.spthy") {
    Role("A") {
        Fresh(x)
        Send("1", tuple(A, exp(g, hash(x, sk(A)))))
        Recv("2", tuple(B, Y, sign(Y, exp(g, hash(x, sk(A))), A, key: sk(B))))
        Send("3", sign(exp(g, hash(x, sk(A))), Y, B, key: sk(A)))
        Assign(K, exp(Y, hash(x, sk(A))))
        Claim("A-secret-K", .secret(K))
    }
    Role("B") {
        Recv("1", tuple(A, X))
        Fresh(y)
        Send("2", tuple(B, exp(g, hash(y, sk(B))), sign(exp(g, hash(y, sk(B))), X, A, key: sk(B))))
        Recv("3", sign(X, exp(g, hash(y, sk(B))), B, key: sk(A)))
        Assign(K, exp(X, hash(y, sk(B))))
        Claim("B-secret-K", .secret(K))
    }
}

/// Challenge-response under the long-term key both parties share: the key depends only on the two
/// agents, so whoever holds the claimant's key holds the partner's. With A's own key revealed the
/// intruder answers A's challenge as B: key-compromise impersonation (Just and Vaudenay, ASIACRYPT
/// 1996, who named it; Basin and Cremers, TISSEC 2014, note that no protocol built on such a key
/// resists it). Against the standard adversary the agreement holds.
package let sharedKeyMAC = ProtocolModel("shared-key-mac", title: "Challenge-response with a shared long-term key",
                                         source: "Just & Vaudenay, ASIACRYPT 1996 (key-compromise impersonation)") {
    Role("A") {
        Fresh(Na)
        Send("1", tuple(A, Na))
        Recv("2", tuple(Nb, mac(Na, Nb, B, key: k(A, B))))
        Claim("A-ni-agree", .agreement(with: B, on: [Na, Nb], injective: false))
    }
    Role("B") {
        Recv("1", tuple(A, Na))
        Fresh(Nb)
        Running(with: A, Na, Nb)
        Send("2", tuple(Nb, mac(Na, Nb, B, key: k(A, B))))
    }
}
