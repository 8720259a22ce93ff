/// One node of a YAML document: the ordered model that config, manifests and overlays share.
///
/// Aliases are already resolved: an alias becomes a copy of the node its anchor names
/// (sharing storage), carrying the anchored node's marks.
///
/// Not `indirect`: children live in the collections' arrays, so no node needs a box of its own
/// (one heap allocation fewer per node, which matters when parsing thousands of manifests).
public enum YAMLNode: Sendable, Hashable {
    case scalar(YAMLScalar)
    case sequence(YAMLSequence)
    case mapping(YAMLMapping)
}
