import ArgumentParser

extension LogFormat: ExpressibleByArgument {}

extension ShardArgument: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}

extension HTTPAddress: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}
