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
        let all = model.properties(under: options.adversary)
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
                let walk = ScenarioWalk(model: model, setting: setting, size: size, relevantRoles: relevant, claimRoles: claimRoles)
                let open0 = open, before = counter
                let (outcomes, cut) = searchAll(walk, model: model, setting: setting,
                                                properties: props.filter { open0.contains($0.offset) }.map { ($0.offset, $0.element) },
                                                open: open0, deadline: deadline) { done, made, more, states in
                    guard let progress, clock.now - lastReport.value > .seconds(1) else { return }
                    lastReport.value = clock.now
                    var p = Progress(model: model.name, setting: setting.name, runs: size, done: done, searches: made, unit: "scenarios",
                                     states: before + states, seconds: seconds(clock.now - start), open: open0.count)
                    p.more = more
                    progress(p)
                }
                if let cut { incomplete = incomplete ?? cut }
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
                let limit = incomplete ?? SearchEngine.explicit.cannotVerify(all[p])
                let verdict: Verdict = limit == nil ? .verified : .inconclusive
                var r = result(model, all[p], verdict, states: states[p] ?? 0, seconds: seconds(clock.now - start), trace: nil)
                r.limit = limit
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

    /// Searches every scenario of the walk, `options.workers` at a time, each worker with its own Z3
    /// context; the outcomes in walk order, and why the walk was cut short (a deadline, a
    /// cancellation), if it was. `progress` gets scenarios done, made so far, whether more are to
    /// come, and states.
    private func searchAll(_ walk: ScenarioWalk, model: ProtocolModel, setting: Setting, properties: [(Int, Property)], open: Set<Int>,
                           deadline: ContinuousClock.Instant?,
                           progress: @Sendable (Int, Int, Bool, Int) -> Void) -> ([Outcome], String?) {
        let results = Locked([Int: Outcome]())
        let tally = Locked((done: 0, states: 0))
        let typeFlaws = options.typeFlaws, maxStates = options.maxStates
        let cancellation = options.cancellation
        let feed = ScenarioFeed(walk, ahead: 4 * options.workers) {
            if let deadline, ContinuousClock.now > deadline { return "time limit" }
            if let cancellation, cancellation.isCancelled { return cancellation.reason }
            return nil
        }
        DispatchQueue.concurrentPerform(iterations: options.workers) { _ in
            let arithmetic = ArithmeticChecker()
            cancellation?.watch(arithmetic.solver)
            defer { cancellation?.forget(arithmetic.solver) }
            while let (i, scenario) = feed.next() {
                if let deadline, ContinuousClock.now > deadline {
                    feed.stop("time limit")
                    results.withLock { $0[i] = Outcome(search: nil, found: [:], states: 0, limitHit: "time limit", truncated: false) }
                    continue
                }
                if let cancellation, cancellation.isCancelled {
                    feed.stop(cancellation.reason)
                    results.withLock { $0[i] = Outcome(search: nil, found: [:], states: 0, limitHit: cancellation.reason, truncated: false) }
                    continue
                }
                var search = ScenarioSearch(model: model, setting: setting, scenario: scenario, properties: properties,
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
                let (made, more) = feed.progress
                progress(done, made, more, states)
            }
        }
        let cut = feed.end()
        return (results.withLock { r in r.keys.sorted().map { r[$0]! } }, cut)
    }

    private func result(_ model: ProtocolModel, _ p: Property, _ v: Verdict, states: Int, seconds: Double, trace: Trace?) -> PropertyResult {
        options.result(model, p, v, states: states, seconds: seconds, trace: trace)
    }
}

