import CapstanCore
import Sandbox

/// The engines for layouts that are not plain directories, plugged in by the executable so this
/// library builds before the kustomize and chart engines land.
public struct RenderEngines: Sendable {
    /// Builds the kustomization in a directory (relative to the tree's root) into objects.
    public typealias Build = @Sendable (_ directory: String, _ tree: SourceTree) throws -> [JSONValue]
    /// Renders the chart in a directory with the app's release and values into objects.
    public typealias ChartBuild = @Sendable (_ directory: String, _ tree: SourceTree, _ helm: HelmConfig?) throws -> [JSONValue]

    public var overlay: Build?
    public var chart: ChartBuild?

    public init(overlay: Build? = nil, chart: ChartBuild? = nil) {
        self.overlay = overlay
        self.chart = chart
    }
}
