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
        "otway-rees": ["Secret_a1", "Alive_a2/B", "Alive_a2/S", "Niagree_a3",
                       "Secret_b1", "Alive_b2/A", "Alive_b2/S", "Niagree_b3", "Secret_s1"],
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

    @Test func nspkClaimsJudgeTheMessagesEachSideHasSeen() throws {
        let (text, path) = try Corpus.twin("nspk")
        let m = try #require(try SPDL.parse(text, file: path).first)
        let A = agent("A"), B = agent("B")
        let goals = m.properties.reduce(into: [String: Goal]()) { out, p in
            if case .claim(_, _, let g) = p.origin { out[p.name] = g }
        }
        #expect(goals["Niagree_a5"] == .messageAgreement)
        #expect(goals["Nisynch_b6"] == .synchronisation)
        #expect(goals["Weakagree_a4"] == .scytherWeakAgreement(with: B))
        #expect(goals["Alive_b3"] == .aliveness(of: A))
        // A's claims come after its message 3: A has seen messages 1 and 2 go through; B's, after
        // receiving 3, all three.
        func labels(_ name: String) throws -> Set<String> {
            let p = try #require(m.properties.first { $0.name == name })
            guard case .claim(let r, let e, _) = p.origin else { return [] }
            return Set(m.causalPast(role: r, event: e).links.map(\.label))
        }
        #expect(try labels("Niagree_a5") == ["1", "2"])
        #expect(try labels("Nisynch_b6") == ["1", "2", "3"])
        // Every send and receive names its sender and recipient, as the SPDL line does.
        let send1 = try #require(m.roles[0].events.first { $0.label == "1" })
        #expect(send1.endpoints == Endpoints(from: A, to: B))
        // No Running signals are needed: these claims judge the messages themselves.
        #expect(!m.roles.contains { $0.events.contains { if case .running = $0.action { return true } else { return false } } })
    }
}
