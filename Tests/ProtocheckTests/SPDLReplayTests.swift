// The SPDL column of docs/replay.md's table, on Scyther's own library: for each construct, a
// protocol that uses it, checked by the real search, whose attacks all replay as confirmed.
import Engine
import Foundation
import Model
import Models
import ProtocheckKit
import Replay
import Results
import Terms
import Testing
import Traces

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let library = root.appendingPathComponent("../shared/corpus/scyther/protocols").standardized

/// What a translated model uses, in the words of the table.
private func constructs(_ m: ProtocolModel) -> Set<String> {
    var out = Set<String>()
    for role in m.roles {
        for e in role.events {
            for t in e.action.terms {
                for s in t.subterms {
                    if let type = s.sort.type, type != "SessionKey" { out.insert("user type") }
                    guard case .app(let f, let xs) = s else { continue }
                    switch f {
                    case .hash: out.insert("hash function")
                    case .user: out.insert("user function")
                    case .aenc: out.insert("pk encryption")
                    case .sign: out.insert("sk signature")
                    case .senc: out.insert("symmetric encryption")
                    case .kdf where xs.first?.tupleComponents.first.map({ if case .app(.shk, _) = $0 { true } else { false } }) == true:
                        out.insert("directional k(A,B)")
                    default: break
                    }
                }
            }
        }
    }
    return out
}

/// Fast protocols of the library (a second or two in a debug build), and what each shows.
private let cases: [(file: String, shows: Set<String>)] = [
    ("smartright.spdl", ["hash function", "directional k(A,B)", "user type", "symmetric encryption"]),
    ("andrew.spdl", ["user function", "directional k(A,B)"]),
    ("ccitt509-3.spdl", ["pk encryption", "sk signature", "user type"]),
]

@Test(arguments: cases.map(\.file))
func attacksOnSPDLConstructsReplayConfirmed(_ file: String) throws {
    let path = library.appendingPathComponent(file).path
    try #require(FileManager.default.fileExists(atPath: path), "Scyther's library is not at \(library.path)")
    let models = try ModelResolver(models: Registry.all).resolve(path)
    let shows = try #require(cases.first { $0.file == file }).shows
    #expect(shows.isSubset(of: models.reduce(into: Set<String>()) { $0.formUnion(constructs($1)) }), "\(file)")
    let checked = AttackReplay.replay(try ModelChecks.run(models, resolver: ModelResolver(models: Registry.all), options: { ReportSettings.committed.options(for: $0.name) }))
    let attacks = checked.flatMap(\.results).filter { $0.verdict == .attack }
    #expect(!attacks.isEmpty, "\(file): the search found no attack to replay")
    for a in attacks {
        #expect(a.trace?.modelFile == path)
        #expect(a.replay?.confirmed == true, "\(file) \(a.property): \(a.replay.map { "\($0)" } ?? "not replayed")")
    }
}
