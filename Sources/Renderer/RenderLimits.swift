import CapstanCore
import Sandbox
import YAML

/// Bounds on one render, so a hostile repository cannot exhaust the renderer.
public struct RenderLimits: Sendable, Equatable {
    /// Files read, bytes per file and in all.
    public var source: SourceLimits
    /// Aliases, expanded nodes, nesting and documents per file.
    public var yaml: YAMLLimits
    /// Objects one bundle may hold.
    public var maxObjects: Int
    /// Bytes one bundle may hold once written.
    public var maxBundleBytes: Int
    /// Directory levels a plain directory may nest (also stops symlink cycles inside the tree).
    public var maxDirectoryDepth: Int

    public init(
        source: SourceLimits = .default, yaml: YAMLLimits = .default, maxObjects: Int = 50_000,
        maxBundleBytes: Int = 256 << 20, maxDirectoryDepth: Int = 32
    ) {
        self.source = source
        self.yaml = yaml
        self.maxObjects = maxObjects
        self.maxBundleBytes = maxBundleBytes
        self.maxDirectoryDepth = maxDirectoryDepth
    }

    /// The limits a config file sets.
    public init(_ config: LimitsConfig) {
        self.init(
            source: SourceLimits(
                maxFileBytes: config.fileBytes, maxFiles: config.renderFiles, maxTotalBytes: config.renderBytes),
            yaml: config.yaml, maxObjects: config.documents, maxBundleBytes: config.renderBytes)
    }

    /// The defaults of `limits:` in capstan.yaml.
    public static let `default` = RenderLimits(LimitsConfig())
}
