import ApplierStage
import CapstanCore
import Foundation
import Messaging
import Testing

/// The daemon's pure pieces: reading bundle announcements, writing status entries.
@Suite struct StatusAndOfferTests {
    @Test func bundleOfferReadsTheDigestFieldOrTheOlderBundleField() throws {
        let digest = Digest(of: [1, 2, 3])
        let current = Event(topic: "bundle.shop", fields: ["app": "shop", "revision": "main@sha1:1", "digest": .string(digest.description), "objects": 3])
        let older = Event(topic: "bundle.shop", fields: ["app": "shop", "revision": "main@sha1:1", "bundle": .string(digest.description)])
        #expect(BundleOffer(event: current) == BundleOffer(app: "shop", revision: "main@sha1:1", digest: digest, objects: 3))
        #expect(BundleOffer(event: older)?.digest == digest)
        #expect(BundleOffer(event: Event(topic: "bundle.shop", fields: ["app": "shop"])) == nil)
        #expect(BundleOffer(event: Event(topic: "revision.repo", fields: ["digest": .string(digest.description)])) == nil)
    }

    @Test func statusEntryOmitsAbsentValuesAndWritesRFC3339Times() {
        var status = AppStatus(app: "shop")
        #expect(status.json == [
            "app": "shop", "phase": "Pending", "suspended": false, "driftCorrections": 0,
            "actions": ["created": 0, "configured": 0, "unchanged": 0, "pruned": 0],
        ])
        status.updatedAt = Date(timeIntervalSince1970: 1_764_300_000)
        status.rejected = [.init(object: "Deployment/shop/bad", message: "invalid")]
        #expect(status.json["updatedAt"] == "2025-11-28T03:20:00Z")
        #expect(status.json["rejected"] == [["object": "Deployment/shop/bad", "message": "invalid"]])
    }
}
