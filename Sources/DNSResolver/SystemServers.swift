import CAres

/// The system's name servers, read from `/etc/resolv.conf` once when the resolver starts, then
/// given to each query's channel, so they are counted once and share each query's budget.
final class SystemServers {
    private var list: UnsafeMutablePointer<ares_addr_port_node>?
    /// How many servers the list holds; each gets an equal share of a query's timeout.
    let count: Int

    /// Reads the system's configuration through a throwaway channel; an unreadable one leaves
    /// the list empty, and queries that rely on it fail with c-ares' own error.
    init() {
        var template: ares_channel?
        var list: UnsafeMutablePointer<ares_addr_port_node>?
        if ares_init(&template) == ARES_SUCCESS, let template {
            _ = ares_get_servers_ports(template, &list)
            ares_destroy(template)
        }
        var count = 0
        var next = list
        while let node = next {
            count += 1
            next = node.pointee.next
        }
        self.list = list
        self.count = count
    }

    deinit {
        if let list { ares_free_data(list) }
    }

    /// Sets the servers of `channel`; the c-ares status (ARES_EFILE when the system's could not be read).
    func install(on channel: ares_channel) -> Int32 {
        guard let list else { return ARES_EFILE }
        return ares_set_servers_ports(channel, list)
    }
}
