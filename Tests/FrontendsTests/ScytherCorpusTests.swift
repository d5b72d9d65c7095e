import Foundation
import Testing
import Model
@testable import Frontends

@Suite struct ScytherCorpusTests {
    @Test func everyFileParsesOrNamesWhatIsUnsupported() throws {
        let files = try Corpus.scytherFiles()
        #expect(files.count > 40)
        var parsed = 0, unsupported = 0, models = 0, invalid = 0
        for url in files {
            do {
                let ms = try SPDL.parse(try Corpus.text(url), file: url.path)
                parsed += 1
                models += ms.count
                for m in ms {
                    let errors = m.validate()
                    if !errors.isEmpty {
                        invalid += 1
                        print("invalid \(url.lastPathComponent) \(m.name): \(errors.map(\.description).joined(separator: "\n"))")
                    }
                }
            } catch let e as SPDLError {
                unsupported += 1
                #expect(e.file == url.path)
                #expect(e.line >= 1 && e.column >= 1)
                print("unsupported \(url.lastPathComponent): \(e.description)")
            }
        }
        print("Scyther corpus: \(parsed) files parsed (\(models) protocols, \(invalid) failing validation), \(unsupported) unsupported, of \(files.count)")
        #expect(parsed + unsupported == files.count)
    }
}

extension ScytherCorpusTests {
    static let classics = ["ns3.spdl", "nsl3.spdl", "needham-schroeder.spdl", "needham-schroeder-lowe.spdl",
                           "otwayrees.spdl", "yahalom.spdl", "denning-sacco.spdl", "woo-lam.spdl"]

    @Test(arguments: classics)
    func classicParsesAndValidates(_ file: String) throws {
        let url = Corpus.protocols.appendingPathComponent(file)
        let models = try SPDL.parse(try Corpus.text(url), file: url.path)
        #expect(!models.isEmpty)
        for m in models {
            #expect(m.validate().isEmpty, "\(m.name): \(m.validate())")
            #expect(m.location.file == url.path)
            #expect(!m.properties.isEmpty)
        }
    }

    /// Every claim Scyther reports for a file we parse is one of our properties, under the name
    /// Scyther prints (or that name with `/Partner` when one claim became one property per partner).
    @Test func claimNamesMatchScythersOutput() throws {
        var compared = 0
        for url in try Corpus.scytherFiles() {
            let name = url.lastPathComponent
            guard FileManager.default.fileExists(atPath: Corpus.expected.appendingPathComponent(name + ".out").path),
                  let models = try? SPDL.parse(try Corpus.text(url), file: name) else { continue }
            for claim in try Corpus.expectedClaims(name) {
                let model = models.first { $0.name == claim.protocol }
                #expect(model != nil, "\(name): no protocol \(claim.protocol)")
                let matching = model?.properties.filter {
                    $0.role == claim.role && ($0.name == claim.name || $0.name.hasPrefix(claim.name + "/"))
                } ?? []
                #expect(!matching.isEmpty, "\(name): \(claim.protocol),\(claim.role) \(claim.name) has no property")
                compared += 1
            }
        }
        #expect(compared > 150)
    }

    @Test func unlabelledClaimsAreNumberedPerRole() throws {
        let url = Corpus.protocols.appendingPathComponent("yahalom.spdl")
        let m = try #require(try SPDL.parse(try Corpus.text(url), file: "yahalom.spdl").first)
        #expect(m.properties.filter { $0.role == "S" }.map(\.name) == ["Secret_S1", "Secret_S2"])
    }
}
