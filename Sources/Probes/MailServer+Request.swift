import CurlEngine
import Foundation
import TriageCore

extension MailServer {
    /// A request to this server, logged in when it has a login, with its TLS settings (probes and
    /// the e-mail notification channel build theirs here); `path` is
    /// the IMAP mailbox a command needs selected first (libcurl selects it), empty otherwise.
    public func request(path: String = "", timeout: Duration) -> CurlRequest {
        let host = host.contains(":") ? "[\(host)]" : host
        let port = url.port.map { ":\($0)" } ?? ""
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        var request = CurlRequest(url: "\(url.scheme?.lowercased() ?? "")://\(host)\(port)/\(encoded)", timeout: timeout)
        request.followRedirects = false
        request.username = login?.username
        request.password = login?.password.value
        request.requireTLS = startTLS
        request.verifyTLS = verifyTLS
        request.caFile = caFile
        return request
    }
}

extension CurlResponse {
    /// The SMTP reply code of the last reply, for `ProbeResult.statusCode`; nil for protocols without codes.
    var replyCode: Int? { statusCode > 0 ? statusCode : nil }
}
