// ProtocheckKit is the library face of protocheck: the model DSL, the registered models, the checker,
// the renderings and replay, behind one import.
@_exported import Engine
@_exported import Results
@_exported import Model
@_exported import Models
@_exported import Terms
@_exported import Traces
@_exported import Replay
@_exported import Frontends

public let protocheckVersion = "0.1.0"
