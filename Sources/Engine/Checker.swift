import Foundation
import Model
import Solver
import Terms

public struct CheckOptions: Sendable {
    public var maxRuns: Int
    public var typeFlaws: Bool
    /// States one scenario's search may explore before the search stops as inconclusive. A bound per
    /// scenario, not per model, so that the verdicts do not depend on how scenarios are shared out.
    public var maxStates: Int
    /// Seconds per model before the search stops as inconclusive.
    public var timeout: Double?
    /// Only these properties (by name); nil for all.
    public var properties: Set<String>?
    /// Scenarios searched at once, one Z3 context each.
    public var workers: Int

    public init(maxRuns: Int = 3, typeFlaws: Bool = false, maxStates: Int = 2_000_000, timeout: Double? = nil,
                properties: Set<String>? = nil, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.workers = max(1, workers)
        self.maxRuns = maxRuns
        self.typeFlaws = typeFlaws
        self.maxStates = maxStates
        self.timeout = timeout
        self.properties = properties
    }
}

/// Where a long search has got, for a progress line.
public struct Progress: Sendable {
    public var model: String
    public var setting: String
    public var runs: Int
    public var scenario: Int
    public var scenarios: Int
    public var states: Int
    public var seconds: Double
    public var open: Int
}

/// Errors that stop a check before any search: a bad model or a bad request.
public enum CheckError: Error, CustomStringConvertible, Sendable {
    case invalidModel([ModelError])
    case unknownProperty(model: String, name: String, known: [String])

    public var description: String {
        switch self {
        case .invalidModel(let errors): return errors.map(\.description).joined(separator: "\n")
        case .unknownProperty(let model, let name, let known):
            return "error: \(model): no property named '\(name)' (it has: \(known.joined(separator: ", ")))"
        }
    }
}

/// Checks every property of a model: scenarios of 1, 2, ... up to `maxRuns` runs, one breadth-first
/// search per scenario serving all properties still open, so that the first attack found for a
/// property is among the shortest (fewest runs, then fewest steps).
public struct Checker: Sendable {
    public var options: CheckOptions
    public var progress: (@Sendable (Progress) -> Void)?

    public init(options: CheckOptions = CheckOptions(), progress: (@Sendable (Progress) -> Void)? = nil) {
        self.options = options
        self.progress = progress
    }

    public func check(_ model: ProtocolModel) throws -> [PropertyResult] {
        let errors = model.validate()
        if !errors.isEmpty { throw CheckError.invalidModel(errors) }
        let all = model.properties
        if let wanted = options.properties {
            for name in wanted.sorted() where !all.contains(where: { $0.name == name }) {
                throw CheckError.unknownProperty(model: model.name, name: name, known: all.map(\.name))
            }
        }
        let selected = all.enumerated().filter { options.properties?.contains($0.element.name) ?? true }
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = options.timeout.map { start + .milliseconds(Int($0 * 1000)) }
        let arithmetic = ArithmeticChecker()
        var results: [Int: PropertyResult] = [:]
        var counter = 0
        let lastReport = Locked(start)

        for setting in model.settings {
            let props = selected.filter { $0.element.setting.name == setting.name }
            var open = Set(props.map(\.offset))
            var states: [Int: Int] = [:]
            var incomplete: String?
            for size in 1...max(1, options.maxRuns) where !open.isEmpty && incomplete == nil {
                let relevant = Set(props.filter { open.contains($0.offset) }.flatMap { p -> [Int] in
                    if case .claim(let ri, _, _) = p.element.origin { return [ri] }
                    return Array(model.roles.indices)
                })
                let claimRoles = Set(props.filter { open.contains($0.offset) }.compactMap { p -> Int? in
                    if case .claim(let ri, _, _) = p.element.origin { return ri }
                    return nil
                })
                let list = scenarios(of: model, setting: setting, size: size, relevantRoles: relevant, claimRoles: claimRoles)
                let open0 = open, before = counter
                let outcomes = searchAll(list, model: model, setting: setting,
                                         properties: props.filter { open0.contains($0.offset) }.map { ($0.offset, $0.element) },
                                         open: open0, deadline: deadline) { done, states in
                    guard let progress, clock.now - lastReport.value > .seconds(1) else { return }
                    lastReport.value = clock.now
                    progress(Progress(model: model.name, setting: setting.name, runs: size, scenario: done, scenarios: list.count,
                                      states: before + states, seconds: seconds(clock.now - start), open: open0.count))
                }
                // Merged in scenario order, so that the result does not depend on which worker finished first.
                var best: [Int: (Finding, ScenarioSearch)] = [:]
                for outcome in outcomes {
                    counter += outcome.states
                    for p in open { states[p, default: 0] += outcome.states }
                    if let search = outcome.search {
                        for (p, f) in outcome.found.sorted(by: { $0.key < $1.key }) {
                            if let (old, _) = best[p], old.path.count <= f.path.count { continue }
                            best[p] = (f, search)
                        }
                    }
                    if let hit = outcome.limitHit { incomplete = incomplete ?? hit }
                    if outcome.truncated { incomplete = incomplete ?? "constraint depth limit" }
                }
                for (p, (finding, search)) in best.sorted(by: { $0.key < $1.key }) {
                    let property = all[p]
                    let slot = search.slots.first { s in s.property == p && finding.path.contains { $0.run == s.run && $0.event == s.event } }
                        ?? search.slots.first { $0.property == p }
                    let builder = TraceBuilder(model: model, property: property, setting: setting, network: search.network, solver: arithmetic.solver)
                    let trace = builder.build(finding, slot: slot)
                    results[p] = result(model, property, .attack, states: states[p] ?? 0, seconds: seconds(clock.now - start), trace: trace)
                    open.remove(p)
                }
            }
            for p in open.sorted() {
                let verdict: Verdict = incomplete == nil ? .verified : .inconclusive
                var r = result(model, all[p], verdict, states: states[p] ?? 0, seconds: seconds(clock.now - start), trace: nil)
                r.limit = incomplete
                results[p] = r
            }
        }
        return selected.map { results[$0.offset]! }
    }

