import Foundation
import Model
import Results
import Solver
import Terms

/// The explicit-state engine (`--engine explicit`), kept as the cross-check: scenarios of 1, 2, ...
/// up to `maxRuns` concrete runs, one breadth-first search per scenario serving all properties still
/// open, so that the first attack found for a property is among the shortest (fewest runs, then
/// fewest steps). A `verified` holds within the bound only.
struct ExplicitEngine {
    let options: CheckOptions
    let progress: (@Sendable (Progress) -> Void)?

    func check(_ model: ProtocolModel, _ selected: [(offset: Int, element: Property)]) -> [Int: PropertyResult] {
        let all = model.properties
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
                    progress(Progress(model: model.name, setting: setting.name, runs: size, done: done, searches: list.count, unit: "scenarios",
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
                    let builder = TraceBuilder(model: model, property: property, setting: setting, solver: arithmetic.solver)
                    let trace = builder.build(search.execution(of: finding, slot: slot))
                    results[p] = result(model, property, .attack, states: states[p] ?? 0, seconds: seconds(clock.now - start), trace: trace)
                    open.remove(p)
                }
            }
            for p in open.sorted() {
                let verdict: Verdict = incomplete == nil ? .verified : .inconclusive
                var r = result(model, all[p], verdict, states: states[p] ?? 0, seconds: seconds(clock.now - start), trace: nil)
                r.limit = incomplete
                // A scenario search covers its bound only: never a proof beyond it.
                if verdict == .verified { r.scope = .bounded }
                results[p] = r
            }
        }
        return results
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
        let cancellation = options.cancellation
        DispatchQueue.concurrentPerform(iterations: min(options.workers, list.count)) { _ in
            let arithmetic = ArithmeticChecker()
            cancellation?.watch(arithmetic.solver)
            defer { cancellation?.forget(arithmetic.solver) }
            while true {
                let i = next.withLock { n -> Int in defer { n += 1 }; return n }
                guard i < list.count else { return }
                if let deadline, ContinuousClock.now > deadline {
                    results.withLock { $0[i] = Outcome(search: nil, found: [:], states: 0, limitHit: "time limit", truncated: false) }
                    continue
                }
                if cancellation?.isCancelled == true {
                    results.withLock { $0[i] = Outcome(search: nil, found: [:], states: 0, limitHit: cancellation?.reason ?? "interrupted", truncated: false) }
                    continue
                }
                var search = ScenarioSearch(model: model, setting: setting, scenario: list[i], properties: properties,
                                            typeFlaws: typeFlaws, arithmetic: arithmetic)
                var counter = 0
                let limits = SearchLimits(maxStates: maxStates, deadline: deadline, cancellation: cancellation)
                let found = search.run(open: open, limits: limits, counter: &counter)
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
        options.result(model, p, v, states: states, seconds: seconds, trace: trace)
    }
}

