import Foundation
import Model
import Results

/// What `protocheck replay` prints for the traces of one attack file: for each, the model and
/// property it replays and the replay's report. JSON is one document for all of them, however many
/// traces the file holds, so that it can be read as a whole.
package struct ReplayDocument: Encodable, Sendable {
    package struct Entry: Encodable, Sendable {
        package var model: String
        /// The model file the trace names (absent: a registered model).
        package var modelFile: String?
        package var property: String
        package var kind: PropertyKind
        package var role: String
        package var setting: String
        /// `confirmed` or `not-confirmed`, as `check --replay` writes it.
        package var replay: ReplayOutcome.Status
        package var encoding: WireEncoding
        /// Where it failed, numbered as the trace's text numbers its steps, and why.
        package var step: Int?
        package var reason: String?
        package var report: ReplayReport
        /// For the text, which numbers a failure's step as the trace's text does.
        let trace: Trace

        enum CodingKeys: String, CodingKey {
            case model, modelFile, property, kind, role, setting, replay, encoding, step, reason, report
        }

        package init(trace: Trace, report: ReplayReport) {
            self.trace = trace
            let outcome = report.outcome(of: trace)
            model = trace.model
            modelFile = trace.modelFile
            property = trace.property
            kind = trace.kind
            role = trace.role
            setting = trace.setting
            replay = outcome.status
            encoding = outcome.encoding
            step = outcome.step
            reason = outcome.reason
            self.report = report
        }

        /// `replay of nspk B-secret-Nb (secrecy, B's view), setting standard, registered model, tagged wire`
        package var heading: String {
            "replay of \(model) \(property) (\(kind.rawValue), \(role)'s view), setting \(setting), "
                + (modelFile.map { "model file \($0)" } ?? "registered model") + ", \(encoding.rawValue) wire"
        }
    }

    package var tool = "protocheck"
    package var version: String
    /// Whether every trace was confirmed.
    package var confirmed: Bool
    package var replays: [Entry]

    package init(version: String, replays: [(trace: Trace, report: ReplayReport)]) {
        self.version = version
        self.replays = replays.map { Entry(trace: $0.trace, report: $0.report) }
        self.confirmed = replays.allSatisfy { $0.report.confirmed }
    }

    /// Pretty JSON with sorted keys, or text: each replay under its heading, and with several a count.
    package func render(text: Bool) -> String {
        guard text else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }
        var parts = replays.map { $0.heading + "\n" + $0.report.render(text: true, trace: $0.trace) }
        if replays.count > 1 { parts.append("\(replays.filter { $0.report.confirmed }.count) of \(replays.count) attacks confirmed") }
        return parts.joined(separator: "\n\n")
    }
}
