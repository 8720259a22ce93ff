import Foundation

/// Whole-file writes that never leave a partial file behind: temp file in the same directory, then rename.
enum DiskFile {
    static func write(_ bytes: [UInt8], to path: String) throws(RenderError) {
        let temporary = "\(path).tmp-\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw RenderError(.storage, at: path, "cannot write a temporary file next to it", hint: "check disk space and permissions")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw RenderError(.storage, at: path, "cannot move the new file into place: \(reason)")
        }
    }
}
