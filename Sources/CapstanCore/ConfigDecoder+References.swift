import YAML

extension ConfigDecoder {
    /// Names are unique, apps name existing sources, and dependsOn names existing apps without cycles.
    func checkReferences(sources: [DecodedSource], apps: [DecodedApp]) {
        checkUnique(sources.map { ($0.config.name, $0.nameMark, $0.path) }, what: "source")
        checkUnique(apps.map { ($0.config.name, $0.nameMark, $0.path) }, what: "app")
        let sourceNames = Set(sources.map(\.config.name))
        let appNames = Set(apps.map(\.config.name))
        for app in apps {
            let source = app.config.source
            if !source.isEmpty && !sourceNames.contains(source) {
                let known = sourceNames.filter { !$0.isEmpty }.sorted().joined(separator: ", ")
                report("unknown source \"\(source)\" (sources: \(known.isEmpty ? "none" : known))", at: app.sourceMark, path: "\(app.path).source")
            }
            for (index, dependency) in app.config.dependsOn.enumerated() where !appNames.contains(dependency) {
                let mark = index < app.dependsOnMarks.count ? app.dependsOnMarks[index] : app.nameMark
                report("unknown app \"\(dependency)\"", at: mark, path: "\(app.path).dependsOn[\(index)]")
            }
        }
        checkCycles(apps)
    }

    private func checkUnique(_ names: [(name: String, mark: YAMLMark, path: String)], what: String) {
        var first: [String: YAMLMark] = [:]
        for entry in names where !entry.name.isEmpty {
            if let earlier = first[entry.name] {
                report("duplicate \(what) name \"\(entry.name)\" (first defined at line \(earlier.line))", at: entry.mark, path: "\(entry.path).name")
            } else {
                first[entry.name] = entry.mark
            }
        }
    }

    /// Reports each dependsOn cycle once, at the first app of the cycle in file order.
    private func checkCycles(_ apps: [DecodedApp]) {
        var indexOf: [String: Int] = [:]
        for (index, app) in apps.enumerated() where indexOf[app.config.name] == nil { indexOf[app.config.name] = index }
        var finished = Set<Int>()
        var reported = Set<[Int]>()
        for start in apps.indices {
            var stack: [Int] = []
            visit(start, apps: apps, indexOf: indexOf, stack: &stack, finished: &finished, reported: &reported)
        }
    }

    private func visit(
        _ index: Int, apps: [DecodedApp], indexOf: [String: Int], stack: inout [Int], finished: inout Set<Int>,
        reported: inout Set<[Int]>
    ) {
        if finished.contains(index) { return }
        if let position = stack.firstIndex(of: index) {
            reportCycle(Array(stack[position...]), apps: apps, reported: &reported)
            return
        }
        stack.append(index)
        for dependency in apps[index].config.dependsOn {
            guard let next = indexOf[dependency] else { continue }
            visit(next, apps: apps, indexOf: indexOf, stack: &stack, finished: &finished, reported: &reported)
        }
        stack.removeLast()
        finished.insert(index)
    }

    private func reportCycle(_ cycle: [Int], apps: [DecodedApp], reported: inout Set<[Int]>) {
        guard let lowest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) else { return }
        let ordered = Array(cycle[lowest...] + cycle[..<lowest])
        guard reported.insert(ordered).inserted else { return }
        let names = (ordered + [ordered[0]]).map { apps[$0].config.name }
        let app = apps[ordered[0]]
        let next = names[1]
        let item = app.config.dependsOn.firstIndex(of: next) ?? 0
        let mark = item < app.dependsOnMarks.count ? app.dependsOnMarks[item] : app.nameMark
        report("dependency cycle: \(names.joined(separator: " -> "))", at: mark, path: "\(app.path).dependsOn[\(item)]")
    }
}
