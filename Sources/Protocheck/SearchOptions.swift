import ArgumentParser
import Engine
import Foundation
import Model
import ProtocheckKit

enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown, sarif, junit }

extension SearchEngine: ExpressibleByArgument {}
extension GoalHeuristic: ExpressibleByArgument {}
extension Adversary: ExpressibleByArgument {
    public init?(argument: String) {
        guard let a = Adversary.parse(argument) else { return nil }
        self = a
    }
}
extension MemorySize: ExpressibleByArgument {
    package init?(argument: String) { self.init(parsing: argument) }
}

/// Bound options. Without them a search takes `ReportSettings.committed`, the bound of the committed
/// files: a state bound, so that the same command gives the same verdicts on every machine.
package struct SearchOptions: ParsableArguments {
    @Option(help: "Check every scenario of up to N runs (default \(ReportSettings.committed.maxRuns)).") var maxRuns: Int?
    @Option(name: .customLong("property"), help: "Check only this property (repeatable).") var properties: [String] = []
    @Flag(help: "Let variables take terms of any type (finds type-flaw attacks).") var typeFlaws = false
    @Option(help: "Stop a model's search after this many seconds (verdict: inconclusive). Verdicts then depend on the machine's speed.") var timeout: Double?
    @Option(help: "Stop a scenario's search after this many states (verdict: inconclusive; default \(ReportSettings.committed.maxStates)).") var maxStates: Int?
    @Option(help: "Searches run at once, one Z3 context each (default: the number of cores). Verdicts do not depend on it.") var jobs: Int?
    @Option(help: "goal (backward from each property's negation; can prove a property for any number of runs) or explicit (forward over every scenario, the cross-check).") var engine: SearchEngine = .goal
    @Option(help: .hidden) var heuristic: GoalHeuristic = .failFirst
    @Option(help: ArgumentHelp("What the adversary may reveal beyond the network: a named adversary or capabilities joined with '+' (docs/adversaries.md).",
                               discussion: "Named: \(Adversary.vocabulary). Capabilities: \(Capability.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "ADVERSARY")) var adversary: Adversary?
    @Option(help: "Stop a search whose resident memory passes SIZE (8G, 512M; verdict: inconclusive, the limit named; default \(MemorySize.defaultLimit)).") var maxMemory: MemorySize?

    package init() {}

    package func validate() throws {
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
        options.adversary = adversary ?? .standard
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
    do { models = try names.flatMap(session.resolver.resolve) } catch { fail("\(error)") }
    for w in models.flatMap({ $0.warnings() }) { FileHandle.standardError.write(Data((w.description + "\n").utf8)) }
    return models
}

/// Checks models side by side, printing progress on stderr when a search runs longer than a second.
func runChecks(_ models: [ProtocolModel], _ search: SearchOptions) -> [CheckedModel] {
    let memory = search.maxMemory ?? .defaultLimit
    Interrupts.shared.limitMemory(MemoryLimit(bytes: memory.bytes, named: memory.description))
    do { return try ModelChecks.run(models, resolver: session.resolver, options: { search.options(for: $0.name) }, progress: printProgress) }
    catch { fail("\(error)") }
}

/// Writes a report file, creating its folder.
func write(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    do { try text.write(to: url, atomically: true, encoding: .utf8) } catch { fail("error: cannot write \(path): \(error)") }
}
