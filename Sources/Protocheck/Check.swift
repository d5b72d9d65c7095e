import ArgumentParser
import Foundation
import Model
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
    @Flag(help: "With --expect: let properties the file does not list pass (they are still named on stderr).") var allowNew = false
    @Option(help: ArgumentHelp("Check every property under each of these adversaries ('all', or names separated by spaces or ';') and print the matrix: claims down, adversaries across.",
                               valueName: "LIST")) var adversaries: String?

    func validate() throws {
        if let adversaries {
            guard Adversary.parseList(adversaries) != nil else {
                throw ValidationError("unknown adversary in '\(adversaries)': name 'all' or adversaries among \(Adversary.vocabulary)")
            }
            if search.adversary != nil { throw ValidationError("give --adversary or --adversaries, not both") }
        }
    }

    func run() throws {
        var gate: ExpectationGate?
        if let expect {
            do { gate = try ExpectationGate.load(expect, allowNew: allowNew) } catch { fail("\(error)") }
        }
        let models = resolveModels(self.models)
        let list = adversaries.flatMap(Adversary.parseList)
        var checked: [CheckedModel] = []
        for adversary in list.map({ $0.map(Optional.some) }) ?? [nil] {
            var options = search
            if let adversary { options.adversary = adversary }
            checked += runChecks(models, options)
            if Interrupts.shared.signal != nil { break }
        }
        let interrupted = Interrupts.shared.signal != nil
        if replay && !interrupted { checked = AttackReplay.replay(checked) }
        let results = checked.flatMap(\.results)
        let sources = PropertySources(checked.map(\.model))
        switch format {
        case .text where list != nil: print(AdversaryMatrix(results).text, terminator: "")
        case .text: print(TextRenderer.render(results), terminator: "")
        case .json: print(try JSONRenderer.render(results, version: protocheckVersion))
        case .markdown: for c in checked { print(MarkdownReport.render(model: c.model, results: c.results)) }
        case .sarif: print(try SARIFRenderer.render(results, sources: sources, version: protocheckVersion), terminator: "")
        case .junit: print(JUnitRenderer.render(results, sources: sources), terminator: "")
        }
        // An interrupted run has printed what it decided; files and the gate would present it as whole.
        if interrupted { return }
        if let sarif { try write(try SARIFRenderer.render(results, sources: sources, version: protocheckVersion), to: sarif) }
        if let junit { try write(JUnitRenderer.render(results, sources: sources), to: junit) }
        if let output { try ReportWriter.writeStaged(checked, to: URL(fileURLWithPath: output), expectations: false) }
        if let gate {
            let (outcome, lines) = gate.judge(results)
            for line in lines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            switch outcome {
            case .pass: throw ExitCode(Status.verified.rawValue)
            case .fail: throw ExitCode(Status.attack.rawValue)
            case .badFile: throw ExitCode(Status.usage.rawValue)
            }
        }
        if results.contains(where: { $0.verdict == .attack }) { throw ExitCode(Status.attack.rawValue) }
        if results.contains(where: { $0.verdict == .inconclusive }) { throw ExitCode(Status.inconclusive.rawValue) }
    }
}
