import Foundation
import Testing

/// Runs the real `capstan-renderer gotemplate` binary the way chart authors and the corpus drive it.
@Suite struct GoTemplateCommandTests {
    /// The built executable next to the test bundle (`.build/<config>/capstan-renderer`).
    static var binary: URL? {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("capstan-renderer")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    func run(template: String, data: String, _ extra: [String]) throws -> Outcome {
        let binary = try #require(Self.binary, "capstan-renderer not built next to the tests")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gotemplate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let templateFile = directory.appendingPathComponent("t.tmpl"), dataFile = directory.appendingPathComponent("d.json")
        try template.write(to: templateFile, atomically: true, encoding: .utf8)
        try data.write(to: dataFile, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["gotemplate", templateFile.path, "--data", dataFile.path] + extra
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func printsTheRenderedTemplate() throws {
        let outcome = try run(template: "<<.a | upper>>-<<.n>>", data: "{\"a\":\"x\",\"n\":3}",
                              ["--delims", "<<,>>", "--numbers", "float64"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "X-3")
    }

    @Test func reportsTheErrorWithItsPhaseAndFailsInHelmMode() throws {
        let outcome = try run(template: "{{required \"name is required\" .name}}", data: "{}", ["--mode", "helm", "--name", "t.yaml"])
        #expect(outcome.status != 0)
        #expect(outcome.stderr == "exec: execution error at (t.yaml:1:2): name is required\n")
    }
}
