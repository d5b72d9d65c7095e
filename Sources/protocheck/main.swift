import ArgumentParser
import Foundation
import ProtocheckKit

/// Exit statuses of the command-line contract (DESIGN.md).
enum Status: Int32 {
    case verified = 0, attack = 1, usage = 2, inconclusive = 3
}

func fail(_ message: String, _ status: Status = .usage) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status.rawValue)
}

struct Protocheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocheck",
        abstract: "Model checker and attack explorer for security protocols.",
        version: protocheckVersion,
        subcommands: [List.self, Check.self, ReplayCommand.self, Report.self, CompareScyther.self])
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the registered models and their properties.")
    func run() {
        for m in Registry.all {
            print("\(m.name)\t\(m.title)\t" + m.properties.map(\.name).joined(separator: " "))
        }
    }
}

enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown, sarif, junit }

struct SearchOptions: ParsableArguments {
    @Option(help: "Check every scenario of up to N runs.") var maxRuns = 3
    @Option(name: .customLong("property"), help: "Check only this property (repeatable).") var properties: [String] = []
    @Flag(help: "Let variables take terms of any type (finds type-flaw attacks).") var typeFlaws = false
    @Option(help: "Stop a model's search after this many seconds (verdict: inconclusive).") var timeout: Double?
    @Option(help: "Stop a model's search after this many states (verdict: inconclusive).") var maxStates = 2_000_000

    func options() -> CheckOptions {
        CheckOptions(maxRuns: maxRuns, typeFlaws: typeFlaws, maxStates: maxStates, timeout: timeout,
                     properties: properties.isEmpty ? nil : Set(properties))
    }
}

/// Checks models, printing progress on stderr when a search runs longer than a second.
func runChecks(_ names: [String], _ search: SearchOptions) -> [(ProtocolModel, [PropertyResult])] {
    var out: [(ProtocolModel, [PropertyResult])] = []
    for name in names {
        let models: [ProtocolModel]
        do { models = try ModelResolver.resolve(name) } catch { fail("\(error)") }
        for model in models {
            let checker = Checker(options: search.options()) { p in
                let line = "\(p.model) [\(p.setting)]: \(p.runs) runs, scenario \(p.scenario)/\(p.scenarios), \(p.states) states, \(String(format: "%.1f", p.seconds)) s, \(p.open) properties open\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
            do { out.append((model, try checker.check(model))) } catch { fail("\(error)") }
        }
    }
    return out
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check models' properties and print verdicts and attacks.")

    @Argument(help: "Registered model names or model files.") var models: [String]
    @OptionGroup var search: SearchOptions
    @Option(help: "Output format.") var format: Format = .text
    @Option(help: "Also write attacks and reports to this folder.") var output: String?
    @Option(help: "Expected verdicts (YAML): exit 0 when every verdict is as expected, 1 with a diff otherwise.") var expect: String?
    @Flag(help: "Replay each attack against real cryptography and print the outcome beside the verdict.") var replay = false

    func run() throws {
        var expectations: Expectations?
        if let expect {
            guard let text = try? String(contentsOfFile: expect, encoding: .utf8) else { fail("error: cannot read expectation file \(expect)") }
            do { expectations = try Expectations.parse(yaml: text) } catch { fail("error: \(expect): \(error)") }
        }
        var checked = runChecks(models, search)
        if replay {
            checked = checked.map { model, results in
                (model, results.map { r in
                    guard let t = r.trace else { return r }
                    var r = r
                    r.replay = Replayer(model: model).replay(t).confirmed ? "confirmed" : "not-confirmed"
                    return r
                })
            }
        }
        let results = checked.flatMap(\.1)
        switch format {
        case .text: print(TextRenderer.render(results), terminator: "")
        case .json: print(try JSONRenderer.render(results, version: protocheckVersion))
        case .markdown: for (m, r) in checked { print(MarkdownReport.render(model: m, results: r)) }
        case .sarif:
            let files = Dictionary(uniqueKeysWithValues: checked.map { ($0.0.name, ModelResolver.sourceFile(of: $0.0)) })
            print(try SARIFRenderer.render(results, modelFiles: files, version: protocheckVersion))
        case .junit: print(JUnitRenderer.render(results))
        }
        if let output {
            let dir = URL(fileURLWithPath: output)
            for (m, r) in checked {
                try ReportWriter.writeAttacks(model: m, results: r, to: dir.appendingPathComponent("attacks"))
                try ReportWriter.writeReports(model: m, results: r, to: dir.appendingPathComponent("Reports"))
            }
        }
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

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay", abstract: "Run a found attack against real cryptography.")

    @Argument(help: "An attack file (JSON from `check --format json` or attacks/MODEL/*.json).") var attack: String
    @Option(help: "Wire encoding: tagged (type tag and length per field) or untagged (plain concatenation).") var encoding: String = "tagged"
    @Option(help: "text or json") var format: String = "text"

    func run() throws {
        guard let wire = WireEncoding(rawValue: encoding) else { fail("error: --encoding must be tagged or untagged") }
        guard let data = FileManager.default.contents(atPath: attack) else { fail("error: cannot read \(attack)") }
        let traces: [Trace]
        do { traces = try JSONRenderer.traces(from: data) } catch { fail("error: \(attack): not an attack trace: \(error)") }
        guard !traces.isEmpty else { fail("error: \(attack): the file holds no attack trace") }
        var allConfirmed = true
        for trace in traces {
            guard let model = Registry.model(named: trace.model) else { fail("error: \(attack): unknown model '\(trace.model)'") }
            let report = Replayer(model: model, encoding: wire).replay(trace)
            print(report.render(text: format != "json"))
            allConfirmed = allConfirmed && report.confirmed
        }
        if !allConfirmed { throw ExitCode(Status.attack.rawValue) }
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write attacks/MODEL/ and Reports/MODEL.md|.html for models.")

    @Argument(help: "Registered model names, or `all`.") var models: [String]
    @OptionGroup var search: SearchOptions
    @Option(help: "Folder to write attacks/ and Reports/ into.") var output: String
    @Flag(help: "Also write attacks/expected.yaml with every verdict.") var expectations = false

    func run() throws {
        let names = models == ["all"] ? Registry.all.map(\.name) : models
        let checked = runChecks(names, search)
        let dir = URL(fileURLWithPath: output)
        for (m, r) in checked {
            try ReportWriter.writeAttacks(model: m, results: r, to: dir.appendingPathComponent("attacks"))
            try ReportWriter.writeReports(model: m, results: r, to: dir.appendingPathComponent("Reports"))
            let counts = Dictionary(grouping: r, by: \.verdict).mapValues(\.count)
            print("\(m.name): \(counts[.attack] ?? 0) attacks, \(counts[.verified] ?? 0) verified, \(counts[.inconclusive] ?? 0) inconclusive")
        }
        if expectations {
            try Expectations.render(checked.flatMap(\.1)).write(to: dir.appendingPathComponent("attacks/expected.yaml"), atomically: true, encoding: .utf8)
        }
    }
}

// Usage errors exit 2 (the contract), not ArgumentParser's 64.
do {
    var command = try Protocheck.parseAsRoot()
    try command.run()
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    let code = Protocheck.exitCode(for: error)
    if code == .success {
        print(Protocheck.fullMessage(for: error))
        exit(0)
    }
    fail(Protocheck.fullMessage(for: error))
}
