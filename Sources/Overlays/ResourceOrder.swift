import CapstanCore
import Manifests

/// Applies a kustomization's `sortOptions`: FIFO, or kustomize's "legacy" order (by kind, with
/// Namespaces and CRDs first and webhook configurations last), which is the default.
enum ResourceOrder {
    static func sort(_ objects: [JSONValue], options: SortOptions?) throws(OverlayError) -> [JSONValue] {
        guard let options else { return KustomizeLegacyOrder().sorted(objects) }
        switch options.order {
        case "fifo":
            if options.hasLegacyOptions {
                throw OverlayError("the field 'sortOptions.legacySortOptions' is set but the selected sort order is 'fifo', not 'legacy'")
            }
            return objects
        case "legacy":
            guard options.hasLegacyOptions else { return KustomizeLegacyOrder().sorted(objects) }
            return KustomizeLegacyOrder(orderFirst: options.orderFirst, orderLast: options.orderLast).sorted(objects)
        default:
            throw OverlayError("the field 'sortOptions.order' must be one of [fifo, legacy]")
        }
    }
}
