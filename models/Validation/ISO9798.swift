import Model

// ISO/IEC 9798-2, two-pass unilateral authentication with a shared key (5.1.2): the verifier B sends a
// challenge, the claimant A answers it encrypted under k(A,B). The key is bidirectional, so when the
// identity is left out of the encrypted part, B can be made to answer its own challenge (reflection).

private let A = agent("A"), B = agent("B")
private let Nb = nonce("Nb")

private func iso9798(_ name: String, identity: Bool) -> ProtocolModel {
    let answer = identity ? senc(Nb, B, key: k(A, B)) : senc(Nb, key: k(A, B))
    return ProtocolModel(name, title: "ISO/IEC 9798-2 two-pass unilateral" + (identity ? "" : ", identity left out"),
                         source: "ISO/IEC 9798-2:2008 5.1.2; reflection: Clark & Jacob survey 6.10.1") {
        Role("A") {
            Recv("1", Nb)
            Running(with: B, Nb)
            Send("2", answer)
        }
        Role("B") {
            Fresh(Nb)
            Send("1", Nb)
            Recv("2", answer)
            Claim("B-alive", .aliveness(of: A))
            Claim("B-ni-agree", .agreement(with: A, on: [Nb], injective: false))
        }
    }
}

package let iso9798NoIdentity = iso9798("iso9798-2-2-noid", identity: false)
package let iso9798WithIdentity = iso9798("iso9798-2-2", identity: true)