    /// What one scenario's search left: its network only when it found something (traces are built
    /// from it), so that thousands of scenarios do not keep their caches alive.
    private struct Outcome {
        var search: ScenarioSearch?
        var found: [Int: Finding]
        var states: Int
        var limitHit: String?
        var truncated: Bool
    }

    /// Searches every scenario, `options.workers` at a time, each worker with its own Z3 context.
    private func searchAll(_ list: [Scenario], model: ProtocolModel, setting: Setting, properties: [(Int, Property)], open: Set<Int>,
                           deadline: ContinuousClock.Instant?, progress: @Sendable (Int, Int) -> Void) -> [Outcome] {
        let results = Locked([Outcome?](repeating: nil, count: list.count))
        let next = Locked(0)
        let tally = Locked((done: 0, states: 0))
        let typeFlaws = options.typeFlaws, maxStates = options.maxStates
        DispatchQueue.concurrentPerform(iterations: min(options.workers, list.count)) { _ in
            let arithmetic = ArithmeticChecker()
            while true {
                let i = next.withLock { n -> Int in defer { n += 1 }; return n }
                guard i < list.count else { return }
                if let deadline, ContinuousClock.now > deadline {
                    results.withLock { $0[i] = Outcome(search: nil, found: [:], states: 0, limitHit: "time limit", truncated: false) }
                    continue
                }
                var search = ScenarioSearch(model: model, setting: setting, scenario: list[i], properties: properties,
                                            typeFlaws: typeFlaws, arithmetic: arithmetic)
                var counter = 0
                let found = search.run(open: open, limits: SearchLimits(maxStates: maxStates, deadline: deadline), counter: &counter)
                let outcome = Outcome(search: found.isEmpty ? nil : search, found: found, states: search.statesExplored,
                                      limitHit: search.limitHit, truncated: search.truncated)
                results.withLock { $0[i] = outcome }
                let (done, states) = tally.withLock { t -> (Int, Int) in
                    t.done += 1
                    t.states += search.statesExplored
                    return (t.done, t.states)
                }
                progress(done, states)
            }
        }
        return results.withLock { $0.map { $0! } }
    }

    private func result(_ model: ProtocolModel, _ p: Property, _ v: Verdict, states: Int, seconds: Double, trace: Trace?) -> PropertyResult {
        PropertyResult(model: model.name, property: p.name, kind: p.kind, role: p.role, setting: p.setting.name, summary: p.summary,
                       verdict: v, bound: Bound(maxRuns: options.maxRuns, typeFlaws: options.typeFlaws),
                       assumptions: p.setting.assumptions + (options.typeFlaws ? ["variables may take terms of any type"] : ["typed matching"]),
                       states: states, seconds: seconds, limit: nil, trace: trace)
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
