/// protocheck's version: `--version`, the JSON and SARIF outputs, and the version a user's package
/// depends on (README, CHANGELOG; a test holds them to this constant).
package let protocheckVersion = "0.6.0"
