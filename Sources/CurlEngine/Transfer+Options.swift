import CCurl

/// The protocols a probe may speak; anything else (file://, dict://, ...) is refused by libcurl.
private let allowedProtocols = "http,https,smtp,smtps,imap,imaps,pop3,pop3s"
/// A redirect may only lead to another web page, never from a site to a local file or a mail server.
private let allowedRedirectProtocols = "http,https"

extension Transfer {
    /// Sets every option of `request` on the handle; returns the first code libcurl refused, or CURLE_OK.
    func configure(_ request: CurlRequest) -> CURLcode {
        var options = OptionWriter(handle: handle.raw)
        options.set(CURLOPT_URL, request.url)
        options.set(CURLOPT_PRIVATE, pointer: opaque)
        options.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(handle.errorBuffer))
        options.set(CURLOPT_NOSIGNAL, 1)
        // When a transfer ends during a name lookup (timeout, cancellation), libcurl 7.88 otherwise joins the
        // resolver thread, stalling every transfer on this I/O thread for as long as the lookup hangs;
        // with it, the resolver thread is detached and frees itself when getaddrinfo returns.
        options.set(CURLOPT_QUICK_EXIT, 1)
        // A probe measures the direct path a visitor takes: proxies named in the environment
        // (http_proxy, https_proxy, all_proxy) must not silently reroute it.
        options.set(CURLOPT_PROXY, "")
        options.set(CURLOPT_PROTOCOLS_STR, allowedProtocols)
        options.set(CURLOPT_REDIR_PROTOCOLS_STR, allowedRedirectProtocols)
        options.set(CURLOPT_TIMEOUT_MS, request.timeout.curlMilliseconds)
        options.set(CURLOPT_CONNECTTIMEOUT_MS, (request.connectTimeout ?? request.timeout).curlMilliseconds)
        options.set(CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1 : 0)
        options.set(CURLOPT_MAXREDIRS, max(0, request.maxRedirects))
        if request.freshConnection {
            options.set(CURLOPT_FRESH_CONNECT, 1)
            options.set(CURLOPT_FORBID_REUSE, 1)
        }
        if !request.verifyTLS {
            options.set(CURLOPT_SSL_VERIFYPEER, 0)
            options.set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        if request.requireTLS { options.set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)) }
        if let caFile = request.caFile { options.set(CURLOPT_CAINFO, caFile) }
        if request.connectOnly { options.set(CURLOPT_CONNECT_ONLY, 1) }
        if request.certificateInfo { options.set(CURLOPT_CERTINFO, 1) }
        setCallbacks(&options)
        setMethodAndBody(request, &options)
        setLists(request, &options)
        if let username = request.username { options.set(CURLOPT_USERNAME, username) }
        if let password = request.password { options.set(CURLOPT_PASSWORD, password) }
        if let mailFrom = request.mailFrom { options.set(CURLOPT_MAIL_FROM, mailFrom) }
        if let command = request.customRequest { options.set(CURLOPT_CUSTOMREQUEST, command) }
        return options.firstFailure
    }

    /// The callbacks are closures that capture nothing; they find their transfer through the data pointer.
    private func setCallbacks(_ options: inout OptionWriter) {
        options.set(CURLOPT_WRITEDATA, pointer: opaque)
        options.set(CURLOPT_HEADERDATA, pointer: opaque)
        options.record(
            triage_easy_setopt_write_function(handle.raw, CURLOPT_WRITEFUNCTION) { data, size, count, context in
                guard let context else { return 0 }
                let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
                return Transfer.from(context).receiveBody(bytes)
            })
        options.record(
            triage_easy_setopt_write_function(handle.raw, CURLOPT_HEADERFUNCTION) { data, size, count, context in
                guard let context else { return 0 }
                let line = UnsafeRawBufferPointer(start: data, count: size * count)
                return Transfer.from(context).receiveHeader(line)
            })
    }

    /// HTTP bodies are POST fields (copied by libcurl); for the other protocols a body is an upload,
    /// which is how libcurl sends an SMTP message or appends to an IMAP mailbox.
    private func setMethodAndBody(_ request: CurlRequest, _ options: inout OptionWriter) {
        let scheme = request.url.prefix { $0 != ":" }.lowercased()
        if scheme == "http" || scheme == "https" {
            setHTTPMethod(request, &options)
        } else if request.body != nil {
            setUpload(&options)
        }
    }

    private func setHTTPMethod(_ request: CurlRequest, _ options: inout OptionWriter) {
        let method = request.method.uppercased()
        if method == "HEAD" {
            options.set(CURLOPT_NOBODY, 1)
            return
        }
        let sendsFields = request.body != nil || method == "POST"
        if let body = request.body, !body.isEmpty {
            options.set(CURLOPT_POSTFIELDSIZE_LARGE, size: body.count)
            options.record(body.withUnsafeBytes { bytes in
                triage_easy_setopt_pointer(handle.raw, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            })
        } else if sendsFields {
            // An explicit empty body; without POST fields libcurl would read the body from stdin.
            options.set(CURLOPT_POSTFIELDSIZE_LARGE, size: 0)
            options.set(CURLOPT_COPYPOSTFIELDS, "")
        }
        if method != (sendsFields ? "POST" : "GET") {
            options.set(CURLOPT_CUSTOMREQUEST, request.method)
        }
    }

    private func setUpload(_ options: inout OptionWriter) {
        options.set(CURLOPT_UPLOAD, 1)
        options.set(CURLOPT_INFILESIZE_LARGE, size: uploadSize)
        options.set(CURLOPT_READDATA, pointer: opaque)
        options.record(
            triage_easy_setopt_read_function(handle.raw, CURLOPT_READFUNCTION) { buffer, size, count, context in
                guard let buffer, let context else { return 0 }
                let target = UnsafeMutableRawBufferPointer(start: buffer, count: size * count)
                return Transfer.from(context).sendUpload(into: target)
            })
    }

    private func setLists(_ request: CurlRequest, _ options: inout OptionWriter) {
        if !request.headers.isEmpty {
            let list = StringList(request.headers.map { "\($0.name): \($0.value)" })
            lists.append(list)
            options.set(CURLOPT_HTTPHEADER, pointer: UnsafeMutableRawPointer(list.head))
        }
        if !request.mailRecipients.isEmpty {
            let list = StringList(request.mailRecipients)
            lists.append(list)
            options.set(CURLOPT_MAIL_RCPT, pointer: UnsafeMutableRawPointer(list.head))
        }
    }
}

/// Sets options one after another and remembers the first one libcurl refused,
/// so configuration reads as a list instead of a chain of checks.
struct OptionWriter {
    let handle: UnsafeMutableRawPointer
    private(set) var firstFailure = CURLE_OK

    init(handle: UnsafeMutableRawPointer) {
        self.handle = handle
    }

    mutating func record(_ code: CURLcode) {
        if firstFailure == CURLE_OK, code != CURLE_OK {
            firstFailure = code
        }
    }

    mutating func set(_ option: CURLoption, _ value: Int) {
        record(triage_easy_setopt_long(handle, option, value))
    }

    mutating func set(_ option: CURLoption, _ value: String) {
        record(value.withCString { triage_easy_setopt_string(handle, option, $0) })
    }

    mutating func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) {
        record(triage_easy_setopt_pointer(handle, option, pointer))
    }

    mutating func set(_ option: CURLoption, size: Int) {
        record(triage_easy_setopt_off_t(handle, option, curl_off_t(size)))
    }
}

extension Duration {
    /// Milliseconds for libcurl, at least 1, because 0 means "no limit" to libcurl.
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
