import Model

/// Every model protocheck knows by name, in the order `protocheck list` prints them.
package enum Registry {
    package static let all: [ProtocolModel] = validation + documents

    /// Protocols with known results from the literature: they validate the engine.
    package static let validation: [ProtocolModel] = [
        nspk, nsl, otwayRees, dhUnauthenticated, iso9798NoIdentity, iso9798WithIdentity,
        signedDH, signedDHNaxos, sharedKeyMAC,
    ]

    /// The protocols of the source documents in ../shared/seeds.
    package static let documents: [ProtocolModel] = [
        attestedKModel, attestedKNoncesModel,
        gemplusFirstModel, gemplusRSAModel, gemplusElGamalModel,
        sodaMachineModel,
        modifiedNSModel, nsSymmetricModel, masterKeyRegistrationModel,
    ]

    package static func model(named name: String) -> ProtocolModel? { all.first { $0.name == name } }
}
