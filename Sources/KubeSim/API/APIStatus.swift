import CapstanCore

/// A failed request as the API server reports it: a `Status` object whose reason and message kubectl prints.
public struct APIStatus: Error, Sendable, CustomStringConvertible {
    public var code: Int
    public var reason: String
    public var message: String
    public var details: JSONValue?
    /// Extra response headers, such as `Retry-After`.
    public var retryAfterSeconds: Int?

    public init(code: Int, reason: String, message: String, details: JSONValue? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details
    }

    public var description: String { "\(code) \(reason): \(message)" }

    /// The `Status` object sent as the response body.
    public var json: JSONValue {
        var status: JSONValue = [
            "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure",
            "message": .string(message), "reason": .string(reason), "code": .int(Int64(code)),
        ]
        if let details { status["details"] = details }
        return status
    }
}

extension APIStatus {
    static func identity(_ type: ResourceType, name: String) -> JSONValue {
        var details: JSONValue = ["name": .string(name), "kind": .string(type.plural)]
        if !type.group.isEmpty { details["group"] = .string(type.group) }
        return details
    }

    static func notFound(_ type: ResourceType, name: String) -> APIStatus {
        APIStatus(code: 404, reason: "NotFound", message: "\(type.groupResource) \"\(name)\" not found",
                  details: identity(type, name: name))
    }

    static func namespaceNotFound(_ namespace: String) -> APIStatus {
        APIStatus(code: 404, reason: "NotFound", message: "namespaces \"\(namespace)\" not found",
                  details: ["name": .string(namespace), "kind": "namespaces"])
    }

    static func alreadyExists(_ type: ResourceType, name: String) -> APIStatus {
        APIStatus(code: 409, reason: "AlreadyExists", message: "\(type.groupResource) \"\(name)\" already exists",
                  details: identity(type, name: name))
    }

    static func staleVersion(_ type: ResourceType, name: String) -> APIStatus {
        APIStatus(
            code: 409, reason: "Conflict",
            message: "Operation cannot be fulfilled on \(type.groupResource) \"\(name)\": the object has been modified; "
                + "please apply your changes to the latest version and try again",
            details: identity(type, name: name))
    }

    static func badRequest(_ message: String) -> APIStatus {
        APIStatus(code: 400, reason: "BadRequest", message: message)
    }

    /// 422 with one cause per invalid field, as `field.ErrorList` renders it.
    static func invalid(_ type: ResourceType, name: String, causes: [(field: String, message: String)]) -> APIStatus {
        let summary = causes.map { "\($0.field): \($0.message)" }
        let joined = summary.count == 1 ? summary[0] : "[" + summary.joined(separator: ", ") + "]"
        var info = Self.identity(type, name: name)
        info["kind"] = .string(type.kind)
        info["causes"] = .array(causes.map {
            ["reason": "FieldValueInvalid", "message": .string($0.message), "field": .string($0.field)]
        })
        return APIStatus(code: 422, reason: "Invalid", message: "\(type.groupKind) \"\(name)\" is invalid: \(joined)",
                         details: info)
    }

    static func forbiddenTerminating(_ type: ResourceType, name: String, namespace: String) -> APIStatus {
        APIStatus(
            code: 403, reason: "Forbidden",
            message: "\(type.groupResource) \"\(name)\" is forbidden: unable to create new content in namespace "
                + "\(namespace) because it is being terminated",
            details: identity(type, name: name))
    }

    static let pathNotFound = APIStatus(code: 404, reason: "NotFound", message: "the server could not find the requested resource")

    static func methodNotAllowed(_ method: String) -> APIStatus {
        APIStatus(code: 405, reason: "MethodNotAllowed", message: "the server does not allow this method on the requested resource")
    }

    static func gone(_ requested: Int64, oldest: Int64) -> APIStatus {
        APIStatus(code: 410, reason: "Expired", message: "too old resource version: \(requested) (\(oldest))")
    }

    static let unauthorized = APIStatus(code: 401, reason: "Unauthorized", message: "Unauthorized")

    static func tooLarge(_ limit: Int) -> APIStatus {
        APIStatus(code: 413, reason: "RequestEntityTooLarge", message: "Request entity too large: limit is \(limit)")
    }

    static func unsupportedMediaType(
        _ contentType: String, accepted: String = "application/json, application/yaml, application/vnd.kubernetes.protobuf"
    ) -> APIStatus {
        APIStatus(code: 415, reason: "UnsupportedMediaType",
                  message: "the body of the request was in an unknown format - accepted media types include: \(accepted)")
    }
}
