import Model

// Otway-Rees (1987), in the usual form of Clark and Jacob's survey. With typed matching A's key is
// secret; with type flaws A takes (M, A, B), replayed from its own message 1, as the key Kab.

private let A = agent("A"), B = agent("B"), S = agent("S")
private let M = nonce("M"), Na = nonce("Na"), Nb = nonce("Nb")
private let Kab = key("Kab")
private let X = message("X"), Y = message("Y")

package let otwayRees = ProtocolModel("otway-rees", title: "Otway-Rees", source: "Otway & Rees 1987; Clark & Jacob survey 6.3.3") {
    Trusted("S")
    Role("A") {
        Fresh(M, Na)
        Send("1", tuple(M, A, B, senc(Na, M, A, B, key: k(A, S))))
        Recv("4", tuple(M, senc(Na, Kab, key: k(A, S))))
        Claim("A-secret-Kab", .secret(Kab))
    }
    Role("B") {
        Recv("1", tuple(M, A, B, X))
        Fresh(Nb)
        Send("2", tuple(M, A, B, X, senc(Nb, M, A, B, key: k(B, S))))
        Recv("3", tuple(M, Y, senc(Nb, Kab, key: k(B, S))))
        Send("4", tuple(M, Y))
        Claim("B-secret-Kab", .secret(Kab))
    }
    Role("S") {
        Recv("2", tuple(M, A, B, senc(Na, M, A, B, key: k(A, S)), senc(Nb, M, A, B, key: k(B, S))))
        Fresh(Kab)
        Send("3", tuple(M, senc(Na, Kab, key: k(A, S)), senc(Nb, Kab, key: k(B, S))))
    }
}
