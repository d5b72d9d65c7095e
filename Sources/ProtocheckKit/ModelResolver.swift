import Foundation
import Engine
import Frontends
import Model
import Results

/// A model argument that names nothing protocheck knows.
public struct UnknownModel: Error, CustomStringConvertible {
    public var name: String
    public var description: String {
        "error: no model named '\(name)' (run `protocheck list` for the registered models, or give the path of a model file)"
    }
}

/// A trace whose model cannot be found: no registered model of its name, or its model file cannot
/// be read or has no protocol of that name.
public struct UnknownTraceModel: Error, CustomStringConvertible {
    public var model: String
    public var why: String
    public var description: String { "unknown model '\(model)' (\(why))" }
}

/// A model file with no protocol to check: only helper protocols (which make no claims), or none.
public struct NothingToCheck: Error, CustomStringConvertible {
    public var file: String
    public var description: String {
        "\(file): error: no protocol to check: the file has none, or only helper protocols (names beginning with @), which make no claims"
    }
}

/// Turns command-line model arguments into models: a registered name, or a path to a model file.
public enum ModelResolver {
    public static func resolve(_ argument: String) throws -> [ProtocolModel] {
        if let m = Registry.model(named: argument) { return [m] }
        guard ModelFile.looksLikePath(argument) else { throw UnknownModel(name: argument) }
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
    public static func origin(of model: ProtocolModel) -> String? {
        if Registry.model(named: model.name) == model { return nil }
        let file = model.location.file
        return file.hasSuffix(".spdl") ? file : nil
    }

    /// A trace's model, found the way `check` finds its arguments: the registered model of the
    /// trace's name, or the protocol of that name in the model file the trace records.
    public static func model(of trace: Trace) throws -> ProtocolModel {
        guard let file = trace.modelFile else {
            guard let m = Registry.model(named: trace.model) else {
                throw UnknownTraceModel(model: trace.model, why: "not a registered model, and the trace names no model file")
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

    /// The file a model was written in, relative to the package root, for reports and SARIF locations.
    public static func sourceFile(of model: ProtocolModel) -> String {
        let file = model.location.file
        // The DSL records #filePath (absolute, on the machine that built it): the package's models
        // live in models/, wherever the checkout is.
        if file.hasPrefix("/") {
            let shown = SourceLocation.shown(file)
            if !shown.hasPrefix("/") { return shown }
            if let r = file.range(of: "/models/", options: .backwards) { return "models/" + file[r.upperBound...] }
        }
        return file
    }
}
