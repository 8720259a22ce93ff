import CapstanCore

/// Server-side apply settings; Capstan's defaults are a controller's: its own manager, forced.
public struct ApplyOptions: Sendable, Hashable {
    public var fieldManager: String
    public var force: Bool
    /// `dryRun=All`: the server runs admission and apply but persists nothing.
    public var dryRun: Bool
    /// `fieldValidation` (`Strict`, `Warn`, `Ignore`); nil leaves it to the server.
    public var fieldValidation: String?

    public init(fieldManager: String = "capstan", force: Bool = true, dryRun: Bool = false, fieldValidation: String? = nil) {
        self.fieldManager = fieldManager
        self.force = force
        self.dryRun = dryRun
        self.fieldValidation = fieldValidation
    }
}

/// What an apply returned: the object as the server now has it, and whether it was created.
public struct ApplyResult: Sendable {
    public var object: JSONValue
    public var created: Bool
}
