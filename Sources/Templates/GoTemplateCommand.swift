import ArgumentParser
import Foundation

/// `capstan-renderer gotemplate`: executes one template with a JSON file as dot, for chart authors and the corpus.
public struct GoTemplateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gotemplate",
        abstract: "Execute one Go template with JSON data as dot and print the result.")

    @Argument(help: "The template file.") public var templateFile: String
    @Option(help: "JSON file holding dot.") public var data: String
    @Option(help: "helm (Sprig + Helm functions) or builtin.") public var funcs: String = "helm"
    @Option(help: "go or helm (missingkey=zero, <no value> stripped, Helm's error wording).") public var mode: String = "go"
    @Option(help: "How JSON numbers decode: int or float64.") public var numbers: String = "int"
    @Option(help: "default, invalid, zero or error.") public var missingkey: String?
    @Option(help: "Action delimiters, e.g. '<<,>>'.") public var delims: String?
    @Option(help: "Template name used in errors.") public var name: String = "test"
    @Option(help: "Benchmark: parse once, execute this many times, print the time per execution on stderr.")
    public var `repeat`: Int?

    public init() {}

    public func run() throws {
        let run = try makeRun()
        let template = try readFile(templateFile)
        let json = try readFile(data)
        if let count = `repeat` {
            try benchmark(run, template: template, data: json, count: count)
            return
        }
        var output: Result<[UInt8], TemplateError> = .failure(TemplateError(phase: .exec, message: "not run"))
        BigStack.run { output = Result { () throws(TemplateError) in try run.run(template: template, data: json) } }
        switch output {
        case .success(let bytes):
            FileHandle.standardOutput.write(Data(bytes))
        case .failure(let error):
            FileHandle.standardError.write(Data("\(error.phase.rawValue): \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }

    func makeRun() throws -> GoTemplateRun {
        var run = GoTemplateRun()
        guard let funcs = GoTemplateRun.Funcs(rawValue: funcs) else { throw ValidationError("--funcs must be helm or builtin") }
        guard let mode = GoTemplateRun.Mode(rawValue: mode) else { throw ValidationError("--mode must be go or helm") }
        guard let numbers = NumberDecoding(rawValue: numbers) else { throw ValidationError("--numbers must be int or float64") }
        run.funcs = funcs
        run.mode = mode
        run.numbers = numbers
        if let missingkey {
            guard let key = MissingKey(rawValue: missingkey) else {
                throw ValidationError("--missingkey must be default, invalid, zero or error")
            }
            run.missingKey = key
        }
        if let delims {
            let parts = delims.split(separator: ",", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("--delims must be LEFT,RIGHT, e.g. '<<,>>'") }
            run.delims = (parts[0], parts[1])
        }
        run.name = name
        return run
    }

    func readFile(_ path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ValidationError("\(path): cannot read the file")
        }
        defer { try? handle.close() }
        return [UInt8](handle.readDataToEndOfFile())
    }

    func benchmark(_ run: GoTemplateRun, template: [UInt8], data: [UInt8], count: Int) throws {
        let prepared = try run.prepare(template: template, data: data)
        var bytes = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<max(count, 1) { bytes += try prepared.set.execute(name: run.name, data: prepared.data).count }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let message = String(format: "executions=%d bytes=%d total=%.3fs per-execution=%.1fus\n", count, bytes, elapsed,
                             elapsed / Double(max(count, 1)) * 1e6)
        FileHandle.standardError.write(Data(message.utf8))
    }
}
