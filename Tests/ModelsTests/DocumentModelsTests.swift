import Model
import Models
import Terms
import Testing

// The document models as declarations: each validates, the registry finds it, and it declares the
// properties of DESIGN.md's table (with the names, kinds and roles the CLI and reports show).

private typealias Declared = (name: String, kind: PropertyKind, role: String)

/// Lowe's hierarchy as `authenticationClaims` names it, from `role`'s view of `partner`.
private func hierarchy(_ role: String, _ partner: String, _ data: String) -> [Declared] {
    [("alive-\(partner)", .aliveness, role), ("weak-agree-\(partner)", .weakAgreement, role),
     ("ni-agree-\(partner)-\(data)", .nonInjectiveAgreement, role), ("i-agree-\(partner)-\(data)", .injectiveAgreement, role)]
}

/// Every property of each model in its first (baseline) setting, and the model's settings in order.
private let expected: [String: (properties: [Declared], settings: [String])] = {
    let attested: [Declared] = [("secret-K-SE", .secrecy, "SE"), ("secret-K-Server", .secrecy, "Server")]
        + hierarchy("SE", "Server", "K") + hierarchy("Server", "SE", "K")
    let gemplus: [Declared] = [("secret-K_I-Card", .secrecy, "Card"), ("secret-K_I-Issuer", .secrecy, "Issuer"),
                               ("privacy-given-integrity", .custom, "Issuer")]
        + hierarchy("Card", "Issuer", "K_I") + hierarchy("Issuer", "Card", "K_I")
    let gemplusSettings = ["standard", "collusion"]
    let oldSessions = ["standard", "old-session-key-compromised"]
    return [
        "attested-k": (attested, ["standard"]),
        "attested-k-nonces": (attested, ["standard"]),
        "gemplus-first": (gemplus, gemplusSettings),
        "gemplus-rsa": (gemplus, gemplusSettings),
        "gemplus-elgamal": (gemplus, gemplusSettings),
        "soda-machine": ([("secret-Kses-SC", .secrecy, "SC"), ("secret-Kses-SM", .secrecy, "SM")]
                         + hierarchy("SC", "SM", "new-balance") + hierarchy("SM", "SC", "IDsc-B1-B2"),
                         ["km-secret", "km-known"]),
        "modified-ns": ([("secret-K_S-A", .secrecy, "A"), ("secret-K_S-B", .secrecy, "B")]
                        + hierarchy("A", "B", "K_S-N") + hierarchy("B", "A", "K_S"), oldSessions),
        "ns-symmetric": ([("secret-KAB-A", .secrecy, "A"), ("secret-KAB-B", .secrecy, "B")]
                         + hierarchy("A", "B", "KAB-NB") + hierarchy("B", "A", "KAB-NB"), oldSessions),
        "master-key-registration": ([("secret-MK-C", .secrecy, "C"), ("secret-MK-S", .secrecy, "S")]
                                    + hierarchy("C", "S", "MK") + hierarchy("S", "C", "MK"), ["standard"]),
    ]
}()

private let documentModelNames = expected.keys.sorted()

private func model(_ name: String) throws -> ProtocolModel {
    try #require(Registry.model(named: name), "\(name) is not registered")
}

@Test(arguments: documentModelNames)
func documentModelValidates(name: String) throws {
    let m = try model(name)
    #expect(m.name == name)
    #expect(m.validate().map(\.description) == [])
    #expect(Registry.documents.contains { $0.name == name })
    #expect(!m.readings.isEmpty, "the model must say which reading of the document it takes")
}

@Test(arguments: documentModelNames)
func documentModelDeclaresItsProperties(name: String) throws {
    let m = try model(name)
    let want = try #require(expected[name])
    #expect(m.settings.map(\.name) == want.settings)
    var wantAll: [String: (PropertyKind, String)] = [:]
    for (i, setting) in want.settings.enumerated() {
        for p in want.properties { wantAll[i == 0 ? p.name : "\(p.name)@\(setting)"] = (p.kind, p.role) }
    }
    let declared = m.properties
    #expect(Set(declared.map(\.name)) == Set(wantAll.keys))
    #expect(declared.count == wantAll.count, "property names must be unique")
    for p in declared {
        let w = try #require(wantAll[p.name])
        #expect(p.kind == w.0, "\(p.name)")
        #expect(p.role == w.1, "\(p.name)")
        #expect(m.role(named: p.role) != nil, "\(p.name): its role must be a role of the model")
    }
}

