import CZ3
import Terms

/// A constraint between terms that syntactic unification leaves open.
package enum SolverConstraint: Hashable, Sendable, CustomStringConvertible {
    case equal(Term, Term)
    case notEqual(Term, Term)
    /// Integer comparison `lhs >= rhs`.
    case atLeast(Term, Term)
    /// The term's value is one of these (a free variable's candidates).
    case oneOf(Term, [Term])

    package var description: String {
        switch self {
        case .equal(let a, let b): return "\(a) = \(b)"
        case .notEqual(let a, let b): return "\(a) ≠ \(b)"
        case .atLeast(let a, let b): return "\(a) ≥ \(b)"
        case .oneOf(let a, let bs): return "\(a) ∈ {\(bs.map(\.description).joined(separator: ", "))}"
        }
    }
}

/// A satisfying assignment: integer values of the numeric leaves (nonces, numbers, numeric variables)
/// and the term each free variable takes.
package struct SolverModel: Hashable, Sendable {
    package var integers: [Term: Int]
    package var terms: [Variable: Term]
}

package enum SolverOutcome: Hashable, Sendable {
    case satisfiable(SolverModel)
    case unsatisfiable
    case unknown(String)
}

/// The bridge to Z3. Terms become values of an algebraic datatype
/// `T = leaf(Int) | num(Int) | node(Int, T, T) | nil`, with nonces and numbers as `num` of an integer
/// constant so that `N + 5`, balances and comparisons are integer arithmetic. Fresh values of distinct
/// runs are distinct. One instance per search worker: a Z3 context is not thread-safe.
package final class Z3Solver {
    private let ctx: Z3_context
    private let termSort: Z3_sort
    private let intSort: Z3_sort
    private var leafDecl: Z3_func_decl?
    private var numDecl: Z3_func_decl?
    private var nodeDecl: Z3_func_decl?
    private var nilDecl: Z3_func_decl?
    private var valAccessor: Z3_func_decl?
    private var numTester: Z3_func_decl?

    /// How many times `check` ran Z3: the benchmark reports it.
    package private(set) var calls = 0

    package init() {
        let cfg = Z3_mk_config()
        let ctx = Z3_mk_context(cfg)!
        Z3_del_config(cfg)
        Z3_set_error_handler(ctx, nil)
        let intSort = Z3_mk_int_sort(ctx)!
        self.ctx = ctx
        self.intSort = intSort

        func symbol(_ s: String) -> Z3_symbol { Z3_mk_string_symbol(ctx, s) }
        var cons: [Z3_constructor?] = []
        do {
            var names: [Z3_symbol?] = [symbol("id")]
            var sorts: [Z3_sort?] = [intSort]
            var refs: [UInt32] = [0]
            cons.append(Z3_mk_constructor(ctx, symbol("leaf"), symbol("is_leaf"), 1, &names, &sorts, &refs))
        }
        do {
            var names: [Z3_symbol?] = [symbol("val")]
            var sorts: [Z3_sort?] = [intSort]
            var refs: [UInt32] = [0]
            cons.append(Z3_mk_constructor(ctx, symbol("num"), symbol("is_num"), 1, &names, &sorts, &refs))
        }
        do {
            // A nil sort with index 0 refers back to the datatype being declared.
            var names: [Z3_symbol?] = [symbol("f"), symbol("l"), symbol("r")]
            var sorts: [Z3_sort?] = [intSort, nil, nil]
            var refs: [UInt32] = [0, 0, 0]
            cons.append(Z3_mk_constructor(ctx, symbol("node"), symbol("is_node"), 3, &names, &sorts, &refs))
        }
        cons.append(Z3_mk_constructor(ctx, symbol("nil"), symbol("is_nil"), 0, nil, nil, nil))
        termSort = Z3_mk_datatype(ctx, symbol("Term"), 4, &cons)!

        var decl: Z3_func_decl?
        var tester: Z3_func_decl?
        var acc1: [Z3_func_decl?] = [nil]
        Z3_query_constructor(ctx, cons[0], 1, &decl, &tester, &acc1)
        leafDecl = decl
        Z3_query_constructor(ctx, cons[1], 1, &decl, &tester, &acc1)
        numDecl = decl
        numTester = tester
        valAccessor = acc1[0]
        var acc3: [Z3_func_decl?] = [nil, nil, nil]
        Z3_query_constructor(ctx, cons[2], 3, &decl, &tester, &acc3)
        nodeDecl = decl
        Z3_query_constructor(ctx, cons[3], 0, &decl, &tester, nil)
        nilDecl = decl
        for c in cons { Z3_del_constructor(ctx, c) }
    }

    deinit { Z3_del_context(ctx) }

    /// Makes the Z3 call under way, if any, return `unknown` at once. Z3 allows it from another
    /// thread; the context stays usable.
    package func interrupt() { Z3_interrupt(ctx) }

    // MARK: - Encoding

    private struct Encoding {
        var codes: [String: Int32] = [:]
        var intConsts: [Term: Z3_ast] = [:]
        var termConsts: [Variable: Z3_ast] = [:]
        var freshInts: [Z3_ast] = []
    }

    private func code(_ key: String, _ enc: inout Encoding) -> Int32 {
        if let c = enc.codes[key] { return c }
        let c = Int32(enc.codes.count + 1)
        enc.codes[key] = c
        return c
    }

    private func int(_ n: Int) -> Z3_ast { Z3_mk_int64(ctx, Int64(n), intSort) }

    private func app(_ decl: Z3_func_decl?, _ args: [Z3_ast?]) -> Z3_ast {
        var a = args
        return Z3_mk_app(ctx, decl, UInt32(a.count), &a)
    }

    /// The integer a numeric term stands for.
    private func integer(_ t: Term, _ enc: inout Encoding) -> Z3_ast {
        switch t {
        case .number(let n): return int(n)
        case .offset(let base, let n):
            var args: [Z3_ast?] = [integer(base, &enc), int(n)]
            return Z3_mk_add(ctx, 2, &args)
        case .atom(let a) where a.sort.isNumeric:
            if let c = enc.intConsts[t] { return c }
            let c = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, "i_\(t)"), intSort)!
            enc.intConsts[t] = c
            if a.isFresh { enc.freshInts.append(c) }
            return c
        default:
            return app(valAccessor, [encode(t, &enc)])
        }
    }

    private func encode(_ t: Term, _ enc: inout Encoding) -> Z3_ast {
        switch t {
        case .atom(let a) where a.sort.isNumeric:
            return app(numDecl, [integer(t, &enc)])
        case .atom(let a):
            return app(leafDecl, [int(Int(code("atom:\(a.description)/\(a.sort.rawValue)", &enc)))])
        case .number, .offset:
            return app(numDecl, [integer(t, &enc)])
        case .variable(let v):
            if let c = enc.termConsts[v] { return c }
            let c = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, "v_\(v)"), termSort)!
            enc.termConsts[v] = c
            return c
        case .app(let f, let args):
            let fc = int(Int(code("fn:\(f.name)", &enc)))
            var rest = app(nilDecl, [])
            for a in args.reversed() { rest = app(nodeDecl, [int(0), encode(a, &enc), rest]) }
            return app(nodeDecl, [fc, rest, app(nilDecl, [])])
        }
    }

    private func assertion(_ c: SolverConstraint, _ enc: inout Encoding) -> Z3_ast {
        switch c {
        case .equal(let a, let b): return Z3_mk_eq(ctx, encode(a, &enc), encode(b, &enc))
        case .notEqual(let a, let b): return Z3_mk_not(ctx, Z3_mk_eq(ctx, encode(a, &enc), encode(b, &enc)))
        case .atLeast(let a, let b):
            let x = integer(a, &enc)
            let y = integer(b, &enc)
            var conj: [Z3_ast?] = [Z3_mk_ge(ctx, x, y)]
            for t in [a, b] where !t.sort.isNumeric {
                conj.append(app(numTester, [encode(t, &enc)]))
            }
            return Z3_mk_and(ctx, UInt32(conj.count), &conj)
        case .oneOf(let a, let options):
            let x = encode(a, &enc)
            var disj: [Z3_ast?] = options.map { Z3_mk_eq(ctx, x, encode($0, &enc)) }
            return disj.isEmpty ? Z3_mk_false(ctx) : Z3_mk_or(ctx, UInt32(disj.count), &disj)
        }
    }

    // MARK: - Solving

    /// Decides the conjunction of the constraints; on success returns the values of every numeric
    /// leaf and free variable mentioned. Fresh numeric values are distinct and positive.
    package func check(_ constraints: [SolverConstraint], alsoEvaluate extra: [Term] = []) -> SolverOutcome {
        calls += 1
        var enc = Encoding()
        let solver = Z3_mk_solver(ctx)
        Z3_solver_inc_ref(ctx, solver)
        defer { Z3_solver_dec_ref(ctx, solver) }
        for c in constraints { Z3_solver_assert(ctx, solver, assertion(c, &enc)) }
        for t in extra { _ = encode(t, &enc) }
        if enc.freshInts.count > 1 {
            var xs: [Z3_ast?] = enc.freshInts
            Z3_solver_assert(ctx, solver, Z3_mk_distinct(ctx, UInt32(xs.count), &xs))
        }
        for x in enc.freshInts { Z3_solver_assert(ctx, solver, Z3_mk_gt(ctx, x, int(0))) }
        if Z3_get_error_code(ctx) != Z3_OK { return .unknown("Z3 error \(Z3_get_error_code(ctx).rawValue)") }
        switch Z3_solver_check(ctx, solver) {
        case Z3_L_FALSE: return .unsatisfiable
        case Z3_L_TRUE: break
        default: return .unknown(String(cString: Z3_solver_get_reason_unknown(ctx, solver)))
        }
        guard let model = Z3_solver_get_model(ctx, solver) else { return .unknown("no model") }
        Z3_model_inc_ref(ctx, model)
        defer { Z3_model_dec_ref(ctx, model) }
        var integers: [Term: Int] = [:]
        for (t, c) in enc.intConsts {
            if let v = evalInt(model, c) { integers[t] = v }
        }
        var terms: [Variable: Term] = [:]
        let decode = Dictionary(enc.codes.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        for (v, c) in enc.termConsts {
            var out: Z3_ast?
            if Z3_model_eval(ctx, model, c, true, &out), let out, let t = read(out, model, decode, sort: v.sort) { terms[v] = t }
        }
        return .satisfiable(SolverModel(integers: integers, terms: terms))
    }

    private func evalInt(_ model: Z3_model, _ a: Z3_ast) -> Int? {
        var out: Z3_ast?
        guard Z3_model_eval(ctx, model, a, true, &out), let out else { return nil }
        var v: Int64 = 0
        return Z3_get_numeral_int64(ctx, out, &v) ? Int(v) : nil
    }

    /// Reads a model value back as a term: only leaves and numbers (a free variable's value).
    private func read(_ a: Z3_ast, _ model: Z3_model, _ decode: [Int32: String], sort: Sort) -> Term? {
        guard let decl = Z3_get_app_decl(ctx, Z3_to_app(ctx, a)) else { return nil }
        let name = String(cString: Z3_get_symbol_string(ctx, Z3_get_decl_name(ctx, decl)))
        let arg0 = Z3_get_app_num_args(ctx, Z3_to_app(ctx, a)) > 0 ? Z3_get_app_arg(ctx, Z3_to_app(ctx, a), 0) : nil
        switch name {
        case "num":
            var v: Int64 = 0
            guard let arg0, Z3_get_numeral_int64(ctx, arg0, &v) else { return nil }
            return .number(Int(v))
        case "leaf":
            var v: Int64 = 0
            guard let arg0, Z3_get_numeral_int64(ctx, arg0, &v) else { return nil }
            if let key = decode[Int32(v)], key.hasPrefix("atom:") {
                let body = key.dropFirst(5)
                let parts = body.split(separator: "/")
                return .atom(Atom(String(parts[0]), sort: Sort(rawValue: String(parts.last ?? "message")) ?? sort, kind: .constant(isPublic: true)))
            }
            return .atom(Atom("value\(v)", sort: sort, kind: .constant(isPublic: true)))
        default:
            return nil
        }
    }
}
