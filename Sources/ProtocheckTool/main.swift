import Models
import Protocheck

// protocheck is the embeddable command line with the shipped models, plus the maintenance commands
// its scripts run (hidden from --help).
Protocheck.main(models: Registry.all, hidden: [CompareScyther.self, ReplayAll.self])
