import CurlEngine
import Testing
import TriageTesting

@Suite("Transfer failures")
struct TransferFailureTests {
    @Test("a closed port is refused at once, not at the timeout")
    func refused() async throws {
        let engine = try makeEngine()
        let port = try TestServers.require(TestServers.closedPort, "TRIAGE_TEST_CLOSED_PORT")
        let request = CurlRequest(url: "http://127.0.0.1:\(port)/", timeout: .seconds(30))
        let (response, elapsed) = try await timed { try await engine.perform(request) }
        #expect(response.error?.kind == .connectionRefused)
        #expect(response.error?.code == 7)
        #expect(response.statusCode == 0)
        #expect(elapsed < .seconds(15), "refused at once, not at the 30 s timeout")
    }

    @Test("a server that never answers times out at the timeout")
    func hang() async throws {
        let engine = try makeEngine()
        let request = CurlRequest(url: try nginx("/hang"), timeout: .seconds(1))
        let (response, elapsed) = try await timed { try await engine.perform(request) }
        #expect(response.error?.kind == .timeout)
        #expect(response.error?.code == 28)
        #expect(elapsed >= .milliseconds(950))
        // Not the 30 s default (nor the hour the server hangs): the bound leaves room for a loaded
        // machine running the whole suite.
        #expect(elapsed < .seconds(10))
    }

    @Test("a body trickling in a byte at a time times out; the status already received is kept")
    func trickle() async throws {
        let engine = try makeEngine()
        let request = CurlRequest(url: try nginx("/trickle"), timeout: .seconds(2))
        let (response, elapsed) = try await timed { try await engine.perform(request) }
        #expect(response.error?.kind == .timeout)
        #expect(response.statusCode == 200)
        #expect(!response.body.isEmpty)
        #expect(elapsed < .seconds(10), "at the 2 s timeout, not when the trickle ends (an hour later)")
    }

    @Test("a connection closed without a reply is an empty reply")
    func emptyReply() async throws {
        let engine = try makeEngine()
        let response = try await engine.perform(CurlRequest(url: try nginx("/reset"), timeout: .seconds(5)))
        #expect(response.error?.kind == .emptyReply)
        #expect(response.error?.code == 52)
    }

    @Test("a TCP reset is a reset or receive error")
    func tcpReset() async throws {
        let engine = try makeEngine()
        let response = try await engine.perform(CurlRequest(url: try upstream("/reset"), timeout: .seconds(5)))
        let kind = try #require(response.error?.kind)
        #expect(kind == .connectionReset || kind == .recvError)
        #expect(response.error?.message.isEmpty == false)
    }

    @Test("an endless body stops at the cap: truncated, not failed", arguments: ["/huge", "/big"])
    func cappedBody(path: String) async throws {
        let engine = try makeEngine()
        var request = CurlRequest(url: try nginx(path), timeout: .seconds(10))
        request.maxBodyBytes = 64 * 1024
        let (response, elapsed) = try await timed { try await engine.perform(request) }
        #expect(response.error == nil)
        #expect(response.bodyTruncated)
        #expect(response.statusCode == 200)
        #expect(response.body.count == 65536)
        #expect(elapsed < .seconds(8), "stopped at the cap, not at the 10 s timeout")
    }

    @Test("protocols outside the allowed list are refused")
    func disallowedProtocol() async throws {
        let engine = try makeEngine()
        let response = try await engine.perform(CurlRequest(url: "file:///etc/hostname", timeout: .seconds(5)))
        #expect(response.error?.kind == .invalidRequest)
        #expect(response.body.isEmpty)
    }

    @Test("a mail protocol goes through the same API: smtp to a closed port is refused")
    func smtpRefused() async throws {
        let engine = try makeEngine()
        let port = try TestServers.require(TestServers.closedPort, "TRIAGE_TEST_CLOSED_PORT")
        var request = CurlRequest(url: "smtp://127.0.0.1:\(port)", timeout: .seconds(5))
        request.mailFrom = "<probe@example.test>"
        request.mailRecipients = ["<user@example.test>"]
        request.body = Array("Subject: probe\r\n\r\nhello\r\n".utf8)
        let response = try await engine.perform(request)
        #expect(response.error?.kind == .connectionRefused)
    }
}
