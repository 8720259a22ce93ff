import StageRuntime
import Testing

@Suite struct StageRunnerAddressTests {
    @Test func theConfigsHTTPAddressIsUsedWhenTheCommandLineGivesNone() throws {
        let runner = StageRunner(stage: "fetcher", options: try StageOptions.parse([]), configuredHTTP: "0.0.0.0:9555")
        #expect(runner.httpAddress == HTTPAddress(host: "0.0.0.0", port: 9555))
    }

    @Test func theCommandLineWinsOverTheConfig() throws {
        let options = try StageOptions.parse(["--http", "127.0.0.1:9666"])
        let runner = StageRunner(stage: "fetcher", options: options, configuredHTTP: "0.0.0.0:9555")
        #expect(runner.httpAddress == HTTPAddress(host: "127.0.0.1", port: 9666))
    }

    @Test func withoutEitherTheStagesOwnPortIsUsed() throws {
        let runner = StageRunner(stage: "renderer", options: try StageOptions.parse([]))
        #expect(runner.httpAddress == .loopback(port: 9411))
    }
}
