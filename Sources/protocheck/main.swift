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
        subcommands: [List.self, Check.self, ReplayCommand.self, Report.self, CompareScyther.self, ReplayAll.self])
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

extension SearchEngine: ExpressibleByArgument {}
extension GoalHeuristic: ExpressibleByArgument {}
extension MemorySize: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

/// Bound options. Without them a search takes `ReportSettings.committed`, the bound of the committed
/// files: a state bound, so that the same command gives the same verdicts on every machine.
struct SearchOptions: ParsableArguments {
    @Option(help: "Check every scenario of up to N runs (default \(ReportSettings.committed.maxRuns)).") var maxRuns: Int?
    @Option(name: .customLong("property"), help: "Check only this property (repeatable).") var properties: [String] = []
    @Flag(help: "Let variables take terms of any type (finds type-flaw attacks).") var typeFlaws = false
    @Option(help: "Stop a model's search after this many seconds (verdict: inconclusive). Verdicts then depend on the machine's speed.") var timeout: Double?
    @Option(help: "Stop a scenario's search after this many states (verdict: inconclusive; default \(ReportSettings.committed.maxStates)).") var maxStates: Int?
    @Option(help: "Searches run at once, one Z3 context each (default: the number of cores). Verdicts do not depend on it.") var jobs: Int?
    @Option(help: "goal (backward from each property's negation; can prove a property for any number of runs) or explicit (forward over every scenario, the cross-check).") var engine: SearchEngine = .goal
    @Option(help: .hidden) var heuristic: GoalHeuristic = .failFirst
    @Option(help: "Stop a search whose resident memory passes SIZE (8G, 512M; verdict: inconclusive, the limit named; default \(MemorySize.defaultLimit)).") var maxMemory: MemorySize?

    func validate() throws {
        if let problem = SearchBounds.problem(maxRuns: maxRuns, maxStates: maxStates, jobs: jobs, timeout: timeout, maxMemory: maxMemory) {
            throw ValidationError(problem)
        }
    }

    /// The checker's options for a model: the committed bound where no option overrides it.
    func options(for model: String) -> CheckOptions {
        let base = ReportSettings.committed
        var options = CheckOptions(maxRuns: maxRuns ?? base.maxRuns, typeFlaws: typeFlaws || base.typeFlaws,
                                   maxStates: maxStates ?? base.maxStates, timeout: timeout,
                                   properties: properties.isEmpty ? nil : Set(properties),
                                   workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount, engine: engine)
        options.heuristic = heuristic
        options.cancellation = Interrupts.shared.cancellation
        return options
    }
}

/// Progress of searches longer than a second, on stderr.
let printProgress: @Sendable (Engine.Progress) -> Void = { p in
    let line = p.description + "\n"
    FileHandle.standardError.write(Data(line.utf8))
}

func resolveModels(_ names: [String]) -> [ProtocolModel] {
    let models: [ProtocolModel]
    do { models = try names.flatMap(ModelResolver.resolve) } catch { fail("\(error)") }
    for w in models.flatMap({ $0.warnings() }) { FileHandle.standardError.write(Data((w.description + "\n").utf8)) }
    return models
}

