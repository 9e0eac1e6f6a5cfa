import CCurl

/// A `curl_slist` owned by one transfer (request headers, SMTP recipients).
///
/// libcurl reads the list during the transfer without copying it, so it is freed only once the
/// easy handle has been removed from the multi handle and reset.
struct StringList {
    private(set) var head: UnsafeMutablePointer<curl_slist>? = nil

    init(_ items: some Sequence<String>) {
        for item in items {
            // On allocation failure libcurl returns NULL and leaves the list as it was.
            if let next = curl_slist_append(head, item) {
                head = next
            }
        }
    }

    var isEmpty: Bool { head == nil }

    func free() {
        curl_slist_free_all(head)
    }
}
