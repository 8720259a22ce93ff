import Overlays

extension RenderEngines {
    /// The engines this build has: kustomize overlays; charts come with the chart engine.
    public static let standard = RenderEngines(overlay: { directory, tree in
        try Overlay.build(directory == "." ? "" : directory, in: tree).objects
    })
}
