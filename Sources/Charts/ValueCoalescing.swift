import CapstanCore

/// Helm 3's values coalescing (chartutil.CoalesceValues / MergeValues): user values over chart
/// defaults, subcharts under their names, parent globals copied down over the subchart's, a user
/// `null` deleting a default (kept as `null` when merging).
public enum ValueCoalescing {
    typealias Table = [String: JSONValue]

    /// The values a chart renders with, given what the user supplied.
    public static func coalesce(chart: Chart, user: [String: JSONValue]) -> [String: JSONValue] {
        coalesce(chart: chart, user: user, merge: false)
    }

    static func coalesce(chart: Chart, user: Table, merge: Bool) -> Table {
        var dest = user
        coalesce(chart, &dest, merge: merge)
        return dest
    }

    static func coalesce(_ chart: Chart, _ dest: inout Table, merge: Bool) {
        coalesceValues(chart, &dest, merge: merge)
        for sub in chart.subcharts {
            if dest[sub.name] != nil, dest[sub.name]?.objectValue == nil { continue }
            var sv = dest[sub.name]?.objectValue ?? [:]
            coalesceGlobals(&sv, from: dest)
            coalesce(sub, &sv, merge: merge)
            dest[sub.name] = .object(sv)
        }
    }

    static func coalesceValues(_ chart: Chart, _ v: inout Table, merge: Bool) {
        for (key, val) in chart.values {
            guard let value = v[key] else {
                v[key] = val
                continue
            }
            if case .null = value {
                if !merge { v.removeValue(forKey: key) }
            } else if let dst = value.objectValue, let src = val.objectValue {
                // A subchart's section keeps its nulls here: the subchart's own pass deletes them.
                let keepNulls = merge || chart.subcharts.contains { $0.name == key }
                v[key] = .object(tables(dst, src, merge: keepNulls))
            }
        }
    }

    /// coalesceTablesFullKey: `dst` wins; its nulls delete the key unless merging.
    static func tables(_ dst: Table, _ src: Table, merge: Bool = false) -> Table {
        var dst = dst
        for (key, val) in src {
            guard let dv = dst[key] else {
                dst[key] = val
                continue
            }
            if case .null = dv {
                if !merge { dst.removeValue(forKey: key) }
            } else if let srcTable = val.objectValue, let dstTable = dv.objectValue {
                dst[key] = .object(tables(dstTable, srcTable, merge: merge))
            }
        }
        return dst
    }

    /// The parent's globals win over the subchart's own (Helm merges them top-down).
    static func coalesceGlobals(_ dest: inout Table, from src: Table) {
        if dest["global"] != nil, dest["global"]?.objectValue == nil { return }
        var dg = dest["global"]?.objectValue ?? [:]
        if src["global"] != nil, src["global"]?.objectValue == nil { return }
        for (key, val) in src["global"]?.objectValue ?? [:] {
            if let table = val.objectValue {
                if let existing = dg[key] {
                    if let dv = existing.objectValue { dg[key] = .object(tables(table, dv, merge: true)) }
                } else {
                    dg[key] = val
                }
            } else if dg[key]?.objectValue == nil {
                dg[key] = val
            }
        }
        dest["global"] = .object(dg)
    }

    /// Helm's mergeMaps for values files and `--set`: later maps win, nested maps merge.
    public static func merge(_ base: [String: JSONValue], _ over: [String: JSONValue]) -> [String: JSONValue] {
        var out = base
        for (key, value) in over {
            if let a = out[key]?.objectValue, let b = value.objectValue {
                out[key] = .object(merge(a, b))
            } else {
                out[key] = value
            }
        }
        return out
    }
}
