import CapstanCore
import Manifests
import Sandbox

/// The kustomize-compatible engine's entry point: builds the kustomization in one directory of
/// a source tree into the objects `kubectl kustomize` would print, in the same order.
public struct Overlay: Sendable {
    /// The objects, in output order.
    public var objects: [JSONValue]
    /// Deprecation warnings kustomize would print on stderr.
    public var warnings: [String]

    /// Builds `directory` (relative to the tree's root; "" for the root itself).
    public static func build(_ directory: String, in tree: SourceTree) throws(OverlayError) -> Overlay {
        let target: KustomizeTarget
        do {
            target = try KustomizeTarget(loader: DirectoryLoader(tree: tree, directory: directory))
        } catch {
            throw OverlayError(error.message, in: directory)
        }
        do {
            let resources = try target.build()
            // kustomize rewrites every non-empty annotation map as strings when it strips its
            // build annotations, so `port: 8080` comes out as `port: "8080"`.
            let tracked = resources.resources.map { Self.withBuildMetadata($0, options: target.buildMetadata) }
            var objects = try ResourceOrder.sort(tracked, options: target.kustomization.sortOptions)
            for index in objects.indices {
                if case .object(let annotations)? = objects[index].value(at: ["metadata", "annotations"]), !annotations.isEmpty {
                    objects[index].setValue(.object(annotations.mapValues { $0.isScalar ? .string($0.scalarText) : $0 }), at: ["metadata", "annotations"])
                }
            }
            if target.kustomization.buildMetadata.contains("managedByLabel") {
                for index in objects.indices {
                    objects[index].setValue("kustomize-v5.5.0", at: ["metadata", "labels", "app.kubernetes.io/managed-by"])
                }
            }
            return Overlay(objects: objects, warnings: target.warnings)
        } catch {
            throw OverlayError(error.message, in: directory)
        }
    }

    /// The object with the origin and transformation annotations `buildMetadata` asks for.
    static func withBuildMetadata(_ resource: Resource, options: [String]) -> JSONValue {
        var annotations = resource.annotations
        if options.contains("originAnnotations"), let origin = resource.origin {
            annotations["config.kubernetes.io/origin"] = origin.annotation
        }
        if options.contains("transformerAnnotations"), !resource.transformations.isEmpty {
            annotations["alpha.config.kubernetes.io/transformations"] = Origin.transformationsAnnotation(resource.transformations)
        }
        guard annotations != resource.annotations else { return resource.object }
        var copy = resource
        copy.annotations = annotations
        return copy.object
    }

    /// The objects as `kubectl kustomize` prints them.
    public var yaml: String { ManifestEncoder.encode(objects) }
}
