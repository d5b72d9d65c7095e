import Foundation
import Model
import Results
import Solver
import Terms

/// The goal-directed engine (the default): one backward search per property, from the negation of
/// the property, properties searched side by side (one Z3 context per worker). `maxStates` bounds
/// the patterns of each property's search, so the verdicts do not depend on the workers.
struct GoalDirectedEngine {
    let options: CheckOptions
    let progress: (@Sendable (Progress) -> Void)?

    func check(_ model: ProtocolModel, _ selected: [(offset: Int, element: Property)]) -> [Int: PropertyResult] {
        let options = self.options, progress = self.progress
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = options.timeout.map { start + .milliseconds(Int($0 * 1000)) }
        let contexts = Dictionary(uniqueKeysWithValues: model.settings.map {
            ($0.name, PatternContext(model: model, setting: $0, typeFlaws: options.typeFlaws, adversary: options.adversary))
        })
        let results = Locked([Int: PropertyResult]())
        let next = Locked(0)
        let lastReport = Locked(start)
        let done = Locked(0)
        DispatchQueue.concurrentPerform(iterations: min(options.workers, max(1, selected.count))) { _ in
            let arithmetic = ArithmeticChecker()
            let cancellation = options.cancellation
            cancellation?.watch(arithmetic.solver)
            defer { cancellation?.forget(arithmetic.solver) }
            while true {
                let i = next.withLock { n -> Int in defer { n += 1 }; return n }
                guard i < selected.count else { return }
                let (index, property) = selected[i]
                let ctx = contexts[property.setting.name]!
                let query = Query(property)
                let search = PatternSearch(ctx: ctx, query: query, arithmetic: arithmetic,
                                           limits: SearchLimits(maxStates: options.maxStates, deadline: deadline, cancellation: cancellation),
                                           maxRuns: options.maxRuns, heuristic: options.heuristic)
                let began = clock.now
                let outcome = search.run()
                let elapsed = seconds(clock.now - began)
                let result: PropertyResult
                switch outcome.conclusion {
                case .attack(let p):
                    let trace = Realisation.trace(p, query, ctx, solver: arithmetic.solver)
                    result = options.result(model, property, .attack, states: outcome.patterns, seconds: elapsed, trace: trace)
                case .verified(let scope):
                    result = options.result(model, property, .verified, scope: scope, states: outcome.patterns, seconds: elapsed, trace: nil)
                case .inconclusive(let why):
                    result = options.result(model, property, .inconclusive, states: outcome.patterns, seconds: elapsed, limit: why, trace: nil)
                }
                results.withLock { $0[index] = result }
                let finished = done.withLock { n -> Int in n += 1; return n }
                if let progress, clock.now - lastReport.value > .seconds(1) {
                    lastReport.value = clock.now
                    progress(Progress(model: model.name, setting: property.setting.name, runs: options.maxRuns, done: finished,
                                      searches: selected.count, unit: "properties", states: outcome.patterns,
                                      seconds: seconds(clock.now - start), open: selected.count - finished))
                }
            }
        }
        return results.value
    }
}
