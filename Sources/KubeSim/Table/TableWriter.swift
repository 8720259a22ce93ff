import CapstanCore
import Foundation

/// Writes `meta.k8s.io/v1` Tables, what `kubectl get` asks for and prints, with the kind's printer columns.
struct TableWriter: Sendable {
    static let contentType = "application/json;as=Table;v=v1;g=meta.k8s.io"

    let columns: [TableColumn]
    /// `includeObject`: `Metadata` (the default) sends PartialObjectMetadata, `Object` the whole object, `None` nothing.
    let includeObject: String

    /// A writer when the client's first choice is a Table, else nil.
    init?(_ request: APIRequest, type: ResourceType) {
        guard let first = request.accept.split(separator: ",").first, first.contains("as=Table"),
            first.contains("g=meta.k8s.io")
        else { return nil }
        columns = PrinterColumns.columns(for: type)
        includeObject = request.query["includeObject"] ?? "Metadata"
    }

    func table(_ objects: [JSONValue], metadata: JSONValue = [:], headers: Bool = true) -> JSONValue {
        let now = Date()
        return ["kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": metadata,
                "columnDefinitions": headers ? .array(columns.map(\.definition)) : .null,
                "rows": .array(objects.map { row($0, now: now) })]
    }

    func response(_ objects: [JSONValue], metadata: JSONValue) -> APIResponse {
        .json(table(objects, metadata: metadata), contentType: Self.contentType)
    }

    private func row(_ object: JSONValue, now: Date) -> JSONValue {
        var row: JSONValue = ["cells": .array(columns.map { $0.cell(object, now) })]
        switch includeObject {
        case "None": break
        case "Object": row["object"] = object
        default:
            row["object"] = ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
                             "metadata": object["metadata"] ?? [:]]
        }
        return row
    }
}
