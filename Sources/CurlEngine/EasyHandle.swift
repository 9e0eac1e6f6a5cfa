import CCurl

/// One libcurl easy handle and the error buffer libcurl writes its detail into.
///
/// Handles are pooled and reused (`curl_easy_reset`) because a probe engine starts thousands of
/// transfers a second and an easy handle is not free to create. Used on the I/O thread only.
final class EasyHandle {
    let raw: UnsafeMutableRawPointer
    let errorBuffer: UnsafeMutablePointer<CChar>

    init?() {
        guard let raw = curl_easy_init() else { return nil }
        self.raw = raw
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    /// The detail libcurl left in CURLOPT_ERRORBUFFER for the last transfer, if any.
    var errorDetail: String {
        String(cString: errorBuffer)
    }

    func long(_ info: CURLINFO) -> Int {
        var value = 0
        return triage_easy_getinfo_long(raw, info, &value) == CURLE_OK ? value : 0
    }

    func string(_ info: CURLINFO) -> String? {
        var value: UnsafeMutablePointer<CChar>? = nil
        guard triage_easy_getinfo_string(raw, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    /// A `*_TIME_T` info, which libcurl gives in microseconds, in seconds.
    func seconds(_ info: CURLINFO) -> Double {
        var value: curl_off_t = 0
        guard triage_easy_getinfo_off_t(raw, info, &value) == CURLE_OK else { return 0 }
        return Double(value) / 1_000_000
    }

    /// The certificate chain of CURLINFO_CERTINFO, leaf first, each certificate as its `Name:value` lines.
    func certificates() -> [[String]] {
        var value: UnsafeMutableRawPointer? = nil
        guard triage_easy_getinfo_pointer(raw, CURLINFO_CERTINFO, &value) == CURLE_OK, let value else { return [] }
        let info = value.assumingMemoryBound(to: curl_certinfo.self).pointee
        guard info.num_of_certs > 0, let chain = info.certinfo else { return [] }
        return (0..<Int(info.num_of_certs)).map { index in
            var lines: [String] = []
            var node = chain[index]
            while let current = node {
                if let data = current.pointee.data { lines.append(String(cString: data)) }
                node = current.pointee.next
            }
            return lines
        }
    }

    /// The CURLOPT_PRIVATE pointer of a handle libcurl reports as finished: the transfer it was running.
    static func privatePointer(of raw: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
        var value: UnsafeMutableRawPointer? = nil
        return triage_easy_getinfo_pointer(raw, CURLINFO_PRIVATE, &value) == CURLE_OK ? value : nil
    }
}

/// Idle easy handles kept for the next transfers, so steady probing allocates no handle per probe.
struct EasyHandlePool {
    /// Enough for a burst of concurrent probes; past it, handles are freed rather than hoarded.
    private let capacity: Int
    private var idle: [EasyHandle] = []

    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    mutating func take() -> EasyHandle? {
        idle.popLast() ?? EasyHandle()
    }

    /// Takes `handle` back, wiped of every option so no pointer to a finished transfer survives in it.
    mutating func give(_ handle: EasyHandle) {
        curl_easy_reset(handle.raw)
        handle.errorBuffer[0] = 0
        if idle.count < capacity {
            idle.append(handle)
        }
    }

    mutating func removeAll() {
        idle.removeAll()
    }
}
