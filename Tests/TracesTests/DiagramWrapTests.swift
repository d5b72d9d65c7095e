import Foundation
import Testing
@testable import Traces

// Long message labels and notes wrap inside the SVG diagram instead of pushing it wider.
@Suite struct DiagramWrapTests {
    @Test func aLongLabelWrapsAtCommasWithinItsWidth() {
        let label = "7. msg 3: {senc{KS, N, A, B, hash(KS, N, A)}k(A, KDC), mac(KS, N)}k(B, KDC)"
        let lines = SVGSequenceDiagram.wrap(label, width: 30)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 30 })
        #expect(lines.joined(separator: " ").filter { $0 != " " } == label.filter { $0 != " " })
    }

    @Test func aWordLongerThanTheLineIsCut() {
        let lines = SVGSequenceDiagram.wrap(String(repeating: "x", count: 50), width: 20)
        #expect(lines == [String(repeating: "x", count: 20), String(repeating: "x", count: 20), String(repeating: "x", count: 10)])
    }

    @Test func aShortLabelStaysOneTextElement() {
        #expect(SVGSequenceDiagram.wrap("1. msg 1: {Na}pk(B)", width: 40) == ["1. msg 1: {Na}pk(B)"])
        let svg = SVGSequenceDiagram.text(["a", "b"], cls: "label", x: 10, lastY: 40)
        #expect(svg.contains("<tspan x=\"10\" y=\"26\">a</tspan><tspan x=\"10\" y=\"40\">b</tspan>"))
    }
}
