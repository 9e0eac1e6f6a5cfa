import CCurl

/// A request on its way in: built by the calling task, handed to the I/O thread through the queue.
struct Submission: Sendable {
    let id: UInt64
    let request: CurlRequest
    let continuation: CheckedContinuation<CurlResponse, any Error>
}

/// One running transfer: the context libcurl's callbacks reach through CURLOPT_PRIVATE and the *DATA options.
///
/// Lives on the I/O thread only, from `curl_multi_add_handle` until the continuation is resumed;
/// the I/O thread's table of active transfers keeps it alive, so callbacks use unretained pointers.
final class Transfer {
    let id: UInt64
    let continuation: CheckedContinuation<CurlResponse, any Error>
    let handle: EasyHandle
    let maxBodyBytes: Int
    let keepBody: Bool
    private(set) var bodyBytesReceived = 0
    private(set) var body: [UInt8] = []
    private(set) var bodyTruncated = false
    private(set) var headers: [CurlHeader] = []
    /// Header lines count only after a status line, so mail protocols' reply lines are not taken for headers.
    private var sawStatusLine = false
    /// What a mail server said: libcurl hands every reply line of SMTP, IMAP and POP3 to the header callback.
    private(set) var serverReplies: [String] = []
    /// The most mail reply lines kept: the last ones explain a failure, and a server that talks
    /// without end must not grow memory.
    static let maxServerReplies = 16
    private let upload: [UInt8]
    private var uploadOffset = 0
    /// Lists libcurl reads during the transfer; freed in `releaseLists()`.
    var lists: [StringList] = []

    init(submission: Submission, handle: EasyHandle) {
        id = submission.id
        continuation = submission.continuation
        self.handle = handle
        maxBodyBytes = max(0, submission.request.maxBodyBytes)
        keepBody = submission.request.keepBody
        upload = submission.request.body ?? []
    }

    var opaque: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }

    static func from(_ pointer: UnsafeMutableRawPointer) -> Transfer {
        Unmanaged<Transfer>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Keeps body bytes up to the cap; a short count past it makes libcurl stop with CURLE_WRITE_ERROR,
    /// which `response(result:)` turns back into a completed, truncated response.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        bodyBytesReceived += bytes.count
        guard keepBody else { return bytes.count }
        let room = maxBodyBytes - body.count
        if bytes.count <= room {
            body.append(contentsOf: bytes)
            return bytes.count
        }
        body.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[..<room]))
        bodyTruncated = true
        return room
    }

    /// Collects the headers of the last response: each status line (a redirect, a `100 Continue`) starts afresh.
    func receiveHeader(_ line: UnsafeRawBufferPointer) -> Int {
        if line.starts(with: "HTTP/".utf8) {
            headers.removeAll(keepingCapacity: true)
            sawStatusLine = true
        } else if sawStatusLine {
            if let header = Self.parseHeader(line) { headers.append(header) }
        } else {
            keepServerReply(line)
        }
        return line.count
    }

    /// Keeps a mail reply line without its line end, dropping the oldest past ``maxServerReplies``.
    private func keepServerReply(_ line: UnsafeRawBufferPointer) {
        var end = line.count
        while end > 0, line[end - 1] == UInt8(ascii: "\r") || line[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        guard end > 0 else { return }
        if serverReplies.count == Self.maxServerReplies { serverReplies.removeFirst() }
        serverReplies.append(String(decoding: UnsafeRawBufferPointer(rebasing: line[..<min(end, 512)]), as: UTF8.self))
    }

    /// Feeds the upload (an SMTP message) to libcurl in the pieces it asks for.
    func sendUpload(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, upload.count - uploadOffset)
        guard count > 0 else { return 0 }
        upload.withUnsafeBytes { source in
            let slice = UnsafeRawBufferPointer(rebasing: source[uploadOffset..<(uploadOffset + count)])
            buffer.copyMemory(from: slice)
        }
        uploadOffset += count
        return count
    }

    var uploadSize: Int { upload.count }

    func releaseLists() {
        for list in lists {
            list.free()
        }
        lists.removeAll()
    }

    /// Splits `Name: value\r\n`, trimming the value; lines without a colon (the blank end line) yield nil.
    private static func parseHeader(_ line: UnsafeRawBufferPointer) -> CurlHeader? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return nil }
        var start = colon + 1
        var end = line.count
        while start < end, isWhitespace(line[start]) { start += 1 }
        while end > start, isWhitespace(line[end - 1]) { end -= 1 }
        let name = String(decoding: UnsafeRawBufferPointer(rebasing: line[..<colon]), as: UTF8.self)
        let value = String(decoding: UnsafeRawBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
        return CurlHeader(name: name, value: value)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }
}

extension Transfer {
    /// Reads everything libcurl knows about the finished transfer into a `CurlResponse`.
    func response(result: CURLcode) -> CurlResponse {
        let truncatedByUs = result == CURLE_WRITE_ERROR && bodyTruncated
        return CurlResponse(
            statusCode: handle.long(CURLINFO_RESPONSE_CODE),
            headers: headers,
            body: body,
            bodyTruncated: bodyTruncated,
            bodyBytesReceived: bodyBytesReceived,
            error: result == CURLE_OK || truncatedByUs ? nil : transferError(result),
            timings: CurlTimings(
                nameLookup: handle.seconds(CURLINFO_NAMELOOKUP_TIME_T),
                connect: handle.seconds(CURLINFO_CONNECT_TIME_T),
                appConnect: handle.seconds(CURLINFO_APPCONNECT_TIME_T),
                startTransfer: handle.seconds(CURLINFO_STARTTRANSFER_TIME_T),
                total: handle.seconds(CURLINFO_TOTAL_TIME_T),
                redirect: handle.seconds(CURLINFO_REDIRECT_TIME_T)
            ),
            effectiveURL: handle.string(CURLINFO_EFFECTIVE_URL),
            redirectCount: handle.long(CURLINFO_REDIRECT_COUNT),
            primaryIP: handle.string(CURLINFO_PRIMARY_IP).flatMap { $0.isEmpty ? nil : $0 },
            certificates: handle.certificates(),
            serverReplies: serverReplies
        )
    }

    /// A response for a transfer that never reached libcurl's multi handle (no handle, an option refused).
    static func failure(_ result: CURLcode, detail: String = "") -> CurlResponse {
        CurlResponse(error: makeError(result, osErrno: 0, detail: detail))
    }

    private func transferError(_ result: CURLcode) -> CurlTransferError {
        Self.makeError(result, osErrno: Int32(truncatingIfNeeded: handle.long(CURLINFO_OS_ERRNO)), detail: handle.errorDetail)
    }

    private static func makeError(_ result: CURLcode, osErrno: Int32, detail: String) -> CurlTransferError {
        let code = Int32(bitPattern: result.rawValue)
        let summary = String(cString: curl_easy_strerror(result))
        let message = detail.isEmpty || detail == summary ? summary : "\(summary): \(detail)"
        return CurlTransferError(code: code, kind: .init(code: code, osErrno: osErrno), message: message)
    }
}
