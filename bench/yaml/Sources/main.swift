// Parses a YAML file N times with Capstan's YAML module and prints the best CPU time in ms.
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

/// CPU time of this process in ms: steadier than wall time on a machine shared with other work.
func cpuMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
}

var milliseconds = Double.infinity
var documents = 0
for _ in 0..<rounds {
    let start = cpuMilliseconds()
    documents = try YAMLParser.parse(bytes, file: arguments[1]).count
    milliseconds = min(milliseconds, cpuMilliseconds() - start)
}
print("\(milliseconds) \(documents)")
