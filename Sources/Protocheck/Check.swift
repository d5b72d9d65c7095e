import ArgumentParser
import Foundation
import ProtocheckKit
import Results
import Traces

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check models' properties and print verdicts and attacks.")

    @Argument(help: "Registered model names or model files.") var models: [String]
    @OptionGroup var search: SearchOptions
    @Option(help: "Output format.") var format: Format = .text
    @Option(help: "Also write attacks and reports to this folder.") var output: String?
    @Option(help: "Also write the SARIF log to this file (whatever --format says).") var sarif: String?
    @Option(help: "Also write the JUnit XML report to this file (whatever --format says).") var junit: String?
    @Option(help: "Expected verdicts (YAML): exit 0 when every verdict is as expected, 1 with a diff otherwise.") var expect: String?
    @Flag(help: "Replay each attack against real cryptography and print the outcome beside the verdict.") var replay = false

    func run() throws {
        var expectations: Expectations?
        if let expect {
            guard let text = try? String(contentsOfFile: expect, encoding: .utf8) else { fail("error: cannot read expectation file \(expect)") }
            do { expectations = try Expectations.parse(yaml: text) } catch { fail("error: \(expect): \(error)") }
        }
        var checked = runChecks(resolveModels(models), search)
        if replay { checked = AttackReplay.replay(checked) }
        let results = checked.flatMap(\.results)
        let sources = PropertySources(checked.map(\.model))
        switch format {
        case .text: print(TextRenderer.render(results), terminator: "")
        case .json: print(try JSONRenderer.render(results, version: protocheckVersion))
        case .markdown: for c in checked { print(MarkdownReport.render(model: c.model, results: c.results)) }
        case .sarif: print(try SARIFRenderer.render(results, sources: sources, version: protocheckVersion), terminator: "")
        case .junit: print(JUnitRenderer.render(results, sources: sources), terminator: "")
        }
        if let sarif { try write(try SARIFRenderer.render(results, sources: sources, version: protocheckVersion), to: sarif) }
        if let junit { try write(JUnitRenderer.render(results, sources: sources), to: junit) }
        if let output { try ReportWriter.write(checked, to: URL(fileURLWithPath: output), expectations: false) }
        if let expectations {
            let unknown = expectations.unknownProperties(in: results)
            if !unknown.isEmpty { fail("error: \(expect!): no such property: " + unknown.joined(separator: ", ")) }
            let diffs = expectations.compare(results)
            for d in diffs { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
            throw ExitCode(diffs.isEmpty ? Status.verified.rawValue : Status.attack.rawValue)
        }
        if results.contains(where: { $0.verdict == .attack }) { throw ExitCode(Status.attack.rawValue) }
        if results.contains(where: { $0.verdict == .inconclusive }) { throw ExitCode(Status.inconclusive.rawValue) }
    }
}
