import Foundation
import Engine
import Frontends
import Model
import Results

/// A model argument that names nothing the command line knows.
package struct UnknownModel: Error, CustomStringConvertible {
    package var name: String
    /// The command to suggest for the list of names: the binary the user ran.
    package var command: String = "protocheck"
    package var description: String {
        "error: no model named '\(name)' (run `\(command) list` for the registered models, or give the path of a model file)"
    }
}

/// A trace whose model cannot be found: no registered model of its name, or its model file cannot
/// be read or has no protocol of that name.
package struct UnknownTraceModel: Error, CustomStringConvertible {
    package var model: String
    package var why: String
    package var description: String { "unknown model '\(model)' (\(why))" }
}

/// A model file with no protocol to check: only helper protocols (which make no claims), or none.
package struct NothingToCheck: Error, CustomStringConvertible {
    package var file: String
    package var description: String {
        "\(file): error: no protocol to check: the file has none, or only helper protocols (names beginning with @), which make no claims"
    }
}

/// Turns command-line model arguments into models: the name of one of `models` (protocheck's shipped
/// models, or those a user's package hands to `Protocheck.main`), or a path to a model file.
package struct ModelResolver: Sendable {
    package var models: [ProtocolModel]
    package var command: String

    package init(models: [ProtocolModel], command: String = "protocheck") {
        self.models = models
        self.command = command
    }

    package func model(named name: String) -> ProtocolModel? { models.first { $0.name == name } }

    package func resolve(_ argument: String) throws -> [ProtocolModel] {
        if let m = model(named: argument) { return [m] }
        guard ModelFile.looksLikePath(argument) else { throw UnknownModel(name: argument, command: command) }
        // A missing file is "no such file" whatever its name; an existing one of another notation is
        // refused by its extension before its bytes are looked at.
        let ext = URL(fileURLWithPath: argument).pathExtension
        var isDir: ObjCBool = false
        if !ModelFile.extensions.contains(ext), FileManager.default.fileExists(atPath: argument, isDirectory: &isDir), !isDir.boolValue {
            throw FileProblem(path: argument, kind: .unknownExtension(ext), what: "model file")
        }
        let text = try ModelFile.text(at: argument)
        let models = try SPDL.parse(text, file: argument)
        if models.isEmpty { throw NothingToCheck(file: argument) }
        // A protocol without claims still runs beside the others (its roles are in every model of
        // the file); on its own it would pass having checked nothing.
        let claiming = models.filter { !$0.properties.isEmpty }
        if claiming.isEmpty { throw CheckError.noProperties(model: models[0].name, location: models[0].location) }
        return claiming
    }

    /// Where a model came from, as its traces record it (`Trace.modelFile`): nil for a registered
    /// model, the path of its file as it was given for a model read from a file.
    package func origin(of model: ProtocolModel) -> String? {
        if self.model(named: model.name) == model { return nil }
        let file = model.location.file
        return file.hasSuffix(".spdl") ? file : nil
    }

    /// A trace's model, found the way `check` finds its arguments: the registered model of the
    /// trace's name, or the protocol of that name in the model file the trace records.
    package func model(of trace: Trace) throws -> ProtocolModel {
        guard let file = trace.modelFile else {
            guard let m = model(named: trace.model) else {
                throw UnknownTraceModel(model: trace.model, why: "not a registered model, and the trace names no model file: name it with --model FILE")
            }
            return m
        }
        let models: [ProtocolModel]
        do { models = try resolve(file) } catch is UnknownModel, is FileProblem {
            throw UnknownTraceModel(model: trace.model, why: "cannot read its model file \(file)")
        }
        guard let m = models.first(where: { $0.name == trace.model }) else {
            throw UnknownTraceModel(model: trace.model, why: "\(file) has no protocol of that name")
        }
        return m
    }
}
