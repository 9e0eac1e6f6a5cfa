import CurlEngine
import Testing

@Suite("HTTP responses")
struct HTTPResponseTests {
    @Test("200 with its body, headers and ordered phase timings")
    func okPage() async throws {
        let engine = try makeEngine()
        let response = try await engine.perform(CurlRequest(url: try nginx("/ok"), timeout: .seconds(5)))
        #expect(response.error == nil)
        #expect(response.statusCode == 200)
        #expect(response.text == "Welcome to Acme")
        #expect(response.bodyTruncated == false)
        #expect(response.header("content-type") == "text/plain")
        #expect(response.headers.contains { $0.name == "Content-Type" })
        #expect(response.primaryIP == "127.0.0.1")
        #expect(response.effectiveURL == (try nginx("/ok")))
        let timings = response.timings
        #expect(timings.nameLookup <= timings.connect)
        #expect(timings.connect <= timings.startTransfer)
        #expect(timings.startTransfer <= timings.total)
        #expect(timings.total > 0)
        #expect(timings.appConnect == 0)
    }

    @Test("server errors come back as statuses, not transfer errors", arguments: [500, 502, 503])
    func serverErrors(status: Int) async throws {
        let engine = try makeEngine()
        let response = try await engine.perform(CurlRequest(url: try nginx("/\(status)"), timeout: .seconds(5)))
        #expect(response.error == nil)
        #expect(response.statusCode == status)
        #expect(response.text == "error")
    }

    @Test("a real 502 from a proxy whose backend refuses")
    func real502() async throws {
        let engine = try makeEngine()
        let response = try await engine.perform(CurlRequest(url: try nginx("/real502"), timeout: .seconds(5)))
        #expect(response.error == nil)
        #expect(response.statusCode == 502)
    }

    @Test("a redirect is followed, counted, and only the last response's headers are kept")
    func redirectFollowed() async throws {
        let engine = try makeEngine()
        let response = try await engine.perform(CurlRequest(url: try nginx("/redirect"), timeout: .seconds(5)))
        #expect(response.error == nil)
        #expect(response.statusCode == 200)
        #expect(response.redirectCount == 1)
        #expect(response.text == "Welcome to Acme")
        #expect(response.effectiveURL == (try nginx("/ok")))
        #expect(response.header("Location") == nil)
    }

    @Test("a redirect is reported, not followed, when following is off")
    func redirectNotFollowed() async throws {
        let engine = try makeEngine()
        var request = CurlRequest(url: try nginx("/redirect"), timeout: .seconds(5))
        request.followRedirects = false
        let response = try await engine.perform(request)
        #expect(response.error == nil)
        #expect(response.statusCode == 302)
        #expect(response.redirectCount == 0)
        #expect(response.header("location") == "/ok")
    }

    @Test("a redirect loop ends with tooManyRedirects")
    func redirectLoop() async throws {
        let engine = try makeEngine()
        let response = try await engine.perform(CurlRequest(url: try nginx("/loop"), timeout: .seconds(5)))
        #expect(response.error?.kind == .tooManyRedirects)
        #expect(response.error?.code == 47)
        #expect(response.redirectCount == 5)
    }

    @Test("an error page and an empty page are complete transfers")
    func contentPages() async throws {
        let engine = try makeEngine()
        let errorPage = try await engine.perform(CurlRequest(url: try nginx("/error-page"), timeout: .seconds(5)))
        #expect(errorPage.statusCode == 200)
        #expect(errorPage.text == "Fatal error: database connection failed")
        let empty = try await engine.perform(CurlRequest(url: try nginx("/empty"), timeout: .seconds(5)))
        #expect(empty.error == nil)
        #expect(empty.statusCode == 200)
        #expect(empty.body.isEmpty)
    }

    @Test("HEAD gets headers only; POST sends its body")
    func methods() async throws {
        let engine = try makeEngine()
        var head = CurlRequest(url: try nginx("/big"), timeout: .seconds(5))
        head.method = "HEAD"
        let headResponse = try await engine.perform(head)
        #expect(headResponse.error == nil)
        #expect(headResponse.statusCode == 200)
        #expect(headResponse.body.isEmpty)
        #expect(headResponse.header("Content-Length") == "\(5 * 1024 * 1024)")

        var post = CurlRequest(url: try nginx("/ok"), timeout: .seconds(5))
        post.method = "POST"
        post.body = Array("probe=1".utf8)
        post.headers = [CurlHeader(name: "X-Probe", value: "triage")]
        let postResponse = try await engine.perform(post)
        #expect(postResponse.error == nil)
        #expect(postResponse.statusCode == 200)
    }

    @Test("a 5 MB file below the cap arrives whole")
    func bigFile() async throws {
        let engine = try makeEngine()
        var request = CurlRequest(url: try nginx("/big"), timeout: .seconds(10))
        request.maxBodyBytes = 8 << 20
        let response = try await engine.perform(request)
        #expect(response.error == nil)
        #expect(response.body.count == 5 << 20)
        #expect(response.bodyTruncated == false)
    }

    @Test("a body read without keeping it is counted whole, past the cap, and nothing is buffered")
    func discardedBody() async throws {
        let engine = try makeEngine()
        var request = CurlRequest(url: try nginx("/big"), timeout: .seconds(10))
        request.maxBodyBytes = 1024
        request.keepBody = false
        let response = try await engine.perform(request)
        #expect(response.error == nil)
        #expect(response.body.isEmpty)
        #expect(response.bodyBytesReceived == 5 << 20)
        #expect(response.bodyTruncated == false)
    }

    @Test("keep-alive requests work when a fresh connection is not asked for")
    func reusedConnection() async throws {
        let engine = try makeEngine()
        var request = CurlRequest(url: try nginx("/ok"), timeout: .seconds(5))
        request.freshConnection = false
        for _ in 0..<3 {
            let response = try await engine.perform(request)
            #expect(response.statusCode == 200)
        }
    }
}