/// Checks models side by side, printing progress on stderr when a search runs longer than a second.
func runChecks(_ models: [ProtocolModel], _ search: SearchOptions) -> [CheckedModel] {
    let memory = search.maxMemory ?? .defaultLimit
    Interrupts.shared.limitMemory(MemoryLimit(bytes: memory.bytes, named: memory.description))
    do { return try ModelChecks.run(models, options: { search.options(for: $0.name) }, progress: printProgress) }
    catch { fail("\(error)") }
}

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

    func run() throws {
        var gate: ExpectationGate?
        if let expect {
            do { gate = try ExpectationGate.load(expect, allowNew: allowNew) } catch { fail("\(error)") }
        }
        var checked = runChecks(resolveModels(models), search)
        let interrupted = Interrupts.shared.signal != nil
        if replay && !interrupted { checked = AttackReplay.replay(checked) }
        let results = checked.flatMap(\.results)
        let files = Dictionary(checked.map { ($0.model.name, ModelResolver.sourceFile(of: $0.model)) }, uniquingKeysWith: { a, _ in a })
        switch format {
        case .text: print(TextRenderer.render(results), terminator: "")
        case .json: print(try JSONRenderer.render(results, version: protocheckVersion))
        case .markdown: for c in checked { print(MarkdownReport.render(model: c.model, results: c.results)) }
        case .sarif: print(try SARIFRenderer.render(results, modelFiles: files, version: protocheckVersion), terminator: "")
        case .junit: print(JUnitRenderer.render(results), terminator: "")
        }
        // An interrupted run has printed what it decided; files and the gate would present it as whole.
        if interrupted { return }
        if let sarif { try write(try SARIFRenderer.render(results, modelFiles: files, version: protocheckVersion), to: sarif) }
        if let junit { try write(JUnitRenderer.render(results), to: junit) }
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

/// Writes a report file, creating its folder.
func write(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    do { try text.write(to: url, atomically: true, encoding: .utf8) } catch { fail("error: cannot write \(path): \(error)") }
}

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay", abstract: "Run a found attack against real cryptography.")

    @Argument(help: "An attack file (JSON from `check --format json` or attacks/MODEL/*.json); its model is found as `check` finds it.") var attack: String
    @Option(help: "Wire encoding: tagged (type tag and length per field), untagged (plain concatenation), or auto: untagged for an attack found with --type-flaws, tagged otherwise.") var encoding: String = "auto"
    @Option(help: "text or json (one document for every trace of the file)") var format: String = "text"
    @Option(help: "The model file the attack is on, when the trace does not name it (an attack file written by an older protocheck).") var model: String?

    func run() throws {
        let wire = WireEncoding(rawValue: encoding)
        guard wire != nil || encoding == "auto" else { fail("error: --encoding must be tagged, untagged or auto") }
        guard format == "text" || format == "json" else { fail("error: --format must be text or json") }
        guard let data = FileManager.default.contents(atPath: attack) else { fail("error: cannot read \(attack)") }
        let replayed: [AttackReplay.Replayed]
        let given = model.map { resolveModels([$0]) } ?? []
        do { replayed = try AttackReplay.replay(file: data, encoding: wire, models: given) } catch let e as UnknownTraceModel {
            fail("error: \(attack): \(e); name the model file with --model FILE")
        } catch { fail("error: \(attack): \(error)") }
        let document = ReplayDocument(version: protocheckVersion, replays: replayed.map { ($0.trace, $0.report) })
        print(document.render(text: format == "text"))
        if !document.confirmed { throw ExitCode(Status.attack.rawValue) }
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write attacks/MODEL/ and Reports/MODEL.md|.html for models.",
        discussion: "Without bound options the bound is the one of the committed files (ReportSettings.committed: max-runs \(ReportSettings.committed.maxRuns), max-states \(ReportSettings.committed.maxStates)). `all` also removes the files of models no longer registered.")

    @Argument(help: "Registered model names or model files, or `all`.") var models: [String]
    @OptionGroup var search: SearchOptions
    @Option(help: "Folder to write attacks/ and Reports/ into.") var output: String
    @Flag(help: "Also write attacks/expected.yaml with every verdict.") var expectations = false

    func run() throws {
        let all = models == ["all"]
        let list = all ? Registry.all : resolveModels(models)
        let searched = runChecks(list, search)
        // Interrupted: the verdicts decided are printed, and no folder is written that would look whole.
        if Interrupts.shared.signal != nil { for c in searched { print(ReportWriter.summary(c)) }; return }
        // Every attack written is replayed, and its files say how the replay went.
        let checked = AttackReplay.replay(searched)
        try ReportWriter.writeStaged(checked, to: URL(fileURLWithPath: output), expectations: expectations,
                                     pruneKeeping: all ? list.map(\.name) : nil)
        for c in checked { print(ReportWriter.summary(c)) }
    }
}

// Usage errors exit 2 (the contract), not ArgumentParser's 64.
// A signal makes the status 130 or 143 whatever the verdicts were: the run did not finish.
Interrupts.shared.install()
do {
    var command = try Protocheck.parseAsRoot()
    try command.run()
    if let status = Interrupts.shared.exitStatus { exit(status) }
} catch let code as ExitCode {
    exit(Interrupts.shared.exitStatus ?? code.rawValue)
} catch {
    let code = Protocheck.exitCode(for: error)
    if code == .success {
        print(Protocheck.fullMessage(for: error))
        exit(0)
    }
    fail(Protocheck.fullMessage(for: error))
}
