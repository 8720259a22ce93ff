import CapstanCore
import Sandbox

/// Turns an app's directory into a bundle: detect the layout, build objects, substitute, encode.
public struct Renderer: Sendable {
    public var limits: RenderLimits
    public var engines: RenderEngines

    public init(limits: RenderLimits = .default, engines: RenderEngines = .standard) {
        self.limits = limits
        self.engines = engines
    }

    /// Renders one app; every failure names the file or object and what to do.
    public func render(_ request: RenderRequest) throws(RenderError) -> ManifestBundle {
        let tree = try openTree(request.root)
        let directory = try resolve(request.path, in: tree)
        let objects = try build(directory, in: tree, helm: request.helm)
        try checkCount(objects, directory: directory)
        let substituted = try PostBuildSubstitution(variables: request.substitute, limits: limits.yaml)
            .apply(to: objects)
        return try checkedBundle(substituted, directory: directory)
    }

    /// The objects the app's layout produces, before substitution.
    func build(_ directory: String, in tree: SourceTree, helm: HelmConfig? = nil) throws(RenderError) -> [JSONValue] {
        let layout: AppLayout
        do { layout = try AppLayout.detect(directory, in: tree) } catch { throw RenderError(error) }
        switch layout {
        case .plain:
            return try PlainDirectory(directory: directory, tree: tree, limits: limits).objects()
        case .overlay(let file):
            return try run(engines.overlay, directory, tree, file: file, missing: "kustomize overlays")
        case .chart(let file):
            let chart = engines.chart.map { engine -> RenderEngines.Build in { try engine($0, $1, helm) } }
            return try run(chart, directory, tree, file: file, missing: "charts")
        }
    }

    private func run(
        _ engine: RenderEngines.Build?, _ directory: String, _ tree: SourceTree, file: String, missing: String
    ) throws(RenderError) -> [JSONValue] {
        guard let engine else {
            throw RenderError(
                .unsupported, at: file, "\(missing) are not supported yet",
                hint: "render it with another tool into a plain directory for now")
        }
        do { return try engine(directory, tree) } catch let error as SandboxError {
            throw RenderError(error)
        } catch let error as RenderError {
            throw error
        } catch {
            throw RenderError(.engine, at: file, "\(error)")
        }
    }

    private func openTree(_ root: String) throws(RenderError) -> SourceTree {
        do { return try SourceTree(root: root, limits: limits.source) } catch {
            throw RenderError(.sandbox, at: root, "the render root does not exist")
        }
    }

    private func resolve(_ path: String, in tree: SourceTree) throws(RenderError) -> String {
        let directory: String
        do { directory = try tree.resolve(path) } catch { throw RenderError(error) }
        let kind: EntryKind?
        do { kind = try tree.kind(of: directory) } catch { throw RenderError(error) }
        guard kind == .directory else {
            throw RenderError(.sandbox, at: path, "is not a directory", hint: "an app's path names a directory in its source")
        }
        return directory
    }

    private func checkCount(_ objects: [JSONValue], directory: String) throws(RenderError) {
        guard objects.count <= limits.maxObjects else {
            throw RenderError(
                .limit, at: directory, "the render holds \(objects.count) objects, more than the limit of \(limits.maxObjects)",
                hint: "raise limits.documents in capstan.yaml or split the app")
        }
    }

    private func checkedBundle(_ objects: [JSONValue], directory: String) throws(RenderError) -> ManifestBundle {
        let bundle = ManifestBundle(objects: objects)
        guard bundle.bytes.count <= limits.maxBundleBytes else {
            throw RenderError(
                .limit, at: directory, "the bundle is \(bundle.bytes.count) bytes, more than the limit of \(limits.maxBundleBytes)",
                hint: "raise limits.renderBytes in capstan.yaml or split the app")
        }
        return bundle
    }
}
