import ArgumentParser

extension LogFormat: ExpressibleByArgument {}

extension HTTPAddress: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}
