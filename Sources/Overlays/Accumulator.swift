/// What a build has gathered so far: resources, the field specs in force, and vars.
struct Accumulator: Sendable {
    var resources = ResourceList()
    var config = TransformerConfig()
    var vars: [VarSpec] = []

    /// Takes in a sub-build's resources, config and vars.
    mutating func merge(_ other: Accumulator) throws(OverlayError) {
        try resources.append(contentsOf: other.resources)
        try config.merge(other.config)
        for variable in other.vars { try addVar(variable) }
    }

    mutating func addVar(_ variable: VarSpec) throws(OverlayError) {
        if vars.contains(where: { $0.name == variable.name }) {
            throw OverlayError("var '\(variable.name)' already encountered")
        }
        vars.append(variable)
    }
}
