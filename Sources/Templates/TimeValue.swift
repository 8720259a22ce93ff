/// A Go time.Time in UTC (the corpus and Capstan render with TZ=UTC).
final class TimeValue: GoObject, @unchecked Sendable {
    // Immutable.
    let seconds: Int64
    let nanos: Int64

    init(seconds: Int64, nanos: Int64 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    var goTypeName: String { "time.Time" }
    var goKind: String { "struct" }
    var stringForm: String? { GoTime.format(self, "2006-01-02 15:04:05.999999999 -0700 MST") }

    func member(_ name: String) -> Member? {
        let fields = GoTime.civil(seconds)
        func m(_ v: Value) -> Member { .method(TemplateFunction([]) { _, _ in v }) }
        switch name {
        case "Year": return m(.int(Int64(fields.year), .int))
        case "Month": return m(.int(Int64(fields.month), .int))
        case "Day": return m(.int(Int64(fields.day), .int))
        case "Hour": return m(.int(Int64(fields.hour), .int))
        case "Minute": return m(.int(Int64(fields.minute), .int))
        case "Second": return m(.int(Int64(fields.second), .int))
        case "Unix": return m(.int(seconds, .int64))
        case "UTC", "Local": return m(.object(self))
        case "String": return m(.string(stringForm ?? ""))
        case "Format":
            return .method(TemplateFunction([.string]) { [self] _, a in .string(GoTime.format(self, SprigStrings.s(a[0]))) })
        default: return nil
        }
    }
}