@Test func registryNamesAreUnique() {
    let names = Registry.all.map(\.name)
    #expect(Set(names).count == names.count)
    #expect(Set(documentModelNames).isSubset(of: Set(names)))
}

// MARK: - The specific findings of DESIGN.md's table are declared with the right view

private func property(_ model: ProtocolModel, _ name: String) -> Property? { model.properties.first { $0.name == name } }

@Test func tableFindingsAreDeclared() throws {
    let rows: [(model: String, property: String, kind: PropertyKind, role: String)] = [
        ("attested-k", "secret-K-SE", .secrecy, "SE"),
        ("attested-k", "secret-K-Server", .secrecy, "Server"),
        ("attested-k", "ni-agree-SE-K", .nonInjectiveAgreement, "Server"),
        ("attested-k", "i-agree-SE-K", .injectiveAgreement, "Server"),
        ("attested-k-nonces", "i-agree-SE-K", .injectiveAgreement, "Server"),
        ("gemplus-first", "privacy-given-integrity", .custom, "Issuer"),
        ("gemplus-rsa", "privacy-given-integrity", .custom, "Issuer"),
        ("gemplus-elgamal", "privacy-given-integrity", .custom, "Issuer"),
        ("gemplus-rsa", "secret-K_I-Card", .secrecy, "Card"),
        ("gemplus-elgamal", "secret-K_I-Card", .secrecy, "Card"),
        ("soda-machine", "i-agree-SC-IDsc-B1-B2@km-known", .injectiveAgreement, "SM"),
        ("modified-ns", "i-agree-A-K_S", .injectiveAgreement, "B"),
        ("modified-ns", "secret-K_S-A@old-session-key-compromised", .secrecy, "A"),
        ("ns-symmetric", "ni-agree-A-KAB-NB@old-session-key-compromised", .nonInjectiveAgreement, "B"),
        ("master-key-registration", "secret-MK-C", .secrecy, "C"),
    ]
    for row in rows {
        let p = try #require(property(try model(row.model), row.property), "\(row.model): \(row.property)")
        #expect(p.kind == row.kind, "\(row.model): \(row.property)")
        #expect(p.role == row.role, "\(row.model): \(row.property)")
    }
}

@Test func sodaMachineKmKnownHandsKmToTheIntruder() throws {
    let m = try model("soda-machine")
    let known = try #require(m.setting(named: "km-known"))
    #expect(known.intruderKnows == [constant("Km", .key, public: false)])
    #expect(try #require(m.setting(named: "km-secret")).intruderKnows.isEmpty)
}

@Test func oldSessionSettingsRevealTheSessionKey() throws {
    for (name, keyName) in [("modified-ns", "K_S"), ("ns-symmetric", "KAB")] {
        let m = try model(name)
        #expect(try #require(m.setting(named: "old-session-key-compromised")).oldSessions)
        for role in ["A", "B"] {
            let reveals = try #require(m.role(named: role)).events.compactMap { e -> Term? in
                if case .reveal(let t) = e.action { return t } else { return nil }
            }
            #expect(reveals == [key(keyName)], "\(name) \(role)")
        }
    }
}

@Test func gemplusInstancesSayHowToRealiseTheirCrypto() throws {
    #expect(try model("gemplus-rsa").crypto == CryptoChoices(publicKey: .textbookRSAe3, hash: .sha1))
    #expect(try model("gemplus-elgamal").crypto.group == .elgamalP256)
    for name in ["gemplus-first", "gemplus-rsa", "gemplus-elgamal"] {
        let m = try model(name)
        #expect(m.trusted == ["RogueIssuer"])
        let collusion = try #require(m.setting(named: "collusion"))
        #expect(collusion.intruderKnows == [sk(agent("RogueIssuer"))])
    }
}

@Test func serversAreTrusted() throws {
    #expect(try model("modified-ns").trusted == ["KDC"])
    #expect(try model("ns-symmetric").trusted == ["S"])
    #expect(try model("master-key-registration").trusted == ["S"])
}
