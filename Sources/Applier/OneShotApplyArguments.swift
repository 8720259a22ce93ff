import CapstanCore

/// The arguments of a plain `capstan-applier apply` read without ArgumentParser, whose reflection
/// costs milliseconds of start-up on every one-shot apply. Only the simple spelling is taken
/// (`--option value`, each at most once, one bundle argument); anything else (help, `--option=value`,
/// an unknown or repeated option, a value that does not parse) yields nil, and ArgumentParser reads
/// the command line as before, with its own errors.
public struct OneShotApplyArguments: Sendable {
    public var options: OneShotOptions
    public var prune = false
    public var wait = false
    public var timeout: Interval = .minutes(5)

    static let valued: Set<String> = ["--app", "--kubeconfig", "--target-namespace", "--service-account", "--qps", "--burst", "--timeout"]
    static let flags: Set<String> = ["--prune", "--wait"]

    /// `arguments` without the program name; nil unless it is `apply` in the simple spelling.
    public init?(_ arguments: some Collection<String>) {
        guard arguments.first == "apply" else { return nil }
        var values: [String: String] = [:]
        var flagsSeen: Set<String> = []
        var input: String?
        var rest = arguments.dropFirst()[...]
        while let token = rest.popFirst() {
            if Self.valued.contains(token) {
                guard values[token] == nil, let value = rest.popFirst(), !value.hasPrefix("-") else { return nil }
                values[token] = value
            } else if Self.flags.contains(token) {
                guard flagsSeen.insert(token).inserted else { return nil }
            } else if token == "-" || !token.hasPrefix("-") {
                guard input == nil else { return nil }
                input = token
            } else {
                return nil
            }
        }
        guard let input, let app = values["--app"] else { return nil }
        options = OneShotOptions(
            app: app, kubeconfig: values["--kubeconfig"], targetNamespace: values["--target-namespace"],
            serviceAccount: values["--service-account"], input: input)
        if let text = values["--qps"] { guard let qps = Double(text) else { return nil }; options.qps = qps }
        if let text = values["--burst"] { guard let burst = Int(text) else { return nil }; options.burst = burst }
        if let text = values["--timeout"] { guard let timeout = try? Interval.parse(text) else { return nil }; self.timeout = timeout }
        prune = flagsSeen.contains("--prune")
        wait = flagsSeen.contains("--wait")
    }
}
