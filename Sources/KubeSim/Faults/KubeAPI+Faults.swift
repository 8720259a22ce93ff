import CapstanCore

extension KubeAPI {
    /// `GET /_sim/faults` shows the active faults, `POST` replaces them, `DELETE` clears them.
    func faultsEndpoint(_ request: APIRequest, _ segments: [String]) throws(APIStatus) -> APIResponse {
        guard segments.count == 2, segments[1] == "faults" else { throw APIStatus.pathNotFound }
        switch request.method {
        case "GET": break
        case "POST", "PUT": faults.current = try FaultSettings(json: decodeBody(request.body))
        case "DELETE": faults.current = FaultSettings()
        default: throw APIStatus.methodNotAllowed(request.method)
        }
        return .json(faults.current.json)
    }
}
