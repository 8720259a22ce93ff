import ArgumentParser
import Foundation

/// Where commands write: results on standard output, problems on standard error prefixed
/// `capstan:`, and the exit status a command body returns.
public enum Console {
    /// Exit statuses shared by every command (docs/cli.md).
    public static let unreachable: Int32 = 3

    public static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    public static func error(_ message: String) {
        FileHandle.standardError.write(Data("capstan: \(message)\n".utf8))
    }

    /// Runs a command body, turning its status and its errors into the process's exit status.
    public static func run(_ body: () async throws -> Int32) async throws {
        let status: Int32
        do {
            status = try await body()
        } catch let error as CLIError {
            self.error(error.description)
            status = error.exitCode
        } catch let error as ExitCode {
            throw error
        } catch {
            self.error("\(error)")
            status = 1
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Reports every instance that did not answer; true when there was one.
    @discardableResult
    public static func reportFailures(_ replies: [InstanceReply]) -> Bool {
        let failures = replies.compactMap(\.failure)
        for failure in failures { error(failure) }
        return !failures.isEmpty
    }
}
