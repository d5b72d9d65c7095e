import Model
import Terms

// Session key establishment between a Security Element and a server by attested K
// (Rundgren, v0.12; ../shared/seeds/000_5c56ebfec070863a.txt), section 2 "Detailed Operation":
//
//   2. Server -> Client : ServerPubK
//   3. Client -> SE     : ServerPubK          (the SE, atomically: generate K, EK = {K}ServerPubK,
//      SE -> Client     : EK, AK, SE_Cert       AK = sign_SE_PrivK(K || ServerPubK))
//   4. Client -> Server : EK, AK, SE_Cert     (the server decrypts EK, then verifies AK with SE_Cert)
//
// The "Client" (SE middleware and network) is the intruder: it is not a role. SE and Server are honest.
// `attested-k-nonces` adds the session nonces section 3 recommends "in step #2 and #3".

private let SE = agent("SE"), Server = agent("Server")
/// The owner of whatever public key reaches the SE: the document's ServerPubK "does not have to
/// identify the issuer", and the SE cannot check whose key it is. In the Dolev-Yao abstraction every
/// public key is some agent's, so the SE receives the key as pk(KeyOwner) together with the owner's
/// (public) name: the name gives the intruder nothing and checks nothing; it only says with whom
/// the SE's run agrees (the owner of the key it encrypted K for).
private let KeyOwner = agent("KeyOwner")
private let K = key("K")
private let Ns = nonce("Ns"), Nse = nonce("Nse")
/// The CA behind SE_Cert: a fixed agent whose private key no one else has.
private let CA = constant("CA", .agent)
/// SE_Cert: the CA vouches that pk(SE) is a genuine SE's attestation key.
private let seCert = sign(SE, pk(SE), key: sk(CA))

/// AK. A signature with appendix: the verifier needs K || ServerPubK to check it, so the model signs
/// the hash of the signed data (ECDSA and RSA-PSS sign a digest); signing K itself would make K
/// readable from AK, which the document's signatures do not allow.
private func attestation(_ serverKey: Term, nonces: Bool) -> Term {
    nonces ? sign(hash(K, serverKey, Ns, Nse), key: sk(SE)) : sign(hash(K, serverKey), key: sk(SE))
}

private func attestedK(nonces: Bool) -> ProtocolModel {
    ProtocolModel(nonces ? "attested-k-nonces" : "attested-k",
                  title: nonces ? "Attested K with session nonces" : "Attested K (SE to server session key)",
                  source: nonces ? "Rundgren, Session Key Establishment between a Security Element and a Server, v0.12, sections 2 and 3"
                                 : "Rundgren, Session Key Establishment between a Security Element and a Server, v0.12, section 2") {
        Reading("The Client is the network: it relays step 2 to the SE and step 3's output to the server, and may change anything.")
        Reading("ServerPubK is received by the SE as pk(KeyOwner) for an agent KeyOwner the intruder chooses, next to KeyOwner's public name: the SE cannot tell whose key it is, and its partner in agreements is that key's owner.")
        Reading("AK signs hash(K, ServerPubK): a signature with appendix does not reveal the signed K.")
        Reading("SE_Cert is sign(SE, pk(SE)) by a CA whose private key no one else holds; the intruder holds a certificate for its own SE.")
        Reading("HK (the handle to K) stays inside the SE and is not modelled.")
        if nonces {
            Reading("Section 3's 'session nonces in step #2 and #3': the server's Ns in step 2 and the SE's Nse in step 3, both signed in AK; Nse travels in clear so that the server can verify AK.")
        }

        Role("SE", knows: [seCert]) {
            if nonces {
                Recv("2", tuple(KeyOwner, pk(KeyOwner), Ns))   // ServerPubK and Ns, passed on by the Client in step 3
            } else {
                Recv("2", tuple(KeyOwner, pk(KeyOwner)))        // ServerPubK, passed on by the Client in step 3
            }
            // Step 3, atomically: generate K, EK = {K}ServerPubK, AK = sign(K || ServerPubK).
            Fresh(K)
            if nonces { Fresh(Nse) }
            Running(with: KeyOwner, K)
            if nonces {
                Send("3", tuple(aenc(K, key: pk(KeyOwner)), attestation(pk(KeyOwner), nonces: true), Nse, seCert))
            } else {
                Send("3", tuple(aenc(K, key: pk(KeyOwner)), attestation(pk(KeyOwner), nonces: false), seCert))
            }
            // From the SE's view: section 3 says a replaced ServerPubK gives K to the attacker.
            Claim("secret-K-SE", .secret(K))
            // The SE never hears from the server again: no key confirmation, so none of these can hold.
            authenticationClaims(with: Server, on: [K], named: "K")
        }

        Role("Server") {
            if nonces {
                Fresh(Ns)
                Send("2", tuple(Server, pk(Server), Ns))
                // Step 4: decrypt EK, then verify AK with SE_Cert, K, ServerPubK (and the nonces).
                Recv("4", tuple(aenc(K, key: pk(Server)), attestation(pk(Server), nonces: true), Nse, seCert))
            } else {
                Send("2", tuple(Server, pk(Server)))
                Recv("4", tuple(aenc(K, key: pk(Server)), attestation(pk(Server), nonces: false), seCert))
            }
            Running(with: SE, K)
            // "a Server will notice in step #4 if the wrong ServerPubK has been used": AK binds K to pk(Server).
            Claim("secret-K-Server", .secret(K))
            // Without nonces nothing in step 4 is fresh for the server: a replay of EK, AK, SE_Cert
            // is accepted again (section 3: nonces "protect against reply attacks").
            authenticationClaims(with: SE, on: [K], named: "K")
        }
    }
}

let attestedKModel = attestedK(nonces: false)
let attestedKNoncesModel = attestedK(nonces: true)
