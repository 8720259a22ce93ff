import CapstanCore
import Foundation
import Testing

@testable import Renderer

@Suite struct BundleStoreTests {
    func bundle(_ name: String) -> ManifestBundle {
        ManifestBundle(objects: [["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name)]]])
    }

    @Test func storedBundleIsCurrentAndReadableByDigest() throws {
        let fixture = try TreeFixture()
        let store = try BundleStore(directory: fixture.root, keep: 2)
        let first = bundle("a")
        try store.store(first, for: "web")
        #expect(store.current(of: "web") == first.digest)
        #expect(store.read(first.digest) == first.bytes)
        #expect(store.currentBundles() == ["web": first.digest])
    }

    @Test func historyKeepsTheLastNAndNeverTheCurrentOne() throws {
        let fixture = try TreeFixture()
        let store = try BundleStore(directory: fixture.root, keep: 2)
        let bundles = ["a", "b", "c"].map(bundle)
        for item in bundles { try store.store(item, for: "web") }
        #expect(store.current(of: "web") == bundles[2].digest)
        #expect(store.read(bundles[1].digest) != nil)
        #expect(store.read(bundles[0].digest) == nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(fixture.root)/bundles")
        #expect(files.count == 2)
        #expect(!files.contains { $0.contains(".tmp-") })
    }

    @Test func bundleSharedWithAnotherAppSurvivesTrimming() throws {
        let fixture = try TreeFixture()
        let store = try BundleStore(directory: fixture.root, keep: 1)
        let shared = bundle("shared")
        try store.store(shared, for: "one")
        try store.store(shared, for: "two")
        try store.store(bundle("new"), for: "one")
        #expect(store.read(shared.digest) != nil)
    }

    @Test func restartedStoreServesWhatWasStored() throws {
        let fixture = try TreeFixture()
        let item = bundle("a")
        try BundleStore(directory: fixture.root).store(item, for: "web")
        let reopened = try BundleStore(directory: fixture.root)
        #expect(reopened.current(of: "web") == item.digest)
        #expect(reopened.read(item.digest) == item.bytes)
    }

    @Test func corruptBundleIsNotServed() throws {
        let fixture = try TreeFixture()
        let store = try BundleStore(directory: fixture.root)
        let item = bundle("a")
        try store.store(item, for: "web")
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: store.path(of: item.digest)))
        #expect(store.read(item.digest) == nil)
    }
}
