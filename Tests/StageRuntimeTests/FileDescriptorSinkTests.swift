import Foundation
import Testing

@testable import StageRuntime

@Suite struct FileDescriptorSinkTests {
    @Test func linesFromManyThreadsNeverInterleave() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-sink-\(UUID()).log").path
        let descriptor = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        defer { unlink(path) }
        let sink = FileDescriptorSink(descriptor: descriptor)
        let threads = 8, linesPerThread = 250
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let payload = String(repeating: Character(UnicodeScalar(UInt8(65 + thread))), count: 2_000)
            for index in 0..<linesPerThread { sink.write("t=\(thread) i=\(index) \(payload)\n") }
        }
        close(descriptor)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == threads * linesPerThread)
        for line in lines {
            let fields = line.split(separator: " ")
            let thread = Int(fields[0].dropFirst(2))!
            #expect(fields.count == 3)
            #expect(fields[2] == String(repeating: Character(UnicodeScalar(UInt8(65 + thread))), count: 2_000))
        }
    }
}
