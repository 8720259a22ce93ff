import CapstanCore
import Foundation
import Templates

/// One case of ../shared/conformance/gotemplate: template, data, options and what Go gave.
struct ConformanceCase {
    let folder: String
    let name: String
    let directory: URL

    var id: String { "\(folder)/\(name)" }

    /// The outcome of running the case as the corpus README prescribes.
    enum Outcome {
        case pass
        /// The right phase, but the message is worded differently from Go's (allowed by the corpus).
        case passWithOtherWording(String)
        case fail(String)
    }

    func run() -> Outcome {
        let meta = (try? JSONValue.parse(read("meta.json") ?? Array("{}".utf8))) ?? .object([:])
        var run = GoTemplateRun()
        if let funcs = meta["funcs"]?.stringValue { run.funcs = GoTemplateRun.Funcs(rawValue: funcs) ?? .helm }
        if let mode = meta["mode"]?.stringValue { run.mode = GoTemplateRun.Mode(rawValue: mode) ?? .go }
        if let numbers = meta["numbers"]?.stringValue { run.numbers = NumberDecoding(rawValue: numbers) ?? .int }
        if let key = meta["missingkey"]?.stringValue { run.missingKey = MissingKey(rawValue: key) }
        if let delims = meta["delims"]?.arrayValue, delims.count == 2,
            let left = delims[0].stringValue, let right = delims[1].stringValue
        {
            run.delims = (left, right)
        }
        if let name = meta["name"]?.stringValue { run.name = name }
        let template = read("template.tmpl") ?? []
        let data = read("data.json") ?? Array("null".utf8)
        let result = Result { () throws(TemplateError) in try run.run(template: template, data: data) }
        let alternative = meta["differsIn"]?.objectValue?.values.first
        if let expected = read("expected.txt") {
            switch result {
            case .success(let bytes):
                if bytes == expected { return .pass }
                if let alternative, alternative["ok"]?.boolValue == true,
                    alternative["output"]?.stringValue == String(decoding: bytes, as: UTF8.self)
                {
                    return .pass
                }
                return .fail("output differs:\n got: \(String(decoding: bytes, as: UTF8.self))\nwant: \(String(decoding: expected, as: UTF8.self))")
            case .failure(let error):
                return .fail("failed (\(error.phase)): \(error.message)")
            }
        }
        let expectedError = String(decoding: read("expected-error.txt") ?? [], as: UTF8.self)
        let phase = expectedError.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        switch result {
        case .success(let bytes):
            if let alternative, alternative["ok"]?.boolValue == true,
                alternative["output"]?.stringValue == String(decoding: bytes, as: UTF8.self)
            {
                return .pass
            }
            return .fail("succeeded with \(String(decoding: bytes, as: UTF8.self)); want \(expectedError)")
        case .failure(let error):
            if error.phase.rawValue == phase {
                let wording = expectedError.dropFirst(phase.count + 2).trimmingCharacters(in: .newlines)
                return wording == error.message ? .pass : .passWithOtherWording("got: \(error.message)\nwant: \(wording)")
            }
            return .fail("failed in \(error.phase) (\(error.message)); want \(expectedError)")
        }
    }

    func read(_ file: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path) else { return nil }
        return [UInt8](data)
    }

    /// Whether the produced error message also matches Go's wording (reported, not required).
    func errorWordingMatches() -> Bool? { nil }

    /// The corpus: $CAPSTAN_GOTEMPLATE_CORPUS, or the first `shared/conformance/gotemplate/cases` above the repository.
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["CAPSTAN_GOTEMPLATE_CORPUS"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("shared/conformance/gotemplate/cases")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("shared/conformance/gotemplate/cases")
    }()

    /// Every case of the corpus, by folder and name.
    static func all() -> [ConformanceCase] {
        let fm = FileManager.default
        guard let folders = try? fm.contentsOfDirectory(atPath: root.path) else { return [] }
        var cases: [ConformanceCase] = []
        for folder in folders.sorted() {
            let folderURL = root.appendingPathComponent(folder)
            for name in ((try? fm.contentsOfDirectory(atPath: folderURL.path)) ?? []).sorted() {
                let directory = folderURL.appendingPathComponent(name)
                if fm.fileExists(atPath: directory.appendingPathComponent("template.tmpl").path) {
                    cases.append(ConformanceCase(folder: folder, name: name, directory: directory))
                }
            }
        }
        return cases
    }
}
