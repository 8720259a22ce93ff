import CCurl

/// One libcurl easy handle, owned by one worker thread for its whole life.
///
/// Reusing the handle across requests (reset keeps live connections and TLS sessions) is what
/// gives keep-alive and HTTP/2 connection reuse. Not Sendable on purpose.
final class CurlEasy {
    let handle: UnsafeMutableRawPointer?
    let errorBuffer: UnsafeMutablePointer<CChar>

    init() {
        CurlGlobal.initialize()
        handle = curl_easy_init()
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        if let handle { curl_easy_cleanup(handle) }
        errorBuffer.deallocate()
    }

    /// Runs one request to completion on the calling thread; returns the status and HTTP version.
    func perform(_ request: HTTPRequest, transfer: CurlTransfer) throws(CurlError) -> (status: Int, httpVersion: Int) {
        guard let handle else {
            throw CurlError(
                function: "curl_easy_init", code: 0, message: "could not create a curl handle",
                detail: "", category: .other)
        }
        curl_easy_reset(handle)
        errorBuffer[0] = 0
        let headerList = try configure(handle, for: request, transfer: transfer)
        defer { curl_slist_free_all(headerList) }
        try check(curl_easy_perform(handle), "curl_easy_perform")
        return (try responseCode(handle), try httpVersion(handle))
    }

    func check(_ code: CURLcode, _ function: String) throws(CurlError) {
        try CurlCheck.check(code, function, errorBuffer: UnsafePointer(errorBuffer))
    }

    private func responseCode(_ handle: UnsafeMutableRawPointer) throws(CurlError) -> Int {
        var code = 0
        try check(capstan_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &code), "curl_easy_getinfo(RESPONSE_CODE)")
        return code
    }

    private func httpVersion(_ handle: UnsafeMutableRawPointer) throws(CurlError) -> Int {
        var version = 0
        try check(capstan_curl_get_long(handle, CURLINFO_HTTP_VERSION, &version), "curl_easy_getinfo(HTTP_VERSION)")
        return version == Int(CURL_HTTP_VERSION_2_0) ? 2 : 1
    }
}

/// libcurl's process-wide initialisation, done once before the first handle.
enum CurlGlobal {
    private static let initialized: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    static func initialize() { _ = initialized }
}
