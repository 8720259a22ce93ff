/// Sprig's dictionary functions (maps are shared references, as in Go).
enum SprigDicts {
    typealias F = TemplateFunction

    static func m(_ v: Value) -> MapValue {
        if case .map(let map) = v { return map }
        return MapValue([:])
    }

    static func register(_ t: inout FunctionTable) {
        t["dict"] = F([], variadic: .any) { _, a in
            var entries: [String: Value] = [:]
            var i = 0
            while i < a.count {
                let key = Convert.strval(a[i])
                entries[key] = i + 1 < a.count ? a[i + 1] : .string("")
                i += 2
            }
            return .map(MapValue(entries))
        }
        t["get"] = F([.map, .string]) { _, a in m(a[0]).entries[SprigStrings.s(a[1])] ?? .string("") }
        t["set"] = F([.map, .string, .any]) { _, a in
            m(a[0]).entries[SprigStrings.s(a[1])] = a[2]
            return a[0]
        }
        t["unset"] = F([.map, .string]) { _, a in
            m(a[0]).entries[SprigStrings.s(a[1])] = nil
            return a[0]
        }
        t["hasKey"] = F([.map, .string]) { _, a in .bool(m(a[0]).entries[SprigStrings.s(a[1])] != nil) }
        t["pluck"] = F([.string], variadic: .map) { _, a in
            let key = SprigStrings.s(a[0])
            return Convert.list(a.dropFirst().compactMap { m($0).entries[key] })
        }
        t["keys"] = F([], variadic: .map) { _, a in
            Convert.strings(a.flatMap { m($0).sortedKeys })
        }
        t["values"] = F([.map]) { _, a in
            let map = m(a[0])
            return Convert.list(map.sortedKeys.map { map.entries[$0]! })
        }
        t["pick"] = F([.map], variadic: .string) { _, a in
            let map = m(a[0])
            var out: [String: Value] = [:]
            for k in a.dropFirst() { if let v = map.entries[SprigStrings.s(k)] { out[SprigStrings.s(k)] = v } }
            return .map(MapValue(out))
        }
        t["omit"] = F([.map], variadic: .string) { _, a in
            let omit = Set(a.dropFirst().map(SprigStrings.s))
            return .map(MapValue(m(a[0]).entries.filter { !omit.contains($0.key) }))
        }
        let merge = F([.map], variadic: .map) { _, a in
            for src in a.dropFirst() { mergeInto(m(a[0]), m(src), overwrite: false) }
            return a[0]
        }
        t["merge"] = merge; t["mustMerge"] = merge
        let mergeOverwrite = F([.map], variadic: .map) { _, a in
            for src in a.dropFirst() { mergeInto(m(a[0]), m(src), overwrite: true) }
            return a[0]
        }
        t["mergeOverwrite"] = mergeOverwrite; t["mustMergeOverwrite"] = mergeOverwrite
        let deepCopy = F([.any]) { _, a in Convert.deepCopy(a[0]) }
        t["deepCopy"] = deepCopy; t["mustDeepCopy"] = deepCopy
        t["dig"] = F([], variadic: .any) { _, a throws(FunctionError) in
            guard a.count >= 3 else { throw FunctionError("dig needs at least three arguments") }
            guard case .map(var current) = a[a.count - 1] else {
                throw FunctionError("interface conversion: interface {} is \(a[a.count - 1].typeName), not map[string]interface {}")
            }
            let fallback = a[a.count - 2]
            let keys = a[0..<(a.count - 2)].map(SprigStrings.s)
            for (n, key) in keys.enumerated() {
                guard let step = current.entries[key] else { return fallback }
                if n == keys.count - 1 { return step }
                guard case .map(let next) = step else {
                    throw FunctionError("interface conversion: interface {} is \(step.typeName), not map[string]interface {}")
                }
                current = next
            }
            return fallback
        }
    }

    /// mergo.Merge / MergeWithOverwrite on maps: nested maps merge, other values fill gaps (or overwrite).
    static func mergeInto(_ dst: MapValue, _ src: MapValue, overwrite: Bool) {
        for (key, value) in src.entries {
            if let existing = dst.entries[key] {
                if case .map(let d) = existing, case .map(let s) = value {
                    mergeInto(d, s, overwrite: overwrite)
                } else if overwrite || Convert.isEmpty(existing) {
                    dst.entries[key] = value
                }
            } else {
                dst.entries[key] = value
            }
        }
    }
}
