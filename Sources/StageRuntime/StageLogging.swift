import Logging
import NIOConcurrencyHelpers

/// Installs ``StageLogHandler`` as the process's swift-log backend, once, for one stage.
public enum StageLogging {
    private static let bootstrapped = NIOLockedValueBox(false)

    /// Bootstraps logging (later calls keep the first setup) and returns the stage's root logger.
    @discardableResult
    public static func bootstrap(
        stage: String,
        format: LogFormat = .logfmt,
        level: Logger.Level = .info,
        sink: any LogSink = FileDescriptorSink.standardOutput
    ) -> Logger {
        let first = bootstrapped.withLockedValue { done in
            defer { done = true }
            return !done
        }
        if first {
            LoggingSystem.bootstrap { _ in
                StageLogHandler(stage: stage, format: format, level: level, sink: sink)
            }
        }
        return Logger(label: "capstan.\(stage)")
    }
}
