import CapstanCore
import Foundation
import Testing

@testable import Patching

/// Per-phase timings behind `ApplyBenchmarkTests` (same switch), to see where an apply spends time.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PATCHING_BENCH"] == "1"), .serialized)
struct ApplyPhaseBenchmarkTests {
    func time(_ label: String, rounds: Int = 4000, _ body: () throws -> Void) rethrows {
        let (wall, cpu) = try BenchmarkClock.measure { for _ in 0..<rounds { try body() } }
        print("patching-bench: \(label): " + String(format: "%.1f µs wall, %.1f µs CPU", wall / Double(rounds) * 1e6, cpu / Double(rounds) * 1e6))
    }

    @Test func phases() throws {
        let config = ApplyBenchmarkTests.config
        let schema = ObjectSchema.forObject(config)
        let options = ApplyOptions(manager: "gitops", time: "2026-11-27T10:00:00Z", schema: schema)
        let created = try ServerSideApply.apply(config, to: nil, options: options).object
        let live = try JSONPatch.apply(ApplyBenchmarkTests.defaulting, to: created)
        var changed = config
        changed.setValue(5, at: ["spec", "replicas"])
        var content = live
        content.removeManagedFields()
        let merged = ApplyMerge.merge(live: content, config: changed, schema: schema.root)!
        let entries = ManagedFieldsEntry.decode(live["metadata"]?["managedFields"])

        try time("no-op apply") { _ = try ServerSideApply.apply(config, to: live, options: options) }
        try time("changing apply") { _ = try ServerSideApply.apply(changed, to: live, options: options) }
        let updateOptions = UpdateOptions(manager: "kubectl-edit", time: "2026-11-27T11:00:00Z", schema: schema)
        var edited = live
        edited.setValue(7, at: ["spec", "replicas"])
        let reparsed = try JSONValue.parse(edited.serialized())
        time("update (re-parsed new object)") { _ = ServerSideApply.update(from: live, to: reparsed, options: updateOptions) }
        time("decode managedFields") { _ = ManagedFieldsEntry.decode(live["metadata"]?["managedFields"]) }
        time("encode managedFields") { _ = ManagedFieldsEntry.encode(entries) }
        try time("applied field set") { _ = try AppliedFields.of(config, schema: schema.root) }
        time("merge") { _ = ApplyMerge.merge(live: content, config: config, schema: schema.root) }
        time("compare") { _ = Comparison.compare(content, merged, schema: schema.root) }
        time("equality") { _ = content == merged }
        time("subtract") { _ = entries[0].fields.subtracting(StrippedFields.set) }
    }
}
