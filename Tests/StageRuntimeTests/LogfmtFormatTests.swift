import Logging
import Testing

@testable import StageRuntime

@Suite struct LogfmtFormatTests {
    @Test func printsTimestampLevelStageThenCapstanKeysThenOthersSorted() {
        let sink = CapturingSink()
        sink.logger().info(
            "fetched",
            metadata: ["zeta": "1", "duration": "12ms", "app": "web", "alpha": "x", "source": "platform", "error": "none"]
        )
        #expect(sink.written == [
            "ts=2026-11-27T23:00:00.123Z level=info stage=fetcher source=platform app=web msg=\"fetched\""
                + " error=none duration=12ms alpha=x zeta=1\n"
        ])
    }

    @Test func quotesValuesOnlyWhenTheyNeedIt() {
        let sink = CapturingSink()
        sink.logger().info("m", metadata: [
            "a": "plain-value/with.dots:and@signs", "b": "two words", "c": "k=v", "d": "say \"hi\"",
            "e": "", "f": "line\nbreak\ttab\r", "g": "back\\slash", "h": "naïve→ok", "i": "bell\u{07}",
        ])
        #expect(sink.written == [
            "ts=2026-11-27T23:00:00.123Z level=info stage=fetcher msg=\"m\" a=plain-value/with.dots:and@signs"
                + " b=\"two words\" c=\"k=v\" d=\"say \\\"hi\\\"\" e=\"\" f=\"line\\nbreak\\ttab\\r\""
                + " g=back\\slash h=naïve→ok i=\"bell\\u0007\"\n"
        ])
    }

    @Test func messageIsAlwaysQuotedAndEscaped() {
        let sink = CapturingSink()
        sink.logger().warning("render failed:\n\"bad\" \\ yaml")
        #expect(sink.written == [
            "ts=2026-11-27T23:00:00.123Z level=warning stage=fetcher msg=\"render failed:\\n\\\"bad\\\" \\\\ yaml\"\n"
        ])
    }

    @Test func oddKeysAreMadeParseable() {
        let sink = CapturingSink()
        sink.logger().info("m", metadata: ["a key": "1", "k=v": "2", "": "3"])
        #expect(sink.written == ["ts=2026-11-27T23:00:00.123Z level=info stage=fetcher msg=\"m\" _=3 a_key=1 k_v=2\n"])
    }

    @Test func nestedValuesPrintAsCompactJSON() {
        let sink = CapturingSink()
        sink.logger().info("m", metadata: ["objects": ["Deployment/shop/web", "Service/shop/web"], "counts": ["b": "2", "a": "1"]])
        #expect(sink.written == [
            "ts=2026-11-27T23:00:00.123Z level=info stage=fetcher msg=\"m\" counts=\"{\\\"a\\\":\\\"1\\\",\\\"b\\\":\\\"2\\\"}\""
                + " objects=\"[\\\"Deployment/shop/web\\\",\\\"Service/shop/web\\\"]\"\n"
        ])
    }

    @Test func everyLineCarriesTheHandlersStageEvenIfMetadataSaysOtherwise() {
        let sink = CapturingSink()
        var logger = sink.logger(stage: "renderer")
        logger.info("bare")
        logger[.stage] = "impostor"
        logger.info("overridden", metadata: ["stage": "other"])
        #expect(sink.written.allSatisfy { $0.contains(" stage=renderer ") })
        #expect(sink.written.count == 2)
    }

    @Test func loggerMetadataAndEventMetadataMergeWithEventWinning() {
        let sink = CapturingSink()
        let logger = sink.logger().with(.source, "platform").with(.revision, "main@sha1:abc")
        logger.info("event", metadata: .keyed([.revision: "main@sha1:def", .attempt: "2"]))
        #expect(sink.written == [
            "ts=2026-11-27T23:00:00.123Z level=info stage=fetcher source=platform revision=main@sha1:def"
                + " msg=\"event\" attempt=2\n"
        ])
    }

    @Test func attachedErrorFillsErrorKey() {
        struct Boom: Error, CustomStringConvertible { var description: String { "boom at x" } }
        let sink = CapturingSink()
        sink.logger().error("failed", error: Boom())
        #expect(sink.written == ["ts=2026-11-27T23:00:00.123Z level=error stage=fetcher msg=\"failed\" error=\"boom at x\"\n"])
    }

    @Test func levelBelowThresholdIsNotWritten() {
        let sink = CapturingSink()
        let logger = sink.logger(level: .warning)
        logger.info("hidden")
        logger.debug("hidden")
        logger.warning("shown")
        #expect(sink.written.count == 1)
        #expect(sink.written.first?.contains("msg=\"shown\"") == true)
    }

    @Test func timestampIsRFC3339UTCWithMilliseconds() {
        #expect(LogTimestamp.format(seconds: 0, milliseconds: 5) == "1970-01-01T00:00:00.005Z")
        #expect(LogTimestamp.format(seconds: 1_795_820_400, milliseconds: 123) == "2026-11-27T23:00:00.123Z")
        let now = LogTimestamp.now()
        #expect(now.count == 24 && now.hasSuffix("Z"))
    }
}
