// Parses a YAML file N times with Capstan's YAML module and prints the best time in ms.
import YAML

#if canImport(Glibc)
    import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count == 3, let rounds = Int(arguments[2]) else {
    print("usage: capstan-yaml-bench FILE ROUNDS")
    exit(2)
}
guard let file = fopen(arguments[1], "rb") else {
    print("cannot open \(arguments[1])")
    exit(1)
}
var bytes: [UInt8] = []
var chunk = [UInt8](repeating: 0, count: 1 << 16)
while true {
    let count = fread(&chunk, 1, chunk.count, file)
    if count == 0 { break }
    bytes += chunk[0..<count]
}
fclose(file)

let clock = ContinuousClock()
var best = Duration.seconds(1_000)
var documents = 0
for _ in 0..<rounds {
    let start = clock.now
    documents = try YAMLParser.parse(bytes, file: arguments[1]).count
    best = min(best, clock.now - start)
}
let milliseconds = Double(best.components.seconds) * 1000 + Double(best.components.attoseconds) / 1e15
print("\(milliseconds) \(documents)")
