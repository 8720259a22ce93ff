import CCurl

/// The one place a CURLcode becomes a `CurlError`, read on the calling thread right after the call.
enum CurlCheck {
    static func check(_ code: CURLcode, _ function: String, errorBuffer: UnsafePointer<CChar>? = nil) throws(CurlError) {
        guard code != CURLE_OK else { return }
        let message = String(cString: curl_easy_strerror(code))
        let detail = errorBuffer.map { String(cString: $0) } ?? ""
        throw CurlError(
            function: function, code: Int(code.rawValue), message: message, detail: detail,
            category: category(of: code))
    }

    static func category(of code: CURLcode) -> CurlError.Category {
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_GOT_NOTHING, CURLE_SEND_ERROR,
            CURLE_RECV_ERROR, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return .connection
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR:
            return .tls
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        default:
            return .other
        }
    }
}
