import YAML

/// Bounds that keep hostile repositories and inputs from exhausting a stage.
public struct LimitsConfig: Sendable, Hashable {
    /// Fetcher: bytes and files one artifact may hold.
    public var artifactBytes: Int
    public var artifactFiles: Int
    /// Renderer: bytes of one input file, files and total bytes one render may read, documents it may produce.
    public var fileBytes: Int
    public var renderFiles: Int
    public var renderBytes: Int
    public var documents: Int
    /// Every YAML reader: aliases and expanded nodes per document, nesting depth.
    public var yamlAliases: Int
    public var yamlExpandedNodes: Int
    public var yamlDepth: Int
    /// Messaging: largest ZeroMQ message (GET streams bigger payloads in chunks of this size).
    public var messageBytes: Int
    /// HTTP: largest webhook body.
    public var webhookBytes: Int

    public init(
        artifactBytes: Int = 1 << 30, artifactFiles: Int = 100_000, fileBytes: Int = 16 << 20,
        renderFiles: Int = 50_000, renderBytes: Int = 512 << 20, documents: Int = 50_000, yamlAliases: Int = 10_000,
        yamlExpandedNodes: Int = 1_000_000, yamlDepth: Int = 512, messageBytes: Int = 16 << 20,
        webhookBytes: Int = 1 << 20
    ) {
        self.artifactBytes = artifactBytes
        self.artifactFiles = artifactFiles
        self.fileBytes = fileBytes
        self.renderFiles = renderFiles
        self.renderBytes = renderBytes
        self.documents = documents
        self.yamlAliases = yamlAliases
        self.yamlExpandedNodes = yamlExpandedNodes
        self.yamlDepth = yamlDepth
        self.messageBytes = messageBytes
        self.webhookBytes = webhookBytes
    }

    /// The YAML parser limits these settings describe, for reading one file.
    public var yaml: YAMLLimits {
        YAMLLimits(
            maxAliases: yamlAliases, maxExpandedNodes: yamlExpandedNodes, maxDepth: yamlDepth,
            maxDocumentBytes: fileBytes, maxDocuments: documents)
    }
}
