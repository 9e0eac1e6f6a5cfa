import CurlEngine
import Foundation
import Testing

@Suite("CURLcode classification")
struct ErrorKindTests {
    @Test(
        "each code maps to its documented kind",
        arguments: [
            (1, CurlTransferError.Kind.invalidRequest), (3, .invalidRequest), (6, .couldNotResolve),
            (7, .couldNotConnect), (8, .weirdReply), (9, .remoteAccessDenied), (18, .partialBody),
            (28, .timeout), (47, .tooManyRedirects), (52, .emptyReply), (55, .sendError), (56, .recvError),
            (67, .loginDenied), (35, .tls), (60, .tls), (91, .tls), (23, .other), (42, .other),
        ] as [(Int32, CurlTransferError.Kind)]
    )
    func codes(code: Int32, kind: CurlTransferError.Kind) {
        #expect(CurlTransferError.Kind(code: code, osErrno: 0) == kind)
    }

    @Test("the socket error separates a refused port and a reset connection")
    func socketErrors() {
        #expect(CurlTransferError.Kind(code: 7, osErrno: ECONNREFUSED) == .connectionRefused)
        #expect(CurlTransferError.Kind(code: 7, osErrno: EHOSTUNREACH) == .unreachable)
        #expect(CurlTransferError.Kind(code: 7, osErrno: ENETUNREACH) == .unreachable)
        #expect(CurlTransferError.Kind(code: 7, osErrno: ETIMEDOUT) == .couldNotConnect)
        #expect(CurlTransferError.Kind(code: 56, osErrno: ECONNRESET) == .connectionReset)
        #expect(CurlTransferError.Kind(code: 55, osErrno: EPIPE) == .connectionReset)
    }

    @Test("header lookup ignores case and takes the last value")
    func headerLookup() {
        let response = CurlResponse(headers: [
            CurlHeader(name: "Set-Cookie", value: "a=1"), CurlHeader(name: "set-cookie", value: "b=2"),
        ])
        #expect(response.header("SET-COOKIE") == "b=2")
        #expect(response.header("Missing") == nil)
    }
}
