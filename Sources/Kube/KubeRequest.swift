/// One API call before transport details: verb, path, query and body.
struct KubeRequest: Sendable {
    var method: String
    var path: String
    var query: [(String, String)] = []
    var body: [UInt8]? = nil
    var contentType: String? = nil
    var accept: String = "application/json"

    var pathAndQuery: String { query.isEmpty ? path : "\(path)?\(KubePath.query(query))" }
}
