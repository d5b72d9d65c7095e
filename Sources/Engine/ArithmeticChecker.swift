import Model
import Solver
import Terms

/// Decides the conditions runs have checked. Most are settled syntactically; what mixes integers
/// (`N + 5 ≠ M`, `B ≥ price` with a received balance) or disequalities over free variables goes to Z3.
/// Over-approximation: Z3 does not know what the intruder can derive, so a free variable may take any value.
final class ArithmeticChecker {
    let solver = Z3Solver()
    private var cache: [[Condition]: Bool] = [:]

    func satisfiable(_ conditions: [Condition]) -> Bool {
        if conditions.isEmpty { return true }
        var needsSolver = false
        for c in conditions {
            switch c {
            case .equal(let a, let b):
                if a != b { needsSolver = true }
            case .notEqual(let a, let b):
                if a == b { return false }
                if !(a.isGround && b.isGround && !mentionsNumbers(a) && !mentionsNumbers(b)) { needsSolver = true }
            case .atLeast(.number(let x), .number(let y)):
                if x < y { return false }
            case .atLeast:
                needsSolver = true
            }
        }
        if !needsSolver { return true }
        if let known = cache[conditions] { return known }
        let answer: Bool
        switch solver.check(conditions.map(Self.constraint)) {
        case .unsatisfiable: answer = false
        case .satisfiable, .unknown: answer = true
        }
        cache[conditions] = answer
        return answer
    }

    static func constraint(_ c: Condition) -> SolverConstraint {
        switch c {
        case .equal(let a, let b): return .equal(a, b)
        case .notEqual(let a, let b): return .notEqual(a, b)
        case .atLeast(let a, let b): return .atLeast(a, b)
        }
    }

    private func mentionsNumbers(_ t: Term) -> Bool { t.subterms.contains { $0.sort.isNumeric } }
}
