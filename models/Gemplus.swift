import Model
import Terms

// Provably secure chip-card personalization (Handschuh, Naccache, Paillier, Tymen; CARDIS 2002;
// ../shared/seeds/001_6eaea2c54b28addd.txt). The personalization computer (PC) is the malicious
// insider: it is the network, not a role. Card and Issuer are honest. Step numbers are those of
// section 3.2 (and 5.1/5.2 for the instances):
//
//   1. PC -> Card   : PK                     (the issuer's public key)
//   2. Card         : r, K_I = H(r, PK)      (first approach, fig. 1: K_I itself is random)
//   3. Card -> PC   : c = E_PK(r)            (first approach: c = E_PK(K_I))
//   4. PC -> Issuer : Id, c                  (5. the issuer recovers r, computes K_I, stores (Id, K_I))
//
// Key integrity and key privacy (section 2.2) are the signals "stored" (Issuer, step 5) and
// "holds" (Card, step 2): "privacy given integrity" is theorem 3's statement that the insider cannot
// learn K_I of a card whose key the issuer recovered correctly.

private let Card = agent("Card"), Issuer = agent("Issuer")
/// Section 4.5's second, malicious issuer: an issuer like any other, whose decryption key the
/// insider holds in the `collusion` setting. Played by one fixed agent so that the setting can name it.
private let Rogue = agent("RogueIssuer")
/// Whoever owns the public key the PC hands the card: the card cannot tell (no certificate, section 2.3).
/// Every public key is some agent's in the Dolev-Yao abstraction; the PC hands the card the owner's
/// (public) name with the key, which gives the intruder nothing and only says with whom the card's
/// run agrees.
private let KeyOwner = agent("KeyOwner")
private let KI = message("K_I"), R = nonce("r")
/// The properties' own variables: a card identifier and a key.
private let pId = agent("Id"), pK = message("K")
/// ElGamal (5.2): the fixed base g of the group; the issuer's secret x is modelled as sk(Issuer).
private let g = constant("g")
private let Rx = message("r'")

private enum Variant { case first, rsa, elgamal }

/// The card's Id is its agent name: "some publicly available unique bitstring such as a serial number".
private func cardRole(_ v: Variant) -> Role {
    Role("Card") {
        switch v {
        case .first:
            Recv("1", tuple(KeyOwner, pk(KeyOwner)))     // the PC transmits PK (fig. 1)
            Fresh(KI)                                    // K_I generated inside the card
            Signal("holds", Card, KI)
            Running(with: KeyOwner, KI)
            Send("3", aenc(KI, key: pk(KeyOwner)))       // c = E_PK(K_I)
        case .rsa:
            Recv("1", tuple(KeyOwner, pk(KeyOwner)))     // 5.1 step 1: the PC transmits n
            Fresh(R)                                     // step 2: r at random
            Assign(KI, hash(R, pk(KeyOwner)))            //         K_I = SHA-1(r, n)
            Signal("holds", Card, KI)
            Running(with: KeyOwner, KI)
            Send("3", aenc(R, key: pk(KeyOwner)))        // step 3: c = r^3 mod n
        case .elgamal:
            Recv("1", tuple(KeyOwner, g, exp(g, sk(KeyOwner))))  // 5.2 step 1: the PC transmits (g, h)
            Fresh(R)                                     // step 2: r, (g^r, h^r)
            Assign(KI, hash(exp(exp(g, sk(KeyOwner)), R), g, exp(g, sk(KeyOwner))))  // step 3: K_I = SHA-1(h^r, g, h)
            Signal("holds", Card, KI)
            Running(with: KeyOwner, KI)
            Send("3", exp(g, R))                         //         outputs g^r
        }
        // The card's own view: the insider can always learn K_I by handing it another PK (fig. 2,
        // section 4.3); in the proposed protocol the issuer then computes a different K_I (denial of service).
        Claim("secret-K_I-Card", .secret(KI))
        // The card never hears from the issuer: none of these can hold (section 4.4: no authenticated channel).
        authenticationClaims(with: Issuer, on: [KI], named: "K_I")
    }
}

