import Model

// Needham-Schroeder public key (1978), the three-message core without the key server, and Lowe's
// fix (1996), which adds B's name to message 2. Lowe's attack: A runs with a dishonest I, who
// re-encrypts A's message 1 for B; B then believes it talks with A and its nonce Nb leaks.

private let A = agent("A"), B = agent("B")
private let Na = nonce("Na"), Nb = nonce("Nb")

private func needhamSchroeder(_ name: String, title: String, lowe: Bool) -> ProtocolModel {
    let message2 = lowe ? aenc(Na, Nb, B, key: pk(A)) : aenc(Na, Nb, key: pk(A))
    return ProtocolModel(name, title: title, source: lowe ? "Lowe, TACAS 1996" : "Needham & Schroeder, CACM 1978; Lowe 1996") {
        Role("A") {
            Fresh(Na)
            Send("1", aenc(Na, A, key: pk(B)))
            Recv("2", message2)
            Running(with: B, Na, Nb)
            Send("3", aenc(Nb, key: pk(B)))
            Claim("A-secret-Na", .secret(Na))
            Claim("A-secret-Nb", .secret(Nb))
            Claim("A-alive", .aliveness(of: B))
            Claim("A-weak-agree", .weakAgreement(with: B))
            Claim("A-ni-agree", .agreement(with: B, on: [Na, Nb], injective: false))
            Claim("A-i-agree", .agreement(with: B, on: [Na, Nb], injective: true))
        }
        Role("B") {
            Recv("1", aenc(Na, A, key: pk(B)))
            Fresh(Nb)
            Running(with: A, Na, Nb)
            Send("2", message2)
            Recv("3", aenc(Nb, key: pk(B)))
            Claim("B-secret-Na", .secret(Na))
            Claim("B-secret-Nb", .secret(Nb))
            Claim("B-alive", .aliveness(of: A))
            Claim("B-weak-agree", .weakAgreement(with: A))
            Claim("B-ni-agree", .agreement(with: A, on: [Na, Nb], injective: false))
            Claim("B-i-agree", .agreement(with: A, on: [Na, Nb], injective: true))
        }
    }
}

package let nspk = needhamSchroeder("nspk", title: "Needham-Schroeder public key (three messages)", lowe: false)
package let nsl = needhamSchroeder("nsl", title: "Needham-Schroeder-Lowe", lowe: true)
