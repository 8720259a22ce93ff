import Manifests
import Sandbox

extension RenderError {
    /// A refused path or read, with a hint on the limit or the rule that refused it.
    init(_ error: SandboxError) {
        switch error.problem {
        case .tooLarge, .tooManyFiles, .totalTooLarge:
            self.init(.limit, at: error.path, error.description, hint: "raise limits in capstan.yaml or shrink the input")
        case .notFound:
            self.init(.sandbox, at: error.path, "does not exist", hint: "check the app's path and the files it names")
        default:
            self.init(.sandbox, at: error.path, error.description, hint: "keep every path inside the repository")
        }
    }

    /// A YAML/JSON document that could not be read.
    init(_ error: ManifestDecodeError) {
        let isLimit = error.reason.lowercased().contains("limit")
        self.init(
            isLimit ? .limit : .invalidManifest, at: "\(error.file):\(error.line)", error.reason,
            hint: isLimit ? "the document exceeds a YAML limit (aliases, nesting, size); simplify it" : nil)
    }
}
