import ChallengeResponse
import Protocheck

Protocheck.main(models: models)
