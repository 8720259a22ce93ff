/// One node of a YAML document: the ordered model that config, manifests and overlays share.
///
/// Aliases are already resolved: an alias becomes a copy of the node its anchor names
/// (sharing storage), carrying the anchored node's marks.
public indirect enum YAMLNode: Sendable, Hashable {
    case scalar(YAMLScalar)
    case sequence(YAMLSequence)
    case mapping(YAMLMapping)
}
