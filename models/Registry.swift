import Model

/// Every model protocheck knows by name, in the order `protocheck list` prints them.
public enum Registry {
    public static let all: [ProtocolModel] = validation + documents

    /// Protocols with known results from the literature: they validate the engine.
    public static let validation: [ProtocolModel] = [
        nspk, nsl, otwayRees, dhUnauthenticated, iso9798NoIdentity, iso9798WithIdentity,
    ]

    /// The protocols of the source documents in ../shared/seeds.
    public static let documents: [ProtocolModel] = [
        attestedKModel, attestedKNoncesModel,
        gemplusFirstModel, gemplusRSAModel, gemplusElGamalModel,
        sodaMachineModel,
        modifiedNSModel, nsSymmetricModel, masterKeyRegistrationModel,
    ]

    public static func model(named name: String) -> ProtocolModel? { all.first { $0.name == name } }
}
