import CapstanCore
import Foundation

/// Joins the renderer's and the applier's STATUS (over every shard instance) into one row per
/// app: the configured apps in config order, then any app a stage reports that the config lacks.
public struct StatusMerger: Sendable {
    public var apps: [AppConfig]

    public init(apps: [AppConfig]) {
        self.apps = apps
    }

    /// Rows from the `apps` arrays of every renderer and applier STATUS that answered.
    public func merge(renderer: [JSONValue], applier: [JSONValue]) -> [AppRow] {
        let rendered = Self.entries(renderer), applied = Self.entries(applier)
        var names = apps.map(\.name)
        for name in rendered.keys.sorted() + applied.keys.sorted() where !names.contains(name) { names.append(name) }
        return names.map { row(for: $0, renderer: rendered[$0], applier: applied[$0]) }
    }

    func row(for app: String, renderer: JSONValue?, applier: JSONValue?) -> AppRow {
        var row = AppRow(app: app, source: apps.first { $0.name == app }?.source ?? renderer?["source"]?.stringValue,
                         renderer: renderer, applier: applier)
        if let applier {
            row.phase = applier["phase"]?.stringValue ?? "Unknown"
            row.revision = applier["revision"]?.stringValue
            row.objects = applier["objects"]?.intValue.map(Int.init)
            row.driftCorrections = applier["driftCorrections"]?.intValue.map(Int.init)
            row.error = applier["error"]?.stringValue
            row.updatedAt = TimeValue.date(applier["updatedAt"])
        }
        guard let renderer else { return row }
        if renderer["phase"]?.stringValue == "Failed" {
            // The cluster keeps the last good bundle; the row says the newest commit did not render.
            row.phase = "Failed"
            row.revision = renderer["revision"]?.stringValue ?? row.revision
            row.error = "render: " + (renderer["error"]?.stringValue ?? "failed")
            row.updatedAt = TimeValue.date(renderer["renderedAt"]) ?? row.updatedAt
        } else if applier == nil {
            row.phase = renderer["phase"]?.stringValue ?? "Unknown"
            row.revision = renderer["revision"]?.stringValue
            row.objects = renderer["objects"]?.intValue.map(Int.init)
            row.updatedAt = TimeValue.date(renderer["renderedAt"])
        }
        return row
    }

    /// App name → entry over every instance's `apps`; the first instance reporting an app wins.
    static func entries(_ statuses: [JSONValue]) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for status in statuses {
            for entry in status["apps"]?.arrayValue ?? [] {
                guard let name = entry["app"]?.stringValue, result[name] == nil else { continue }
                result[name] = entry
            }
        }
        return result
    }
}
