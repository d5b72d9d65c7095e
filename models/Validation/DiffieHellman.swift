import Model

// Unauthenticated Diffie-Hellman: each side sends g^x and computes the key from the half it receives.
// Nothing binds a half to its sender, so a man in the middle shares one key with each side.

private let A = agent("A"), B = agent("B")
private let x = nonce("x"), y = nonce("y"), X = nonce("X"), Y = nonce("Y")
private let g = constant("g")
private let K = message("K")

package let dhUnauthenticated = ProtocolModel("dh-unauthenticated", title: "Unauthenticated Diffie-Hellman", source: "Diffie & Hellman 1976") {
    Role("A") {
        Fresh(x)
        Send("1", exp(g, x))
        Recv("2", exp(g, Y))
        Assign(K, exp(exp(g, Y), x))
        Claim("A-secret-K", .secret(K))
        Claim("A-alive", .aliveness(of: B))
    }
    Role("B") {
        Recv("1", exp(g, X))
        Fresh(y)
        Send("2", exp(g, y))
        Assign(K, exp(exp(g, X), y))
        Claim("B-secret-K", .secret(K))
        Claim("B-alive", .aliveness(of: A))
    }
}
