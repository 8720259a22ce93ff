import CapstanCore
import Foundation

/// `capstan revisions` as a table: one row per source from the fetchers' STATUS, configured
/// sources that no fetcher reports included (as `-`).
public enum RevisionsTable {
    /// Source name → the first entry any fetcher instance reports for it.
    public static func entries(_ statuses: [JSONValue]) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for entry in statuses.flatMap({ $0["sources"]?.arrayValue ?? [] }) {
            guard let name = entry["name"]?.stringValue, result[name] == nil else { continue }
            result[name] = entry
        }
        return result
    }

    public static func table(sources: [String], statuses: [JSONValue], now: Date = Date()) -> TextTable {
        let reported = entries(statuses)
        var names = sources
        for name in reported.keys.sorted() where !names.contains(name) { names.append(name) }
        var table = TextTable(headers: ["SOURCE", "REVISION", "ARTIFACT", "READY", "LAST FETCH", "NEXT FETCH", "LAST ERROR"], flexibleColumn: 6)
        for name in names {
            let entry = reported[name]
            let ready = entry?["ready"]?.boolValue.map { $0 ? "True" : "False" } ?? "Unknown"
            table.append([
                TextTable.Cell(name), TextTable.Cell(ShortNames.revision(entry?["revision"]?.stringValue)),
                TextTable.Cell(ShortNames.digest(entry?["digest"]?.stringValue)),
                TextTable.Cell(ready, paint: ready == "True" ? .green : .red),
                TextTable.Cell(AgeFormatter.age(of: TimeValue.date(entry?["lastFetch"]), now: now)),
                TextTable.Cell(AgeFormatter.age(of: TimeValue.date(entry?["nextFetch"]), now: now)),
                TextTable.Cell(entry?["lastError"]?.stringValue ?? "-", paint: entry?["lastError"]?.stringValue == nil ? .none : .red),
            ])
        }
        return table
    }
}
