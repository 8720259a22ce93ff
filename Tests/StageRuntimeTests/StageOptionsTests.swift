import CapstanCore
import Logging
import Testing

@testable import StageRuntime

@Suite struct StageOptionsTests {
    @Test func defaultsAreLogfmtInfoAndNoOverrides() throws {
        let options = try StageOptions.parse([])
        #expect(options.config == "capstan.yaml")
        #expect(options.logFormat == .logfmt)
        #expect(options.logLevel == .info)
        #expect(options.shard == nil)
        #expect(options.http == nil)
    }

    @Test func parsesEveryOption() throws {
        let options = try StageOptions.parse([
            "--config", "/etc/capstan/capstan.yaml", "--log-format", "json", "--log-level", "DEBUG",
            "--shard", "1/3", "--http", "0.0.0.0:9401",
        ])
        #expect(options.config == "/etc/capstan/capstan.yaml")
        #expect(options.logFormat == .json)
        #expect(options.logLevel == .debug)
        #expect(options.shard == Shard(index: 1, count: 3))
        #expect(options.http == HTTPAddress(host: "0.0.0.0", port: 9401))
    }

    @Test(arguments: [
        ["--log-format", "xml"], ["--log-level", "loud"], ["--shard", "3/3"], ["--shard", "1"], ["--shard", "-1/2"],
        ["--shard", "0/0"], ["--http", "host"], ["--http", "h:99999"], ["--http", "::1:80"],
    ])
    func rejectsBadValues(arguments: [String]) {
        #expect(throws: (any Error).self) { try StageOptions.parse(arguments) }
    }

    @Test func httpAddressesParseAndPrint() {
        #expect(HTTPAddress(parsing: "9411") == .loopback(port: 9411))
        #expect(HTTPAddress(parsing: "[::1]:9421") == HTTPAddress(host: "::1", port: 9421))
        #expect(HTTPAddress(host: "::1", port: 9421).description == "[::1]:9421")
        #expect(HTTPAddress(parsing: "localhost:0")?.description == "localhost:0")
    }

    @Test func defaultHTTPPortsFollowTheDesign() {
        #expect(StageRunner.defaultHTTPPorts == ["fetcher": 9401, "renderer": 9411, "applier": 9421])
    }
}
