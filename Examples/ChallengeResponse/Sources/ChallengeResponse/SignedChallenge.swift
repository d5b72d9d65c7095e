import ProtocheckDSL

// Unilateral authentication by a signed challenge: the verifier B sends a fresh nonce, the prover A
// signs it, and B checks the signature with A's public key.
//
//     1. B -> A : Nb
//     2. A -> B : sign(Nb)sk(A)                 signed-challenge: the flaw
//     2. A -> B : sign(Nb, B)sk(A)              signed-challenge-fixed
//
// The flawed version signs the challenge alone. A signs whatever challenge reaches it, for whomever it
// thinks it answers: the intruder starts a run with A as itself, passes B's challenge on, and hands A's
// signature to B. B then believes A answered it, while A ran with the intruder: agreement fails,
// aliveness holds (A did sign). Naming B in the signature closes that.

private let A = agent("A"), B = agent("B")
private let Nb = nonce("Nb")

private func signedChallenge(_ name: String, namesVerifier: Bool) -> ProtocolModel {
    let answer = namesVerifier ? sign(Nb, B, key: sk(A)) : sign(Nb, key: sk(A))
    return ProtocolModel(name, title: "Signed challenge-response" + (namesVerifier ? ", verifier named" : ""),
                         source: "protocheck Examples/ChallengeResponse") {
        Role("A") {
            Recv("1", Nb)
            // Before the send B waits for: a Running after it could come too late for B's claim.
            Running(with: B, Nb)
            Send("2", answer)
        }
        Role("B") {
            Fresh(Nb)
            Send("1", Nb)
            Recv("2", answer)
            Claim("B-alive", .aliveness(of: A))
            Claim("B-ni-agree", .agreement(with: A, on: [Nb], injective: false))
            Claim("B-i-agree", .agreement(with: A, on: [Nb], injective: true))
        }
    }
}

public let signedChallengeFlawed = signedChallenge("signed-challenge", namesVerifier: false)
public let signedChallengeFixed = signedChallenge("signed-challenge-fixed", namesVerifier: true)

/// Every model of this package, in the order `check-protocols list` prints them.
public let models = [signedChallengeFlawed, signedChallengeFixed]
