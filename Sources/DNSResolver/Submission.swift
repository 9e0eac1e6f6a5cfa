/// A query waiting for the I/O thread, with the caller's continuation.
struct Submission {
    let id: UInt64
    let query: DNSQuery
    let continuation: CheckedContinuation<DNSResponse, any Error>
}
