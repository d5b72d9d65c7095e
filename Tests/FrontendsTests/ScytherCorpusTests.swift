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
