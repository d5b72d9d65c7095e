import Results
import Foundation
import Model

/// SARIF 2.1.0 for code-scanning dashboards. One rule per property kind (`protocheck/secrecy`, ...),
/// listed for every kind among the results. One result per attack (`kind: fail`, `level: error`) and
/// one per inconclusive property with `kind: open`: SARIF's word for "not enough information to
/// decide", which the standard requires to carry `level: none`. Verified properties produce no result.
/// Each result points at the file and line where its property is claimed (`sources`) and names the
/// property as a logical location; `partialFingerprints` keeps alerts stable across runs.
package enum SARIFRenderer {
    package static func render(_ results: [PropertyResult], sources: PropertySources, version: String) throws -> String {
        let kinds = PropertyKind.allCases.filter { k in results.contains { $0.kind == k } }
        let rules = kinds.map { k in
            Rule(id: ruleID(k), name: ruleName(k),
                 shortDescription: .init(text: "\(k.rawValue) property violated"),
                 fullDescription: .init(text: description(k)),
                 defaultConfiguration: .init(level: "error"))
        }
        let reported = results.filter { $0.verdict != .verified }
        let sarifResults = reported.map { r -> Result in
            let attack = r.verdict == .attack
            var text = r.summary.hasSuffix(".") ? r.summary : r.summary + "."
            if attack {
                text += " Violated: " + (r.trace?.violation ?? (r.kind == .reachability ? Wording.meaning(r) : "a trace violates the property"))
                if let o = r.replay { text += ". Replay: " + Wording.replay(o) }
            } else {
                text += " Inconclusive: " + (r.limit ?? "the search stopped before an answer")
            }
            text += " (\(Wording.bound(r.bound)), setting \(r.setting))"
            let physical = sources.location(of: r).map {
                PhysicalLocation(artifactLocation: .init(uri: uri($0.file)), region: .init(startLine: $0.line, startColumn: $0.column))
            }
            let location = Location(physicalLocation: physical,
                                    logicalLocations: [.init(name: r.identity, fullyQualifiedName: "\(r.model)/\(r.identity)", kind: "member")])
            return Result(ruleId: ruleID(r.kind), ruleIndex: kinds.firstIndex(of: r.kind)!,
                          kind: attack ? "fail" : "open", level: attack ? "error" : "none",
                          message: .init(text: text), locations: [location],
                          partialFingerprints: ["protocheckProperty/v1": "\(r.model)/\(r.identity)"],
                          properties: .init(model: r.model, property: r.property, role: r.role, setting: r.setting,
                                            verdict: r.verdict.rawValue, maxRuns: r.bound.maxRuns, typeFlaws: r.bound.typeFlaws,
                                            trace: attack ? r.trace.map { TextRenderer.render(trace: $0, heading: false) } : nil,
                                            replay: r.replay?.status.rawValue, replayEncoding: r.replay?.encoding.rawValue,
                                            replayStep: r.replay?.step, replayReason: r.replay?.reason))
        }
        let log = Log(schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0",
                      runs: [Run(tool: .init(driver: .init(name: "protocheck", version: version, rules: rules)), results: sarifResults)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
    }

    package static func ruleID(_ k: PropertyKind) -> String { "protocheck/\(k.rawValue)" }

    static func ruleName(_ k: PropertyKind) -> String {
        k.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func description(_ k: PropertyKind) -> String {
        switch k {
        case .secrecy: return "The intruder must never learn the claimed term."
        case .aliveness: return "When the role finishes, its intended partner has been running the protocol."
        case .weakAgreement: return "When the role finishes with a partner, the partner has been running the protocol with it."
        case .nonInjectiveAgreement: return "When the role finishes, its partner has been running with it and agrees on the claimed data."
        case .injectiveAgreement: return "Each finished run has its own partner run agreeing on the claimed data (no replay)."
        case .scytherWeakAgreement: return "When the role finishes, each agent it runs with has run the protocol, in any role, with the same agents."
        case .synchronisation: return "When the role finishes, every message before its claim was sent and received as the protocol says, each sent before it was received."
        case .messageAgreement: return "When the role finishes, every message before its claim was sent and received with the same content, sender and recipient."
        case .reachability: return "Some execution with honest agents reaches the claim."
        case .custom: return "A property stated by the model, such as secrecy under a condition on events."
        }
    }

    /// SARIF wants a URI reference: forward slashes, spaces and the like percent-encoded.
    static func uri(_ path: String) -> String {
        let p = path.replacingOccurrences(of: "\\", with: "/")
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return p.addingPercentEncoding(withAllowedCharacters: allowed) ?? p
    }

    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable { var tool: Tool; var results: [Result] }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable {
        var name: String
        var version: String
        var rules: [Rule]
    }
    struct Text: Encodable { var text: String }
    struct Configuration: Encodable { var level: String }
    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var defaultConfiguration: Configuration
    }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var kind: String
        var level: String
        var message: Text
        var locations: [Location]
        var partialFingerprints: [String: String]
        var properties: Properties
    }
    struct Location: Encodable {
        var physicalLocation: PhysicalLocation?
        var logicalLocations: [LogicalLocation]
    }
    struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation; var region: Region }
    struct Region: Encodable { var startLine: Int; var startColumn: Int }
    struct ArtifactLocation: Encodable { var uri: String }
    struct LogicalLocation: Encodable { var name: String; var fullyQualifiedName: String; var kind: String }
    /// SARIF's property bag: what a dashboard cannot show elsewhere, the bound above all.
    struct Properties: Encodable {
        var model: String
        var property: String
        var role: String
        var setting: String
        var verdict: String
        var maxRuns: Int
        var typeFlaws: Bool
        var trace: String?
        /// `confirmed` or `not-confirmed` when the attack was replayed on real cryptography; where and
        /// why it failed beside it, as in the JSON output. Absent keys mean no replay.
        var replay: String?
        var replayEncoding: String?
        var replayStep: Int?
        var replayReason: String?
    }
}
