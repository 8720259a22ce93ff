import Overlays

extension RenderEngines {
    /// The engines this build has: kustomize overlays and Helm charts.
    public static let standard = RenderEngines(
        overlay: { directory, tree in try Overlay.build(directory == "." ? "" : directory, in: tree).objects },
        chart: { directory, tree, helm in try ChartEngine.build(directory, in: tree, helm: helm) })
}
