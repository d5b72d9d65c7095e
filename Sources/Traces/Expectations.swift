import Results
import Yams

/// A verdict as an expectations file writes it: `attack`, `inconclusive`, `verified` (however far
/// it reaches), `verified within N runs` or `verified for any number of runs`.
package struct ExpectedVerdict: Hashable, Sendable, CustomStringConvertible {
    package var verdict: Verdict
    /// For `verified`: `.unbounded` asks for a proof for any number of runs; nil or `.bounded` for
    /// any verified result.
    package var scope: Scope?
    /// The bound a `verified within N runs` was written with (for reading only).
    package var runs: Int?

    package init(_ verdict: Verdict, scope: Scope? = nil, runs: Int? = nil) {
        self.verdict = verdict
        self.scope = scope
        self.runs = runs
    }

    package static let attack = ExpectedVerdict(.attack)
    package static let verified = ExpectedVerdict(.verified)
    package static let inconclusive = ExpectedVerdict(.inconclusive)

    init(_ r: PropertyResult) {
        self.init(r.verdict, scope: r.verdict == .verified ? (r.scope ?? .bounded) : nil, runs: r.verdict == .verified ? r.bound.maxRuns : nil)
    }

    init?(word: String) {
        switch word {
        case "attack": self.init(.attack)
        case "inconclusive": self.init(.inconclusive)
        case "verified": self.init(.verified)
        case "verified for any number of runs": self.init(.verified, scope: .unbounded)
        default:
            let parts = word.split(separator: " ")
            guard parts.count == 4, parts[0] == "verified", parts[1] == "within", parts[3] == "runs", let n = Int(parts[2]) else { return nil }
            self.init(.verified, scope: .bounded, runs: n)
        }
    }

    /// Whether `got` meets this expectation: a proof is expected to stay a proof.
    func isMet(by got: ExpectedVerdict) -> Bool {
        guard got.verdict == verdict else { return false }
        return scope != .unbounded || got.scope == .unbounded
    }

    package var description: String {
        guard verdict == .verified, let scope else { return verdict.rawValue }
        return scope == .unbounded ? "verified for any number of runs" : runs.map { "verified within \($0) runs" } ?? "verified"
    }
}

/// One property whose verdict is not the one expected.
package struct ExpectationDiff: Hashable, Sendable, CustomStringConvertible {
    package var model: String
    package var property: String
    package var expected: ExpectedVerdict
    /// nil when the results hold no verdict for the property.
    package var got: ExpectedVerdict?

    package init(model: String, property: String, expected: ExpectedVerdict, got: ExpectedVerdict?) {
        self.model = model
        self.property = property
        self.expected = expected
        self.got = got
    }

    /// `attested-k secret-K: expected verified, got attack`
    package var description: String {
        "\(model) \(property): expected \(expected), got \(got?.description ?? "no result")"
    }
}

