import Foundation
import Testing
import TriageCore
@testable import TriageConfig

/// The `cache:` check kind: the edge written as for http, the origin required, the comparison,
/// the staleness and the canary, and every error message of its keys.
@Suite struct CacheKindTests {
    @Test func passiveAndCanaryChecksDecodeWithTheirDefaults() throws {
        let checks = try decodeChecks("""
            customer: acme
            sites:
              - name: www
                url: https://www.acme.example/
                checks:
                  - cache: {origin: "http://10.0.0.5:8080/"}
                  - cache:
                      path: /shop
                      origin: "http://10.0.0.5:8080/shop"
                      originHeaders: {Host: www.acme.example}
                      markerPattern: "build-[0-9a-f]+"
                      maxStaleness: 10m
                      maxBodyBytes: 64KiB
                      caFile: /etc/triage/ca.pem
                    name: shop
                  - cache: {url: "https://cdn.acme.example/", origin: "http://10.0.0.5/", marker: "Acme Shop"}
                    name: cdn
                  - cache:
                      path: /canary.txt
                      origin: "http://10.0.0.5:8080/canary.txt"
                      canary: {file: /var/www/acme/canary.txt, within: 20s}
                    name: canary
                    timeout: 30s
                  - cache:
                      origin: "http://10.0.0.5:8080/canary"
                      canary: {url: "http://10.0.0.5:8080/canary/bump", within: 5s}
                    name: bump
            """)
        let origin = URL(string: "http://10.0.0.5:8080/")!
        #expect(checks.map(\.spec) == [
            .cache(CacheCheckSpec(edge: URL(string: "https://www.acme.example/")!, origin: origin)),
            .cache(CacheCheckSpec(
                edge: URL(string: "https://www.acme.example/shop")!, origin: URL(string: "http://10.0.0.5:8080/shop")!,
                originHeaders: ["Host": "www.acme.example"], comparison: .pattern("build-[0-9a-f]+"),
                maxStaleness: .seconds(600), maxBodyBytes: 64 * 1024, caFile: "/etc/triage/ca.pem"
            )),
            .cache(CacheCheckSpec(
                edge: URL(string: "https://cdn.acme.example/")!, origin: URL(string: "http://10.0.0.5/")!, comparison: .marker("Acme Shop")
            )),
            .cache(CacheCheckSpec(
                edge: URL(string: "https://www.acme.example/canary.txt")!, origin: URL(string: "http://10.0.0.5:8080/canary.txt")!,
                canary: CacheCanary(change: .file("/var/www/acme/canary.txt"), within: .seconds(20))
            )),
            .cache(CacheCheckSpec(
                edge: URL(string: "https://www.acme.example/")!, origin: URL(string: "http://10.0.0.5:8080/canary")!,
                canary: CacheCanary(change: .url(URL(string: "http://10.0.0.5:8080/canary/bump")!), within: .seconds(5))
            )),
        ])
        #expect(checks.map(\.id) == ["acme/www/cache", "acme/www/shop", "acme/www/cdn", "acme/www/canary", "acme/www/bump"])
        #expect(checks[2].host == "cdn.acme.example", "politeness counts against the edge, which visitors load")
        #expect(CacheCheckSpec.defaultMaxStaleness == .seconds(300))
    }

    @Test func eachMistakeIsReportedWithItsFix() {
        let errors = probeErrors("""
            customer: acme
            sites:
              - name: www
                url: https://www.acme.example/
                checks:
                  - cache: {path: /}
                  - cache: {origin: "ftp://10.0.0.5/", marker: "v1", markerPattern: "v[0-9]+"}
                    name: c2
                  - cache: {origin: "http://10.0.0.5/", markerPattern: "build-[", maxStaleness: 0s}
                    name: c3
                  - cache: {origin: "http://10.0.0.5/", canary: {within: 10s}}
                    name: c4
                  - cache: {origin: "http://10.0.0.5/", canary: {file: canary.txt, within: 10s}}
                    name: c5
                  - cache: {origin: "http://10.0.0.5/", canary: {file: /c.txt, url: "http://10.0.0.5/c", within: 10s}}
                    name: c6
                  - cache: {origin: "http://10.0.0.5/", canary: {url: "http://10.0.0.5/c"}, marker: v1}
                    name: c7
                  - cache: {origin: "http://10.0.0.5/", canary: {url: "http://10.0.0.5/c", within: 10s, wait: 1s}}
                    name: c8
                  - cache: {origin: "http://10.0.0.5/", canary: {url: "http://10.0.0.5/c", within: 40s}}
                    name: c9
                    timeout: 30s
                  - cache: {origin: "http://10.0.0.5/", staleness: 1m}
                    name: c10
            """)
        #expect(errors == [
            "probes/acme.yml:6: sites[0].checks[0].cache.origin: is required; add it, such as origin: \"http://10.0.0.5:8080/\"",
            "probes/acme.yml:7: sites[0].checks[1].cache.origin: \"ftp://10.0.0.5/\" is not an http(s) URL; write a full URL with scheme and host, such as https://www.example.com/",
            "probes/acme.yml:7: sites[0].checks[1].cache.markerPattern: is written together with marker; keep one: marker is a literal token, markerPattern a regular expression",
            "probes/acme.yml:9: sites[0].checks[2].cache.markerPattern: \"build-[\" is not a regular expression; write one such as build-[0-9a-f]+, or use marker: for a literal token",
            "probes/acme.yml:9: sites[0].checks[2].cache.maxStaleness: must be between 1s and 7d, not 0s",
            "probes/acme.yml:11: sites[0].checks[3].cache.canary: has neither file nor url; write file: /var/www/acme/canary.txt (the file the origin serves) or url: with a URL that takes the token",
            "probes/acme.yml:13: sites[0].checks[4].cache.canary.file: \"canary.txt\" is not an absolute path; write the full path of the file the origin serves, such as /var/www/acme/canary.txt",
            "probes/acme.yml:15: sites[0].checks[5].cache.canary.url: is written together with file; keep one: file is written by Triage, url is POSTed the token",
            "probes/acme.yml:17: sites[0].checks[6].cache.canary.within: is required; add it, such as within: 30s",
            "probes/acme.yml:17: sites[0].checks[6].cache.marker: is not read in canary mode, which compares the canary's token; remove it or canary:",
            "probes/acme.yml:19: sites[0].checks[7].cache.canary.wait: unknown key; allowed keys: file, url, within",
            "probes/acme.yml:21: sites[0].checks[8].cache.canary.within: 40s is not shorter than the check's timeout (30s): the probe polls the edge within its timeout; lower it below 30s or raise the timeout",
            "probes/acme.yml:24: sites[0].checks[9].cache.staleness: unknown key; did you mean \"maxStaleness\"? allowed keys: path, url, origin, originHeaders, marker, markerPattern, maxStaleness, canary, maxBodyBytes, caFile",
        ])
    }
}
