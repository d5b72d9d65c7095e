import Foundation
import Results
import Traces

/// `check --expect FILE`: whether the verdicts pass the gate a file of expected verdicts sets, and
/// the lines that say why not. A gate passes only when it compared every verdict: a property the
/// file does not list fails it (new properties are the ones nobody has looked at yet), unless
/// `allowNew` says the caller accepts them, and then they are still named.
package struct ExpectationGate {
    package enum Outcome: Equatable, Sendable {
        /// Every verdict as expected (lines: notes about properties let through by `allowNew`).
        case pass
        /// Some verdict differs, or a property is not in the file.
        case fail
        /// The file itself is wrong: it expects nothing, or names a property that does not exist.
        case badFile
    }

    package var file: String
    package var expectations: Expectations
    package var allowNew: Bool

    package init(file: String, expectations: Expectations, allowNew: Bool = false) {
        self.file = file
        self.expectations = expectations
        self.allowNew = allowNew
    }

    /// Reads and parses an expectations file; the error is worded for stderr.
    package static func load(_ path: String, allowNew: Bool) throws -> ExpectationGate {
        let text: String
        do { text = try ModelFile.text(at: path, what: "expectations file") } catch { throw GateError(message: "\(error)") }
        let parsed: Expectations
        do { parsed = try Expectations.parse(yaml: text) } catch { throw GateError(message: "\(path): error: \(error)") }
        if parsed.entries.isEmpty { throw GateError(message: emptyFile(path)) }
        return ExpectationGate(file: path, expectations: parsed, allowNew: allowNew)
    }

    static func emptyFile(_ path: String) -> String {
        "\(path): error: the file expects no verdicts, so it would pass any result (record them with `protocheck report MODEL... --output DIR --expectations`)"
    }

    package struct GateError: Error, CustomStringConvertible {
        package var message: String
        package var description: String { message }
    }

    /// The outcome, and the lines for stderr in the order a reader needs them.
    package func judge(_ results: [PropertyResult]) -> (outcome: Outcome, lines: [String]) {
        if expectations.entries.isEmpty {
            return (.badFile, [Self.emptyFile(file)])
        }
        let unknown = expectations.unknownProperties(in: results)
        if !unknown.isEmpty { return (.badFile, ["error: \(file): no such property: " + unknown.joined(separator: ", ")]) }
        var lines = expectations.compare(results).map(\.description)
        let differs = !lines.isEmpty
        let unlisted = expectations.unlisted(in: results)
        for r in unlisted {
            lines.append("\(r.model) \(r.identity): not in \(file) (got \(Expectations.word(for: r)))" + (allowNew ? "; allowed by --allow-new" : ""))
        }
        if differs || (!unlisted.isEmpty && !allowNew) {
            if !unlisted.isEmpty && !allowNew {
                lines.append("\(unlisted.count) \(unlisted.count == 1 ? "property is" : "properties are") not in \(file): record \(unlisted.count == 1 ? "its verdict" : "their verdicts"), or pass --allow-new to accept unlisted properties")
            }
            return (.fail, lines)
        }
        return (.pass, lines)
    }
}
