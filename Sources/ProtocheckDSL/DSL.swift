// The DSL a model is written in, behind one import: terms (`Terms`) and role scripts, properties and
// settings (`Model`). Both modules keep what the engine shares with them `package`-scoped, so this
// re-export brings the vocabulary of docs/modelling.md and nothing of the engine.
@_exported import Model
@_exported import Terms
