/// Durations as the stage logs and records them.
extension Duration {
    var milliseconds: Int { Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000) }
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