/// The issuer's script; `claims` is false for the rogue issuer of section 4.5, which only stores keys.
private func issuerScript(_ v: Variant, me: Term, claims: Bool) -> [Event] {
    var out: [Event] = []
    switch v {
    case .first:
        out += [Recv("4", tuple(Card, aenc(KI, key: pk(me))))]          // the PC sends (Id, c); D_SK(c)
    case .rsa:
        out += [Recv("4", tuple(Card, aenc(R, key: pk(me)))),           // (Id, c); r = c^d mod n
                Assign(KI, hash(R, pk(me)))]                            // step 5: K_I = SHA-1(r, n)
    case .elgamal:
        // PK = (g, h) is public: the issuer publishes h = g^x (the PC needs it to hand it to the card).
        out += [Send("0", exp(g, sk(me))),
                Recv("4", tuple(Card, exp(g, Rx))),                     // (Id, g^r): every element is g^r' for some r'
                Assign(KI, hash(exp(exp(g, Rx), sk(me)), g, exp(g, sk(me))))]  // K_I = SHA-1((g^r)^x, g, h)
    }
    out += [Signal("stored", Card, KI), Running(with: Card, KI)]       // step 5: stores (Id, K_I)
    if claims {
        // Anyone can send the issuer an encryption of a value of its own choice: the issuer alone
        // cannot know that K_I is private, nor that a card sent it (no authentication, section 2.3).
        out += [Claim("secret-K_I-Issuer", .secret(KI))]
        out += authenticationClaims(with: Card, on: [KI], named: "K_I")
    }
    return out
}

private func gemplus(_ v: Variant) -> ProtocolModel {
    let names: (String, String, String) = switch v {
    case .first: ("gemplus-first", "Gemplus personalization, first approach (fig. 1)", "section 3.1, figures 1 and 2")
    case .rsa: ("gemplus-rsa", "Gemplus personalization, low-exponent RSA (5.1)", "sections 3.2, 4 and 5.1")
    case .elgamal: ("gemplus-elgamal", "Gemplus personalization, ElGamal (5.2)", "sections 3.2, 4 and 5.2")
    }
    return ProtocolModel(names.0, title: names.1,
                         source: "Handschuh, Naccache, Paillier, Tymen: Provably Secure Chipcard Personalization (CARDIS 2002), \(names.2)") {
        Reading("The personalization computer is the intruder (the malicious insider): it relays PK to the card and (Id, c) to the issuer.")
        Reading("The card's identifier Id is its agent name; the issuer's run is for one card Id, and Id travels in clear next to c.")
        Reading("PK reaches the card as the public key of an agent KeyOwner the PC chooses, next to KeyOwner's public name: the card has no way to authenticate it (section 4.4).")
        switch v {
        case .first:
            Reading("Figure 1 has no step numbers: the model uses section 3.2's numbering, and K_I itself is encrypted under PK.")
        case .rsa:
            Reading("c = r^3 mod n is public-key encryption aenc(r, pk(Issuer)): deterministic and one-way without the issuer's private key, the property theorems 1 and 3 use; replay realises it as textbook RSA with e = 3 and H as SHA-1.")
        case .elgamal:
            Reading("The group and its base g are fixed public parameters; PK = (g, h = g^x) with x the issuer's private key (sk(Issuer)). h is public: the issuer publishes it (step 0, not in the paper), so the PC can hand the card the genuine h or substitute g^x' for an x' it knows.")
        }
        Reading("Section 4.5's collusion: a second, malicious issuer (the agent RogueIssuer, honest in the baseline) runs the issuer's script, and in the `collusion` setting the insider holds its decryption key.")

        cardRole(v)
        Role("Issuer") { issuerScript(v, me: Issuer, claims: true) }
        Role("RogueIssuer") { issuerScript(v, me: Rogue, claims: false) }
        Trusted("RogueIssuer")

        Setting.standard
        Setting("collusion", "section 4.5: a second issuer colludes with the insider, who holds that issuer's private key",
                intruderKnows: [sk(Rogue)])

        ConditionalSecrecy("privacy-given-integrity", role: "Issuer",
                           "key privacy given key integrity (theorem 3): if an issuer stored (Id, K) and card Id holds K, the intruder does not know K",
                           when: [("stored", [pId, pK]), ("holds", [pId, pK])], secret: pK)

        switch v {
        case .first: Crypto(CryptoChoices())
        case .rsa: Crypto(CryptoChoices(publicKey: .textbookRSAe3, hash: .sha1))
        case .elgamal: Crypto(CryptoChoices(hash: .sha1, group: .elgamalP256))
        }
    }
}

let gemplusFirstModel = gemplus(.first)
let gemplusRSAModel = gemplus(.rsa)
let gemplusElGamalModel = gemplus(.elgamal)
