import Foundation
import CapstanCore
import Fetcher
import Messaging

extension FetchedRevision {
    /// The `revision.<source>` event: source, revision, digest, size, files and commit metadata.
    var event: Event {
        Event(topic: "revision.\(source)", fields: [
            "source": .string(source),
            "revision": .string(revision.description),
            "digest": .string(digest.description),
            "size": .int(Int64(size)),
            "files": .int(Int64(files)),
            "commit": .object([
                "id": .string(commit.id),
                "author": .string(commit.author),
                "email": .string(commit.email),
                "time": .int(commit.time),
                "subject": .string(commit.subject),
            ]),
        ])
    }
}

extension SourceStatus {
    var json: JSONValue {
        var object: [String: JSONValue] = ["name": .string(name), "ready": .bool(ready), "failures": .int(Int64(failures))]
        object["revision"] = revision.map(JSONValue.string) ?? .null
        object["digest"] = digest.map(JSONValue.string) ?? .null
        object["lastFetch"] = lastFetch.map { .double($0.timeIntervalSince1970) } ?? .null
        object["nextFetch"] = nextFetch.map { .double($0.timeIntervalSince1970) } ?? .null
        object["lastError"] = lastError.map(JSONValue.string) ?? .null
        return .object(object)
    }
}
