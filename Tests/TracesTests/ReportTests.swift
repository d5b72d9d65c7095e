import Engine
import Foundation
import Results
import Testing
@testable import Traces
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct ReportTests {
    @Test func markdownAttackFileHasADiagramAndTheText() {
        let md = MarkdownReport.render(trace: Fixtures.loweTrace())
        #expect(md.hasPrefix("# Attack on `nspk`: secret-Nb\n"))
        #expect(md.contains("```mermaid\nsequenceDiagram\n    participant R1 as Alice (run 1, A)\n    participant R2 as Bob (run 2, B)\n    participant I as Eve (intruder)\n"))
        #expect(md.contains("    R1->>I: 1. msg 1: {Na#35;1, Alice}pk(Eve)\n"))
        #expect(md.contains("    Note over I: decrypts {Na#35;1, Alice}pk(Eve) with sk(Eve): (Na#35;1, Alice)\n    Note over I: builds"))
        #expect(md.contains("    I->>R2: 2. msg 1: {Na#35;1, Alice}pk(Bob)\n"))
        #expect(md.contains("    Note over R2: 7. claims secret-Nb: Nb#35;2\n```"))
        #expect(md.contains("```text\nrun 1: A played by Alice, with B = Eve\n"))
    }

    @Test func markdownReportHasTableAndAttacks() {
        let md = MarkdownReport.render(model: Fixtures.model, results: Fixtures.results())
        #expect(md.hasPrefix("# Needham-Schroeder <public key> & Lowe (`nspk`)\n\nSource: Needham & Schroeder 1978\n"))
        #expect(md.contains("- Message 2 does not name B: the flaw Lowe found\n"))
        #expect(md.contains("| property | kind | role | setting | verdict | bound | states | time |\n"))
        #expect(md.contains("| secret-Nb | secrecy | B | standard | attack | max-runs 2, typed | 1234 | 0.12 s |\n"))
        #expect(md.components(separatedBy: "```mermaid").count == 2)
    }

    /// Committed reports leave the time out: a time changes on every run and would make them differ.
    @Test func reportsWithoutTimingsHaveNoTimeColumn() {
        let md = MarkdownReport.render(model: Fixtures.model, results: Fixtures.results(), timings: false)
        #expect(md.contains("| property | kind | role | setting | verdict | bound | states |\n|---|---|---|---|---|---|---:|\n"))
        #expect(md.contains("| secret-Nb | secrecy | B | standard | attack | max-runs 2, typed | 1234 |\n"))
        #expect(!md.contains("0.12 s"))
        let html = HTMLReport.render(model: Fixtures.model, results: Fixtures.results(), timings: false)
        #expect(html.contains("<th>states</th></tr></thead>"))
        #expect(!html.contains("<th>time</th>"))
        #expect(!html.contains("0.12 s"))
        #expect(HTMLReport.render(model: Fixtures.model, results: Fixtures.results()).contains("0.12 s"))
    }

    @Test func mermaidEscapesWhatItWouldMisread() {
        #expect(Escape.mermaid("a#1; <b>") == "a#35;1#59; #lt;b#gt;")
    }

    @Test func htmlIsSelfContainedAndEscaped() throws {
        let html = HTMLReport.render(model: Fixtures.model, results: Fixtures.results())
        #expect(!html.lowercased().contains("<script"))
        // The SVG namespace is a name, not a fetch; nothing else may point outside the page.
        #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"))
        #expect(!html.contains("<link"))
        #expect(html.contains("<h1>Needham-Schroeder &lt;public key&gt; &amp; Lowe (<code>nspk</code>)</h1>"))
        #expect(html.contains("<td class=\"attack\">attack</td>"))
        #expect(html.contains("<li>assuming: the intruder controls the network and plays dishonest agents</li>"))
        #expect(html.components(separatedBy: "<svg ").count == 2)
    }

    @Test func svgIsWellFormedWithLifelinesArrowsAndNotes() throws {
        let svg = SVGSequenceDiagram.render(Fixtures.loweTrace())
        let doc = try XMLDocument(xmlString: svg, options: [])
        let root = try #require(doc.rootElement())
        #expect(root.name == "svg")
        func descendants(_ e: XMLElement) -> [XMLElement] {
            let children = (e.children ?? []).compactMap { $0 as? XMLElement }
            return children + children.flatMap(descendants)
        }
        let all = descendants(root)
        // FoundationXML's attribute(forName:) misses attributes in a namespaced document; the list has them.
        func cls(_ e: XMLElement) -> String? { e.attributes?.first { $0.name == "class" }?.stringValue }
        let lines = all.filter { $0.name == "line" }
        #expect(lines.filter { cls($0) == "lifeline" }.count == 3)
        #expect(lines.filter { cls($0) == "forged" }.count == 3)
        #expect(lines.filter { cls($0) == "sent" }.count == 3)
        #expect(all.filter { cls($0) == "derivation" }.count == 4)
        let texts = all.filter { $0.name == "text" }.compactMap(\.stringValue)
        #expect(texts.contains("1. msg 1: {Na#1, Alice}pk(Eve)"))
        #expect(texts.contains("Eve (run 1)") == false)
        #expect(texts.contains("Eve"))
        #expect(texts.contains("Alice (run 1)"))
    }

    @Test func svgEscapesTerms() throws {
        var trace = Fixtures.loweTrace()
        trace.steps[0].term = .app(.user("f<&>", isPublic: true), [Fixtures.na])
        let svg = SVGSequenceDiagram.render(trace)
        #expect(svg.contains("f&lt;&amp;&gt;(Na#1)"))
        _ = try XMLDocument(xmlString: svg, options: [])
    }
}

@Suite struct HTMLDiagramIdentityTests {
    @Test func diagramsOnOnePageDoNotShareIds() {
        var results = Fixtures.results()
        results.append(Fixtures.result("secret-Nb-again", .secrecy, .attack, trace: Fixtures.loweTrace()))
        let html = HTMLReport.render(model: Fixtures.model, results: results)
        #expect(html.components(separatedBy: "id=\"diagram-1-arrow-sent\"").count == 2)
        #expect(html.components(separatedBy: "id=\"diagram-4-arrow-sent\"").count == 2)
        #expect(html.contains("url(#diagram-4-arrow-forged)"))
        // Diagram styles are scoped to their own svg, so they cannot restyle the page.
        #expect(!html.contains("\n.run {"))
    }
}
