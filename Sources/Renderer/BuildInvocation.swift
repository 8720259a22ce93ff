import CapstanCore
import Foundation

/// One `capstan-renderer build` run, from command-line words to a bundle, kept out of the
/// executable so it stays thin and the parsing rules are testable.
public struct BuildInvocation: Sendable {
    public var directory: String
    public var root: String?
    public var substitutions: [String]
    public var valuesFiles: [String]
    public var sets: [String]
    /// `--set-string` arguments: like `--set`, every value a string.
    public var setStrings: [String] = []
    /// `--set-json` arguments: `key=<JSON>`.
    public var setJSON: [String] = []
    /// `--set-file` arguments: `key=path`, the file's text as the value.
    public var setFiles: [String] = []
    /// `.Release.Name` (default `release-name`, as `helm template`).
    public var releaseName: String?
    /// `.Release.Namespace` (default `default`).
    public var namespace: String?

    public init(directory: String, root: String? = nil, substitutions: [String] = [], valuesFiles: [String] = [], sets: [String] = []) {
        self.directory = directory
        self.root = root
        self.substitutions = substitutions
        self.valuesFiles = valuesFiles
        self.sets = sets
    }

    var chartFlagsGiven: Bool {
        !valuesFiles.isEmpty || !sets.isEmpty || !setStrings.isEmpty || !setJSON.isEmpty || !setFiles.isEmpty
            || releaseName != nil || namespace != nil
    }

    /// Renders the directory and returns the bundle; the error is what to print on stderr.
    public func run(renderer: Renderer = Renderer()) throws(RenderError) -> ManifestBundle {
        let variables = try Self.parsePairs(substitutions, option: "--substitute")
        let absolute = Self.absolute(directory)
        let root = root.map(Self.absolute) ?? Self.enclosingRepository(of: absolute)
        guard let path = Self.relative(absolute, to: root) else {
            throw RenderError(.sandbox, at: directory, "is outside the root '\(root)'", hint: "pass --root with a directory that contains it")
        }
        var helm: HelmConfig?
        if chartFlagsGiven {
            if case .chart = try? AppLayout.detect(path, in: .init(root: root)) {} else {
                throw RenderError(.unsupported, at: directory, "--values, --set, --set-string, --set-json, --set-file, --release-name and --namespace apply to Helm charts only")
            }
            helm = try chartConfig()
        }
        return try renderer.render(RenderRequest(root: root, path: path, substitute: variables, helm: helm))
    }

    /// `K=V` words into a map; the last of repeated keys wins.
    static func parsePairs(_ words: [String], option: String) throws(RenderError) -> [String: String] {
        var pairs: [String: String] = [:]
        for word in words {
            guard let equals = word.firstIndex(of: "="), equals != word.startIndex else {
                throw RenderError(.substitution, at: option, "'\(word)' is not KEY=VALUE")
            }
            pairs[String(word[..<equals])] = String(word[word.index(after: equals)...])
        }
        return pairs
    }

    /// The nearest directory at or above `directory` holding `.git`, so overlays may name `../base`;
    /// the directory itself when there is none.
    static func enclosingRepository(of directory: String) -> String {
        var candidate = directory
        while candidate != "/" && !candidate.isEmpty {
            if FileManager.default.fileExists(atPath: candidate + "/.git") { return candidate }
            candidate = (candidate as NSString).deletingLastPathComponent
        }
        return directory
    }

    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: joined).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func relative(_ path: String, to root: String) -> String? {
        if path == root { return "." }
        guard path.hasPrefix(root == "/" ? "/" : root + "/") else { return nil }
        return String(path.dropFirst(root == "/" ? 1 : root.count + 1))
    }
}
