import CCurl

extension CurlEasy {
    /// Sets every option one request needs; returns the header list curl reads during perform.
    func configure(
        _ handle: UnsafeMutableRawPointer, for request: HTTPRequest, transfer: CurlTransfer
    ) throws(CurlError) -> UnsafeMutablePointer<curl_slist>? {
        try check(capstan_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "curl_easy_setopt(ERRORBUFFER)")
        try setString(handle, CURLOPT_URL, request.url, "URL")
        try setLong(handle, CURLOPT_NOSIGNAL, 1, "NOSIGNAL")
        try setLong(handle, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS), "HTTP_VERSION")
        try setLong(handle, CURLOPT_TCP_KEEPALIVE, 1, "TCP_KEEPALIVE")
        try setString(handle, CURLOPT_ACCEPT_ENCODING, "", "ACCEPT_ENCODING")
        try setTimeouts(handle, request.timeouts)
        try setMethod(handle, request)
        try setTLS(handle, request.tls)
        try setCallbacks(handle, transfer)
        return try setHeaders(handle, request.headers)
    }

    private func setTimeouts(_ handle: UnsafeMutableRawPointer, _ timeouts: HTTPTimeouts) throws(CurlError) {
        try setLong(handle, CURLOPT_CONNECTTIMEOUT_MS, timeouts.connect.milliseconds, "CONNECTTIMEOUT_MS")
        try setLong(handle, CURLOPT_TIMEOUT_MS, timeouts.total.milliseconds, "TIMEOUT_MS")
    }

    private func setMethod(_ handle: UnsafeMutableRawPointer, _ request: HTTPRequest) throws(CurlError) {
        if let body = request.body {
            try check(
                capstan_curl_set_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)),
                "curl_easy_setopt(POSTFIELDSIZE_LARGE)")
            // COPYPOSTFIELDS copies, so the Swift array only has to live for this call.
            let code = body.withUnsafeBytes { bytes in
                let pointer = UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(errorBuffer))
                return capstan_curl_set_pointer(handle, CURLOPT_COPYPOSTFIELDS, pointer)
            }
            try check(code, "curl_easy_setopt(COPYPOSTFIELDS)")
        }
        switch request.method {
        case "GET" where request.body == nil: try setLong(handle, CURLOPT_HTTPGET, 1, "HTTPGET")
        case "HEAD": try setLong(handle, CURLOPT_NOBODY, 1, "NOBODY")
        case "POST" where request.body != nil: break
        default: try setString(handle, CURLOPT_CUSTOMREQUEST, request.method, "CUSTOMREQUEST")
        }
    }

    private func setTLS(_ handle: UnsafeMutableRawPointer, _ tls: TLSOptions) throws(CurlError) {
        if tls.insecureSkipVerify {
            try setLong(handle, CURLOPT_SSL_VERIFYPEER, 0, "SSL_VERIFYPEER")
            try setLong(handle, CURLOPT_SSL_VERIFYHOST, 0, "SSL_VERIFYHOST")
        }
        try setSource(handle, tls.certificateAuthority, file: CURLOPT_CAINFO, blob: CURLOPT_CAINFO_BLOB, "CAINFO")
        try setSource(handle, tls.clientCertificate, file: CURLOPT_SSLCERT, blob: CURLOPT_SSLCERT_BLOB, "SSLCERT")
        try setSource(handle, tls.clientKey, file: CURLOPT_SSLKEY, blob: CURLOPT_SSLKEY_BLOB, "SSLKEY")
        if tls.clientCertificate != nil {
            try setString(handle, CURLOPT_SSLCERTTYPE, "PEM", "SSLCERTTYPE")
            try setString(handle, CURLOPT_SSLKEYTYPE, "PEM", "SSLKEYTYPE")
        }
    }

    private func setSource(
        _ handle: UnsafeMutableRawPointer, _ source: TLSOptions.Source?, file: CURLoption, blob: CURLoption,
        _ name: String
    ) throws(CurlError) {
        switch source {
        case nil: return
        case .file(let path): try setString(handle, file, path, name)
        case .pem(let bytes):
            var copy = bytes
            let code = copy.withUnsafeMutableBytes { buffer in
                capstan_curl_set_blob(handle, blob, buffer.baseAddress, buffer.count)
            }
            try check(code, "curl_easy_setopt(\(name)_BLOB)")
        }
    }

    private func setCallbacks(_ handle: UnsafeMutableRawPointer, _ transfer: CurlTransfer) throws(CurlError) {
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        try check(
            capstan_curl_set_data_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
                let length = size * count
                return transfer.receiveData(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
            }, "curl_easy_setopt(WRITEFUNCTION)")
        try check(
            capstan_curl_set_data_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
                transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
                return size * count
            }, "curl_easy_setopt(HEADERFUNCTION)")
        try check(
            capstan_curl_set_progress_callback(handle) { context, _, _, _, _ in
                Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().cancelled ? 1 : 0
            }, "curl_easy_setopt(XFERINFOFUNCTION)")
        try check(capstan_curl_set_pointer(handle, CURLOPT_WRITEDATA, context), "curl_easy_setopt(WRITEDATA)")
        try check(capstan_curl_set_pointer(handle, CURLOPT_HEADERDATA, context), "curl_easy_setopt(HEADERDATA)")
        try check(capstan_curl_set_pointer(handle, CURLOPT_XFERINFODATA, context), "curl_easy_setopt(XFERINFODATA)")
        try setLong(handle, CURLOPT_NOPROGRESS, 0, "NOPROGRESS")
    }

    private func setHeaders(
        _ handle: UnsafeMutableRawPointer, _ headers: [HTTPHeader]
    ) throws(CurlError) -> UnsafeMutablePointer<curl_slist>? {
        // "Expect:" with no value stops curl from waiting for 100-continue on larger bodies.
        var list = curl_slist_append(nil, "Expect:")
        for header in headers { list = curl_slist_append(list, "\(header.name): \(header.value)") }
        do {
            try check(capstan_curl_set_list(handle, CURLOPT_HTTPHEADER, list), "curl_easy_setopt(HTTPHEADER)")
        } catch {
            curl_slist_free_all(list)
            throw error
        }
        return list
    }

    private func setLong(_ handle: UnsafeMutableRawPointer, _ option: CURLoption, _ value: Int, _ name: String) throws(CurlError) {
        try check(capstan_curl_set_long(handle, option, value), "curl_easy_setopt(\(name))")
    }

    private func setString(_ handle: UnsafeMutableRawPointer, _ option: CURLoption, _ value: String, _ name: String) throws(CurlError) {
        try check(capstan_curl_set_string(handle, option, value), "curl_easy_setopt(\(name))")
    }
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
