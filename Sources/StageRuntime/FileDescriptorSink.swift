#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOConcurrencyHelpers

/// Writes each log line with `write(2)` under a lock, so lines from different threads never
/// interleave and nothing sits in a buffer when the process exits.
public final class FileDescriptorSink: LogSink {
    /// The sink every stage logs to.
    public static let standardOutput = FileDescriptorSink(descriptor: 1)

    private let descriptor: Int32
    private let lock = NIOLock()

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public func write(_ line: String) {
        var bytes = Array(line.utf8)
        lock.withLock { writeFully(&bytes) }
    }

    /// Loops over short writes and EINTR; drops the line if the descriptor is gone (EPIPE, EBADF).
    private func writeFully(_ bytes: inout [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}

/// `write(2)`, named apart from ``FileDescriptorSink/write(_:)``.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    Darwin.write(descriptor, bytes, count)
    #elseif canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Musl.write(descriptor, bytes, count)
    #endif
}
