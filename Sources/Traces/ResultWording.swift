import Results
import Foundation
import Model

/// The words every rendering shares for a result's parts, so that the text, Markdown, HTML, SARIF
/// and JUnit forms say the same thing the same way.
enum Wording {
    static func kind(_ k: PropertyKind) -> String { k.rawValue }

    static func view(_ role: String) -> String { "\(role)'s view" }

    static func verdict(_ v: Verdict) -> String { v.rawValue.uppercased() }

    /// `VERIFIED for any number of runs`, `VERIFIED within 3 runs`, `ATTACK`.
    static func verdict(_ r: PropertyResult) -> String {
        guard r.verdict == .verified else { return verdict(r.verdict) }
        return verdict(r.verdict) + " " + reach(r)
    }

    /// How far a verified verdict reaches: `for any number of runs` or `within 3 runs`.
    static func reach(_ r: PropertyResult) -> String {
        r.scope == .unbounded ? "for any number of runs" : "within \(r.bound.maxRuns) runs"
    }

    /// A table cell: `verified (any number of runs)`, `verified (within 3 runs)`, `attack`.
    static func verdictCell(_ r: PropertyResult) -> String {
        guard r.verdict == .verified else { return r.verdict.rawValue }
        return r.scope == .unbounded ? "verified (any number of runs)" : "verified (within \(r.bound.maxRuns) runs)"
    }

    static func typing(_ b: Bound) -> String { b.typeFlaws ? "type flaws" : "typed" }

    /// `max-runs 2, typed`
    static func bound(_ b: Bound) -> String { "max-runs \(b.maxRuns), \(typing(b))" }

    /// Fixed two decimals in the POSIX locale: the same input always prints the same way.
    static func seconds(_ s: Double) -> String { String(format: "%.2f s", locale: Locale(identifier: "en_US_POSIX"), s) }

    /// `bound: max-runs 2, typed; states 1234; 0.12 s`
    static func boundDetails(_ r: PropertyResult) -> String {
        "bound: \(bound(r.bound)); states \(r.states); \(seconds(r.seconds))"
    }

    /// What the verdict means under its bound, for reports.
    static func meaning(_ r: PropertyResult) -> String {
        if r.kind == .reachability { return reachabilityMeaning(r) }
        switch r.verdict {
        case .attack: return "a trace violates the property"
        case .verified where r.scope == .unbounded:
            return "no attack exists for any number of runs (\(typing(r.bound))): the search closed without the bound of \(r.bound.maxRuns) runs cutting any branch"
        case .verified: return "no attack exists with at most \(r.bound.maxRuns) runs (\(typing(r.bound))); not a proof beyond that bound"
        case .inconclusive: return "the search stopped before an answer: \(r.limit ?? "a limit was reached")"
        }
    }

    /// The replay beside a verdict: `confirmed on real cryptography`, or `NOT confirmed: step 4,
    /// AES-GCM rejects the ciphertext under this key (authentication tag mismatch)`.
    static func replay(_ o: ReplayOutcome) -> String {
        guard !o.confirmed else { return "confirmed on real cryptography" + wire(o) }
        let at = o.step.map { "step \($0)" } ?? "before the first step"
        return "NOT confirmed\(wire(o)): \(at)" + (o.reason.map { ", \($0)" } ?? "")
    }

    /// A table cell: `confirmed`, `NOT confirmed (step 4)`, or a dash for a result that was not replayed.
    static func replayCell(_ r: PropertyResult) -> String {
        guard let o = r.replay else { return "—" }
        guard !o.confirmed else { return "confirmed" + wire(o) }
        return "NOT confirmed" + (o.step.map { " (step \($0))" } ?? "")
    }

    /// A heading's verdict: an attack that did not replay says so where it is named.
    static func headline(_ r: PropertyResult) -> String {
        guard let o = r.replay, !o.confirmed else { return verdictCell(r) }
        return verdictCell(r) + ", NOT confirmed on real cryptography"
    }

    /// Whether any result was replayed: the reports then have a replay column.
    static func replayed(_ results: [PropertyResult]) -> Bool { results.contains { $0.replay != nil } }

    /// The untagged wire is named, since it is the one that lets type flaws through.
    private static func wire(_ o: ReplayOutcome) -> String { o.encoding == .untagged ? " (untagged wire)" : "" }

    /// A reachability property holds when an execution reaches its claim: its trace is a witness,
    /// not an attack, and its failure has no trace.
    static func reachabilityMeaning(_ r: PropertyResult) -> String {
        switch r.verdict {
        case .attack: return "no execution with at most \(r.bound.maxRuns) runs (\(typing(r.bound))) reaches the claim"
        case .verified: return "an execution with honest agents reaches the claim (its trace is the witness), and so does one with more runs"
        case .inconclusive: return "the search stopped before an answer: \(r.limit ?? "a limit was reached")"
        }
    }

    /// What a trace of this kind shows: a violation, or for reachability the claim reached.
    static func traceLabel(_ k: PropertyKind) -> String { k == .reachability ? "Reachable" : "Violated" }

    /// One line for the result's subject: `attested-k secret-K`.
    static func subject(_ r: PropertyResult) -> String { "\(r.model) \(r.identity)" }
}
