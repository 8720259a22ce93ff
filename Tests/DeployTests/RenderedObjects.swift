import CapstanCore

/// Lookups over a rendered object list: by kind, by name, and the containers of a Deployment.
struct RenderedObjects {
    var objects: [JSONValue]

    init(_ directory: String) throws {
        objects = try RepositoryFiles.build(directory).objects
    }

    func all(_ kind: String) -> [JSONValue] { objects.filter { $0["kind"]?.stringValue == kind } }

    func named(_ kind: String, _ name: String) -> JSONValue? { all(kind).first { $0.name == name } }
}

extension JSONValue {
    var name: String { self["metadata"]?["name"]?.stringValue ?? "" }
    var podSpec: JSONValue? { self["spec"]?["template"]?["spec"] }
    var containers: [JSONValue] { podSpec?["containers"]?.arrayValue ?? [] }
    var strings: [String] { arrayValue?.compactMap(\.stringValue) ?? [] }
}

extension JSONValue {
    /// How kubectl and capstan-applier name the object in their output: `deployment.apps/capstan-applier`.
    var resourceName: String {
        let apiVersion = self["apiVersion"]?.stringValue ?? ""
        let group = apiVersion.contains("/") ? "." + apiVersion.split(separator: "/")[0] : ""
        return (self["kind"]?.stringValue ?? "").lowercased() + group + "/" + name
    }
}
