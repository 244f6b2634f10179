import Foundation

/// Where the preview listens, and so which names a request may call it by.
///
/// A page on another site can point its own host name at 127.0.0.1 (DNS
/// rebinding) and then read the preview, diagnostics included, as if it were
/// same-origin. The browser still sends that host name in `Host`, so the
/// preview answers only requests that name it by one of its own addresses.
struct ServerAddress: Sendable {
    let host: String
    let port: Int

    /// Loopback only: 127.0.0.0/8, ::1 and localhost.
    var isLoopback: Bool {
        let h = Self.bare(host).lowercased()
        return h == "localhost" || h == "::1" || h.hasPrefix("127.")
    }

    /// Every address of any interface: 0.0.0.0 or ::.
    var isWildcard: Bool { ["0.0.0.0", "::", ""].contains(Self.bare(host)) }

    /// The `Host` values this server answers to, lowercased: `localhost`,
    /// `127.0.0.1`, `[::1]` and the listen address, with its port (or without,
    /// on port 80, as browsers send it). Listening on every interface, the
    /// machine's own IP addresses count too, so a phone on the LAN can preview.
    func allowedAuthorities(interfaceAddresses: [String] = ServerAddress.interfaceAddresses()) -> Set<String> {
        var names = ["localhost", "127.0.0.1", "::1", Self.bare(host)]
        if isWildcard { names += interfaceAddresses }
        var result = Set<String>()
        for name in names where !name.isEmpty && !isWildcardName(name) {
            let h = name.contains(":") ? "[\(name)]" : name
            result.insert("\(h):\(port)".lowercased())
            if port == 80 { result.insert(h.lowercased()) }
        }
        return result
    }

    private func isWildcardName(_ name: String) -> Bool { name == "0.0.0.0" || name == "::" }

    /// The origins (`http://` and an allowed authority) scripts of the preview's own pages have.
    func allowedOrigins(_ authorities: Set<String>) -> Set<String> {
        Set(authorities.map { "http://" + $0 })
    }

    /// Said when listening beyond loopback: anyone on the network can then open
    /// the preview, drafts and diagnostics included.
    var exposureWarning: String? {
        guard !isLoopback else { return nil }
        return "警告：预览服务器监听 \(host):\(port)，不只本机可以访问；同一网络中的任何人都能打开预览页面和内容诊断信息 (/__huiqi/diagnostics)。"
            + "只在本机预览请用 --host 127.0.0.1。\n"
            + "(warning: listening on \(host):\(port), beyond loopback: anyone on the network can open the preview, "
            + "drafts and content diagnostics included; use --host 127.0.0.1 to keep it on this machine)"
    }

    static func bare(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// The numeric addresses of this machine's interfaces (getifaddrs).
    static func interfaceAddresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var result: [String] = []
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let addr = entry.pointee.ifa_addr else { continue }
            let family = Int32(addr.pointee.sa_family)
            guard family == AF_INET || family == AF_INET6 else { continue }
            var name = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
            guard getnameinfo(addr, length, &name, socklen_t(name.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            // Link-local IPv6 addresses carry a zone (`fe80::1%eth0`), which no Host header has.
            let text = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !text.contains("%") { result.append(text) }
        }
        return result
    }
}
