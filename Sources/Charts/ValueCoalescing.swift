import CapstanCore

/// Helm 3's values coalescing (chartutil.CoalesceValues): user values over chart defaults, subcharts
/// under their names, `global` copied down, a user `null` deleting a default.
public enum ValueCoalescing {
    typealias Table = [String: JSONValue]

    /// The values a chart renders with, given what the user supplied.
    public static func coalesce(chart: Chart, user: [String: JSONValue]) -> [String: JSONValue] {
        var dest = user
        coalesce(chart, &dest)
        return dest
    }

    static func coalesce(_ chart: Chart, _ dest: inout Table) {
        coalesceValues(chart, &dest)
        for sub in chart.subcharts {
            var sv = dest[sub.name]?.objectValue ?? [:]
            if dest[sub.name] != nil, dest[sub.name]?.objectValue == nil { continue }
            coalesceGlobals(&sv, from: dest)
            coalesce(sub, &sv)
            dest[sub.name] = .object(sv)
        }
    }

    static func coalesceValues(_ chart: Chart, _ v: inout Table) {
        for (key, val) in chart.values {
            if let value = v[key] {
                if case .null = value {
                    v.removeValue(forKey: key)
                } else if var dst = value.objectValue, let src = val.objectValue {
                    tables(&dst, src)
                    v[key] = .object(dst)
                }
            } else {
                v[key] = val
            }
        }
    }

    /// coalesceTablesFullKey without merge: `dst` wins, its nulls delete.
    static func tables(_ dst: inout Table, _ src: Table) {
        for (key, val) in src {
            if let dv = dst[key] {
                if case .null = dv {
                    dst.removeValue(forKey: key)
                } else if let srcTable = val.objectValue, var dstTable = dv.objectValue {
                    tables(&dstTable, srcTable)
                    dst[key] = .object(dstTable)
                }
            } else {
                dst[key] = val
            }
        }
    }

    static func coalesceGlobals(_ dest: inout Table, from src: Table) {
        var dg = dest["global"]?.objectValue ?? [:]
        guard let sg = src["global"]?.objectValue else {
            return
        }
        for (key, val) in sg {
            if let table = val.objectValue {
                if let existing = dg[key] {
                    if var dv = existing.objectValue {
                        tables(&dv, table)
                        dg[key] = .object(dv)
                    }
                } else {
                    dg[key] = val
                }
            } else if let existing = dg[key], existing.objectValue != nil {
                continue
            } else {
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
