import Foundation

/// `limit` and `continue` of a list: continue tokens carry the last key returned.
struct Page {
    var limit: Int?
    var after: String?

    init(query: [String: String]) throws(APIStatus) {
        if let text = query["limit"], let number = Int(text), number > 0 { limit = number }
        if let token = query["continue"], !token.isEmpty {
            guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
                let bar = text.firstIndex(of: "|")
            else { throw APIStatus.badRequest("continue key is not valid: illegal base64 data") }
            after = String(text[text.index(after: bar)...])
        }
    }

    static func token(after key: String, resourceVersion: Int64) -> String {
        Data("\(resourceVersion)|\(key)".utf8).base64EncodedString()
    }
}
