import Testing
import Model
@testable import Frontends

/// Our SPDL twins of the classic models parse into models that pass validation, with the
/// properties their comments promise.
@Suite struct TwinTests {
    static let expected: [String: [String]] = [
        "nspk": ["Secret_a1", "Secret_a2", "Alive_a3", "Weakagree_a4", "Niagree_a5", "Nisynch_a6",
                 "Secret_b1", "Secret_b2", "Alive_b3", "Weakagree_b4", "Niagree_b5", "Nisynch_b6"],
        "nsl": ["Secret_a1", "Secret_a2", "Alive_a3", "Weakagree_a4", "Niagree_a5", "Nisynch_a6",
                "Secret_b1", "Secret_b2", "Alive_b3", "Weakagree_b4", "Niagree_b5", "Nisynch_b6"],
        "otway-rees": ["Secret_a1", "Alive_a2/B", "Alive_a2/S", "Niagree_a3/B", "Niagree_a3/S",
                       "Secret_b1", "Alive_b2/A", "Alive_b2/S", "Niagree_b3/A", "Niagree_b3/S", "Secret_s1"],
        "iso9798-2-2": ["Alive_b1", "Weakagree_b2", "Niagree_b3", "Nisynch_b4"],
        "iso9798-2-2-noid": ["Alive_b1", "Weakagree_b2", "Niagree_b3", "Nisynch_b4"],
    ]

    @Test(arguments: ["nspk", "nsl", "otway-rees", "iso9798-2-2", "iso9798-2-2-noid"])
    func twinParsesAndValidates(_ name: String) throws {
        let (text, path) = try Corpus.twin(name)
        let models = try SPDL.parse(text, file: path)
        let m = try #require(models.first)
        #expect(models.count == 1)
        #expect(m.name == name)
        #expect(m.location.file == path)
        #expect(m.validate().isEmpty, "\(m.validate())")
        #expect(m.properties.map(\.name) == Self.expected[name])
    }

    @Test func nspkAgreementCoversTheMessagesEachSideHasSeen() throws {
        let (text, path) = try Corpus.twin("nspk")
        let m = try #require(try SPDL.parse(text, file: path).first)
        let A = agent("A"), B = agent("B"), Na = nonce("Na"), Nb = nonce("Nb")
        let m1 = aenc(Na, A, key: pk(B)), m2 = aenc(Na, Nb, key: pk(A)), m3 = aenc(Nb, key: pk(B))
        let goals = m.properties.reduce(into: [String: Goal]()) { out, p in
            if case .claim(_, _, let g) = p.origin { out[p.name] = g }
        }
        #expect(goals["Niagree_a5"] == .agreement(with: B, on: [m1, m2], injective: false, tag: "Niagree_a5"))
        #expect(goals["Niagree_b5"] == .agreement(with: A, on: [m1, m2, m3], injective: false, tag: "Niagree_b5"))
        #expect(goals["Alive_b3"] == .aliveness(of: A))
        // B's Running for A's claim comes right before B's message 2.
        let b = m.roles[1].events.map(\.action)
        let send2 = try #require(b.firstIndex(of: .send(label: "2", m2)))
        #expect(b[send2 - 1] == .running(peer: A, data: [m1, m2], tag: "Nisynch_a6"))
    }
}
