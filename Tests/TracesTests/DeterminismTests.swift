import Engine
import Results
import Testing
import Traces

/// Reports are committed and diffed, so a rendering must not depend on dictionary order or on the run.
@Suite struct DeterminismTests {
    @Test func everyRenderingIsStable() throws {
        let a = Fixtures.results(), b = Fixtures.results(bindingsReversed: true)
        let files = Fixtures.sources
        #expect(TextRenderer.render(a) == TextRenderer.render(b))
        #expect(try JSONRenderer.render(a, version: "1") == JSONRenderer.render(b, version: "1"))
        #expect(MarkdownReport.render(model: Fixtures.model, results: a) == MarkdownReport.render(model: Fixtures.model, results: b))
        #expect(MarkdownReport.render(trace: a[0].trace!) == MarkdownReport.render(trace: b[0].trace!))
        #expect(HTMLReport.render(model: Fixtures.model, results: a) == HTMLReport.render(model: Fixtures.model, results: b))
        #expect(try SARIFRenderer.render(a, sources: files, version: "1") == SARIFRenderer.render(b, sources: files, version: "1"))
        #expect(JUnitRenderer.render(a) == JUnitRenderer.render(b))
        #expect(Expectations.render(a) == Expectations.render(b.reversed()))
    }
}
