print("protocheck")
