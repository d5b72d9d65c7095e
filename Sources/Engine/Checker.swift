import Foundation
import Model
import Results
import Solver
import Terms

/// The two searches behind `Checker`.
package enum SearchEngine: String, Sendable, CaseIterable {
    /// Backward from the negation of a property (Scyther's pattern refinement): the default, and the
    /// one that can prove a property for any number of runs.
    case goal
    /// Forward over every interleaving of each concrete scenario: the cross-check.
    case explicit

    /// Whether this engine can verify `property`. The explicit engine's states hold how far each run
    /// got, not in which order, so it finds synchronisation attacks that are message-agreement
    /// attacks and leaves the claim inconclusive otherwise.
    package func decides(_ property: Property) -> Bool { cannotVerify(property) == nil }

    /// Why this engine cannot verify `property`, if it cannot. The attacks it finds stand: an attack
    /// on agreement is one on synchronisation, an attack without compromise one under any adversary.
    package func cannotVerify(_ property: Property) -> String? {
        guard self == .explicit else { return nil }
        if !property.adversary.isStandard { return "the explicit engine does not model compromising adversaries (use --engine goal)" }
        if case .claim(_, _, .synchronisation) = property.origin { return "the explicit engine does not judge message order (use --engine goal)" }
        return nil
    }
}

package struct CheckOptions: Sendable {
    package var maxRuns: Int
    package var typeFlaws: Bool
    /// States one scenario's search may explore before the search stops as inconclusive. A bound per
    /// scenario, not per model, so that the verdicts do not depend on how scenarios are shared out.
    package var maxStates: Int
    /// Seconds per model before the search stops as inconclusive.
    package var timeout: Double?
    /// Only these properties (by name); nil for all.
    package var properties: Set<String>?
    /// Searches run at once (scenarios, or properties), one Z3 context each.
    package var workers: Int
    package var engine: SearchEngine
    /// Watched by the searches: once cancelled they stop and leave what they had not decided
    /// inconclusive ("interrupted").
    package var cancellation: Cancellation?
    /// The goal-directed engine's choice of goal; only the benchmark changes it.
    package var heuristic: GoalHeuristic = .failFirst
    /// What the adversary may reveal beyond the network: every property is checked under it.
    package var adversary: Adversary = .standard

    package init(maxRuns: Int = 3, typeFlaws: Bool = false, maxStates: Int = 2_000_000, timeout: Double? = nil,
                properties: Set<String>? = nil, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                engine: SearchEngine = .goal, cancellation: Cancellation? = nil) {
        self.workers = max(1, workers)
        self.engine = engine
        self.cancellation = cancellation
        self.maxRuns = maxRuns
        self.typeFlaws = typeFlaws
        self.maxStates = maxStates
        self.timeout = timeout
        self.properties = properties
    }
}

/// Where a long search has got, for a progress line.
package struct Progress: Sendable, CustomStringConvertible {
    package var model: String
    package var setting: String
    package var runs: Int
    /// Searches done of `searches`: scenarios (explicit engine) or properties (goal-directed engine).
    package var done: Int
    package var searches: Int
    package var unit: String
    /// States or patterns explored by the search that just finished.
    package var states: Int
    package var seconds: Double
    package var open: Int
    /// More searches are still to be made than `searches` counts (scenarios are made as they are searched).
    package var more = false

    /// `nsl [standard]: 5 runs, 3/12 properties searched, 206 patterns, 1.2 s, 9 properties open`
    package var description: String {
        "\(model) [\(setting)]: \(runs) runs, \(done)/\(searches)\(more ? "+" : "") \(unit) searched, \(states) \(unit == "properties" ? "patterns" : "states"), "
            + String(format: "%.1f", seconds) + " s, \(open) properties open"
    }
}

/// Errors that stop a check before any search: a bad model or a bad request.
package enum CheckError: Error, CustomStringConvertible, Sendable {
    case invalidModel([ModelError])
    case unknownProperty(model: String, name: String, known: [String])
    /// A model without claims or conditional properties: a check of it would pass having checked nothing.
    case noProperties(model: String, location: SourceLocation)

    package var description: String {
        switch self {
        case .invalidModel(let errors): return errors.map(\.description).joined(separator: "\n")
        case .unknownProperty(let model, let name, let known):
            return "error: \(model): no property named '\(name)' (it has: \(known.joined(separator: ", ")))"
        case .noProperties(let model, let location):
            return "\(location): error: \(model): the model makes no claims, so there is nothing to check"
        }
    }
}

/// Checks a model's properties with the engine the options name. Both engines answer the same
/// question and give results of the same form; the goal-directed one is the default.
package struct Checker: Sendable {
    package var options: CheckOptions
    package var progress: (@Sendable (Progress) -> Void)?

    package init(options: CheckOptions = CheckOptions(), progress: (@Sendable (Progress) -> Void)? = nil) {
        self.options = options
        self.progress = progress
    }

    package func check(_ model: ProtocolModel) throws -> [PropertyResult] {
        let errors = model.validate()
        if !errors.isEmpty { throw CheckError.invalidModel(errors) }
        let all = model.properties(under: options.adversary)
        if all.isEmpty { throw CheckError.noProperties(model: model.name, location: model.location) }
        if let wanted = options.properties {
            for name in wanted.sorted() where !all.contains(where: { $0.name == name }) {
                throw CheckError.unknownProperty(model: model.name, name: name, known: all.map(\.name))
            }
        }
        let selected = Array(all.enumerated().filter { options.properties?.contains($0.element.name) ?? true })
        let results: [Int: PropertyResult]
        switch options.engine {
        case .goal: results = GoalDirectedEngine(options: options, progress: progress).check(model, selected)
        case .explicit: results = ExplicitEngine(options: options, progress: progress).check(model, selected)
        }
        return selected.map { results[$0.offset]! }
    }
}

extension CheckOptions {
    /// A property's result under these options.
    func result(_ model: ProtocolModel, _ p: Property, _ v0: Verdict, scope scope0: Scope? = nil, states: Int, seconds: Double,
                limit: String? = nil, trace: Trace?) -> PropertyResult {
        let (v, scope) = p.kind == .reachability ? Verdict.reachability(searched: v0, scope0) : (v0, scope0)
        return PropertyResult(model: model.name, property: p.name, kind: p.kind, role: p.role, setting: p.setting.name, summary: p.summary,
                       verdict: v, scope: scope, bound: Bound(maxRuns: maxRuns, typeFlaws: typeFlaws), adversary: p.adversary,
                       assumptions: p.setting.assumptions + p.adversary.assumptions + (typeFlaws ? ["variables may take terms of any type"] : ["typed matching"]),
                       states: states, seconds: seconds, limit: limit, trace: trace)
    }
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// A value shared between the search workers.
final class Locked<Value>: @unchecked Sendable {
    private var value_: Value
    private let lock = NSLock()
    init(_ value: Value) { value_ = value }
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value_)
    }
    var value: Value {
        get { withLock { $0 } }
        set { withLock { $0 = newValue } }
    }
}
