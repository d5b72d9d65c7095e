import Results
import Foundation
import Model

/// `--format json`: the document DESIGN.md fixes, with sorted keys and pretty printing so that the
/// committed attack files diff cleanly. Absent values (`limit`, `trace`) are written as `null`, not
/// left out, so every result has the same keys. The trace is `Trace`'s own Codable form, which is what
/// `protocheck replay` decodes.
package enum JSONRenderer {
    package static func render(_ results: [PropertyResult], version: String) throws -> String {
        let data = try encoder().encode(Document(tool: "protocheck", version: version, results: results.map(ResultEntry.init)))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The traces of a JSON document, in order: a whole `check --format json` output (only the results
    /// that carry a trace), or a bare trace as `render(trace:)`-style attack files hold it.
    package static func traces(from json: Data) throws -> [Trace] {
        try attacks(from: json).map(\.trace)
    }

    /// The traces of a JSON document as `traces(from:)` reads them, each with the bound its search
    /// ran under where the document records it (a `check` output does; a bare trace does not), since
    /// how a trace replays depends on the typing it was found with.
    package static func attacks(from json: Data) throws -> [(trace: Trace, bound: Bound?)] {
        let decoder = JSONDecoder()
        if let doc = try? decoder.decode(DecodedDocument.self, from: json) {
            return doc.results.compactMap { e in e.trace.map { ($0, e.bound) } }
        }
        return [(try decoder.decode(Trace.self, from: json), nil)]
    }

    /// The results of a `check --format json` document, as the engine produced them.
    package static func results(from json: Data) throws -> [PropertyResult] {
        try JSONDecoder().decode(ResultsDocument.self, from: json).results.map(\.result)
    }

    /// A single trace as JSON (an attack file's `attack.json`).
    package static func render(trace: Trace) throws -> String {
        String(decoding: try encoder().encode(trace), as: UTF8.self) + "\n"
    }

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }

    struct Document: Encodable {
        var tool: String
        var version: String
        var results: [ResultEntry]
    }

    struct ResultEntry: Encodable {
        var result: PropertyResult

        init(_ result: PropertyResult) { self.result = result }

        enum Key: String, CodingKey {
            case model, property, kind, role, verdict, scope, bound, adversary, assumptions, states, seconds, setting, summary, limit, trace, replay
            case replayEncoding, replayStep, replayReason
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(result.model, forKey: .model)
            try c.encode(result.property, forKey: .property)
            try c.encode(result.kind, forKey: .kind)
            try c.encode(result.role, forKey: .role)
            try c.encode(result.verdict, forKey: .verdict)
            if result.verdict == .verified { try c.encode(result.scope ?? .bounded, forKey: .scope) }
            try c.encode(result.bound, forKey: .bound)
            try c.encode(result.adversary, forKey: .adversary)
            try c.encode(result.assumptions, forKey: .assumptions)
            try c.encode(result.states, forKey: .states)
            try c.encode(result.seconds, forKey: .seconds)
            try c.encode(result.setting, forKey: .setting)
            try c.encode(result.summary, forKey: .summary)
            // `encode` of an Optional writes null; the synthesised form would drop the key.
            try c.encode(result.limit, forKey: .limit)
            try c.encode(result.trace, forKey: .trace)
            // DESIGN.md's `"replay": "confirmed" | "not-confirmed"`, with where and why beside it.
            if let replay = result.replay {
                try c.encode(replay.status, forKey: .replay)
                try c.encode(replay.encoding, forKey: .replayEncoding)
                try c.encodeIfPresent(replay.step, forKey: .replayStep)
                try c.encodeIfPresent(replay.reason, forKey: .replayReason)
            }
        }
    }

    /// The inverse of `ResultEntry`: the replay's keys are read back into one `ReplayOutcome`.
    struct DecodedResult: Decodable {
        var result: PropertyResult

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: ResultEntry.Key.self)
            var replay: ReplayOutcome?
            if let status = try c.decodeIfPresent(ReplayOutcome.Status.self, forKey: .replay) {
                replay = ReplayOutcome(status: status, encoding: try c.decodeIfPresent(WireEncoding.self, forKey: .replayEncoding) ?? .tagged,
                                       step: try c.decodeIfPresent(Int.self, forKey: .replayStep),
                                       reason: try c.decodeIfPresent(String.self, forKey: .replayReason))
            }
            result = PropertyResult(
                model: try c.decode(String.self, forKey: .model), property: try c.decode(String.self, forKey: .property),
                kind: try c.decode(PropertyKind.self, forKey: .kind), role: try c.decode(String.self, forKey: .role),
                setting: try c.decode(String.self, forKey: .setting), summary: try c.decode(String.self, forKey: .summary),
                verdict: try c.decode(Verdict.self, forKey: .verdict), scope: try c.decodeIfPresent(Scope.self, forKey: .scope),
                bound: try c.decode(Bound.self, forKey: .bound),
                adversary: try c.decodeIfPresent(Adversary.self, forKey: .adversary) ?? .standard, assumptions: try c.decode([String].self, forKey: .assumptions),
                states: try c.decode(Int.self, forKey: .states), seconds: try c.decode(Double.self, forKey: .seconds),
                limit: try c.decodeIfPresent(String.self, forKey: .limit), trace: try c.decodeIfPresent(Trace.self, forKey: .trace),
                replay: replay)
        }
    }

    struct ResultsDocument: Decodable {
        var results: [DecodedResult]
    }

    struct DecodedDocument: Decodable {
        struct Entry: Decodable { var trace: Trace?; var bound: Bound? }
        var tool: String
        var results: [Entry]
    }
}
