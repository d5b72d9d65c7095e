import Foundation
import Model
import Results
import Testing
import Traces

// A model written in the DSL records where each claim is (#filePath, #line): SARIF and JUnit point there.
@Suite struct PropertySourcesTests {
    static let claimLine = #line + 7
    static let model = ProtocolModel("located", title: "located", source: "a test") {
        Role("A") {
            Send("1", agent("A"))
        }
        Role("B") {
            Recv("1", agent("A"))
            Claim("B-alive", .aliveness(of: agent("A")))
        }
    }

    @Test func aClaimIsFoundInItsFileAtItsLine() throws {
        let here = URL(fileURLWithPath: #filePath)
        let sources = PropertySources([Self.model], currentDirectory: here.deletingLastPathComponent().deletingLastPathComponent().path)
        let result = PropertyResult(model: "located", property: "B-alive", kind: .aliveness, role: "B", setting: "standard",
                                    summary: "", verdict: .attack, scope: nil, bound: Bound(maxRuns: 1, typeFlaws: false),
                                    assumptions: [], states: 0, seconds: 0, limit: nil, trace: nil)
        let at = try #require(sources.location(of: result))
        #expect(at.file == "TracesTests/PropertySourcesTests.swift")
        #expect(at.line == Self.claimLine)
    }

    @Test func pathsOutsideTheCurrentDirectoryStayAsTheyAre() {
        #expect(SourceLocation.shown("/work/p/models/X.swift", relativeTo: "/work/p") == "models/X.swift")
        #expect(SourceLocation.shown("/work/p/models/X.swift", relativeTo: "/work/p/") == "models/X.swift")
        #expect(SourceLocation.shown("/work/other/X.swift", relativeTo: "/work/p") == "/work/other/X.swift")
        #expect(SourceLocation.shown("/work/pq/X.swift", relativeTo: "/work/p") == "/work/pq/X.swift")
        #expect(SourceLocation.shown("protocols/x.spdl", relativeTo: "/work/p") == "protocols/x.spdl")
    }
}