/// Expected verdicts, per model and property (`--expect FILE`, and the committed `attacks/expected.yaml`):
///
///     attested-k:
///       secret-K: attack
///       secret-K@server: verified for any number of runs
///       i-agree-SE-K: verified within 5 runs
///
/// `verified for any number of runs` fails the gate when the search no longer proves it for any
/// number of runs; `verified` and `verified within N runs` accept either.
///
/// Only models that appear in the results are compared, so one file can serve a run over some models;
/// a result the file does not list fails the gate (`unlisted`) unless the caller allows new ones.
package struct Expectations: Hashable, Sendable {
    package struct Entry: Hashable, Sendable {
        package var model: String
        package var property: String
        package var verdict: ExpectedVerdict
        package init(model: String, property: String, verdict: ExpectedVerdict) {
            self.model = model
            self.property = property
            self.verdict = verdict
        }
    }

    package enum ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        /// `line:column: what is wrong`
        case invalid(String)
        package var description: String {
            switch self { case .invalid(let why): return "expectations: \(why)" }
        }
    }

    /// Sorted by model, then property.
    package var entries: [Entry]

    package init(entries: [Entry]) {
        self.entries = entries.sorted { ($0.model, $0.property) < ($1.model, $1.property) }
    }

    package static func parse(yaml: String) throws -> Expectations {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ParseError.invalid("not valid YAML: \(error)")
        }
        guard let root else { return Expectations(entries: []) }
        if case .scalar(let s) = root, s.tag == Tag(.null) { return Expectations(entries: []) }
        guard let models = root.mapping else {
            throw ParseError.invalid(at(root) + "expected a mapping from model names to their properties")
        }
        var entries: [Entry] = []
        var seen = Set<String>()
        for (modelKey, properties) in models {
            guard let model = modelKey.string else { throw ParseError.invalid(at(modelKey) + "a model name must be a string") }
            guard let pairs = properties.mapping else {
                throw ParseError.invalid(at(properties) + "model '\(model)' must map property names to verdicts")
            }
            for (propertyKey, value) in pairs {
                guard let property = propertyKey.string else {
                    throw ParseError.invalid(at(propertyKey) + "a property name of '\(model)' must be a string")
                }
                guard let word = value.string, let verdict = ExpectedVerdict(word: word) else {
                    throw ParseError.invalid(at(value) + "'\(model) \(property)': the verdict must be attack, inconclusive, verified, 'verified within N runs' or 'verified for any number of runs'")
                }
                guard seen.insert(model + "\u{0}" + property).inserted else {
                    throw ParseError.invalid(at(propertyKey) + "'\(model) \(property)' is listed twice")
                }
                entries.append(Entry(model: model, property: property, verdict: verdict))
            }
        }
        return Expectations(entries: entries)
    }

    /// Every expected verdict that the results contradict or lack, in the expectations' order.
    /// Empty means every result is as expected.
    package func compare(_ results: [PropertyResult]) -> [ExpectationDiff] {
        let checked = Set(results.map(\.model))
        var got: [String: ExpectedVerdict] = [:]
        for r in results { got[key(r.model, r.identity)] = ExpectedVerdict(r) }
        return entries.filter { checked.contains($0.model) }.compactMap { e in
            let actual = got[key(e.model, e.property)]
            return actual.map(e.verdict.isMet) == true ? nil : ExpectationDiff(model: e.model, property: e.property, expected: e.verdict, got: actual)
        }
    }

    /// Expected properties of checked models that the results do not name (`model property`): a typo in
    /// the file or a property the model lost, which the CLI reports as bad usage.
    package func unknownProperties(in results: [PropertyResult]) -> [String] {
        let checked = Set(results.map(\.model))
        let named = Set(results.map { key($0.model, $0.identity) })
        return entries.filter { checked.contains($0.model) && !named.contains(key($0.model, $0.property)) }
            .map { "\($0.model) \($0.property)" }
    }

    /// Results the file says nothing about (a new property, a model the file does not list, another
    /// model's file): a gate that let them pass would pass having compared nothing for them.
    package func unlisted(in results: [PropertyResult]) -> [PropertyResult] {
        let listed = Set(entries.map { key($0.model, $0.property) })
        return results.filter { !listed.contains(key($0.model, $0.identity)) }
    }

    /// A result's verdict as the file would write it (`verified within 5 runs`).
    package static func word(for result: PropertyResult) -> String { ExpectedVerdict(result).description }

    /// The expectations file that these results would satisfy, sorted by model and property.
    package static func render(_ results: [PropertyResult]) -> String {
        Expectations(entries: results.map { Entry(model: $0.model, property: $0.identity, verdict: ExpectedVerdict($0)) }).yaml
    }

    /// The YAML form, one mapping per model in sorted order.
    package var yaml: String {
        var byModel: [String: [String: String]] = [:]
        for e in entries { byModel[e.model, default: [:]][e.property] = e.verdict.description }
        // Yams quotes whatever a plain scalar could misread (`yes`, `@x`, `1.0`).
        let body = (try? Yams.dump(object: byModel, indent: 2, width: -1, allowUnicode: true, sortKeys: true)) ?? ""
        return "# Expected verdicts per model and property (protocheck check --expect).\n" + (byModel.isEmpty ? "{}\n" : body)
    }

    private func key(_ model: String, _ property: String) -> String { model + "\u{0}" + property }

    private static func at(_ node: Node) -> String { node.mark.map { "\($0.line):\($0.column): " } ?? "" }
}
