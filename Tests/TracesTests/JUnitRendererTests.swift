import Engine
import Foundation
import Results
import Testing
import Traces
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct JUnitRendererTests {
    @Test func wellFormedWithASuitePerModel() throws {
        var results = Fixtures.results()
        results.append(Fixtures.result("secret-<K>&\"x\"", .secrecy, .verified, model: "other"))
        let xml = JUnitRenderer.render(results)
        let doc = try XMLDocument(xmlString: xml, options: [])
        let root = try #require(doc.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "4")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == ["nspk", "other"])
        let cases = suites[0].elements(forName: "testcase")
        #expect(cases.map { $0.attribute(forName: "name")?.stringValue } == ["secret-Nb", "secret-Na", "ni-agree"])
        #expect(cases.allSatisfy { $0.attribute(forName: "classname")?.stringValue == "nspk" })
        let failure = try #require(cases[0].elements(forName: "failure").first)
        #expect(failure.stringValue?.contains("1. Alice (run 1) -> Eve : {Na#1, Alice}pk(Eve)") == true)
        #expect(cases[1].elements(forName: "failure").isEmpty && cases[1].elements(forName: "error").isEmpty)
        #expect(cases[2].elements(forName: "error").first?.attribute(forName: "type")?.stringValue == "inconclusive")
        #expect(suites[0].attribute(forName: "failures")?.stringValue == "1")
        #expect(suites[0].attribute(forName: "errors")?.stringValue == "1")
        // Escaped on the way out, read back intact.
        #expect(suites[1].elements(forName: "testcase").first?.attribute(forName: "name")?.stringValue == "secret-<K>&\"x\"")
    }

    @Test func aTestCaseSaysWhereItsPropertyIsClaimed() throws {
        let xml = JUnitRenderer.render(Fixtures.results(), sources: Fixtures.sources)
        let cases = try #require(try XMLDocument(xmlString: xml, options: []).rootElement()?.elements(forName: "testsuite").first?.elements(forName: "testcase"))
        #expect(cases[0].attribute(forName: "file")?.stringValue == "models/NSPK.swift")
        #expect(cases[0].attribute(forName: "line")?.stringValue == "12")
        // No location known for it: no attributes rather than a wrong one.
        #expect(cases[1].attribute(forName: "file") == nil)
    }
}
