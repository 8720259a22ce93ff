import CapstanCore
import Foundation
import Messaging

/// One event as one line: time, stage, topic, then the fields that matter for its kind
/// (`revision=main@1a2b3c4 artifact=sha256:… files=12 "subject"` for a revision).
public enum EventLine {
    public static func format(_ event: Event, receivedAt: Date, timeZone: TimeZone = .current) -> String {
        let time = TimeValue.date(event.fields["updatedAt"]) ?? TimeValue.date(event.fields["renderedAt"]) ?? receivedAt
        let columns = [clock(time, timeZone: timeZone), pad(stage(of: event), 9), pad(event.topic, 24)]
        return (columns + [details(event)]).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// The `stage` field, else the stage that publishes the topic's kind.
    public static func stage(of event: Event) -> String {
        if let stage = event.fields["stage"]?.stringValue { return stage }
        switch event.topic.split(separator: ".").first {
        case "revision": return "fetcher"
        case "bundle": return "renderer"
        case "status": return "applier"
        default: return "-"
        }
    }

    static func details(_ event: Event) -> String {
        let fields = event.fields
        var parts: [String] = []
        func add(_ key: String, _ value: String?) { if let value, !value.isEmpty { parts.append("\(key)=\(value)") } }
        switch event.topic.split(separator: ".").first {
        case "revision":
            add("revision", fields["revision"]?.stringValue.map { ShortNames.revision($0) })
            add("artifact", fields["digest"]?.stringValue.map { ShortNames.digest($0) })
            add("files", fields["files"]?.intValue.map(String.init))
            if let subject = fields["commit"]?["subject"]?.stringValue { parts.append(quoted(subject)) }
        case "bundle":
            add("revision", fields["revision"]?.stringValue.map { ShortNames.revision($0) })
            add("bundle", fields["digest"]?.stringValue.map { ShortNames.digest($0) })
            add("objects", fields["objects"]?.intValue.map(String.init))
        case "status":
            add("phase", fields["phase"]?.stringValue)
            add("revision", fields["revision"]?.stringValue.map { ShortNames.revision($0) })
            add("objects", fields["objects"]?.intValue.map(String.init))
            if let drift = fields["driftCorrections"]?.intValue, drift > 0 { add("drift", String(drift)) }
            add("error", fields["error"]?.stringValue.map(quoted))
        default:
            for key in fields.keys.sorted() { add(key, fields[key].map(scalar)) }
        }
        return parts.joined(separator: " ")
    }

    static func scalar(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text.contains(" ") ? quoted(text) : text }
        return value.serialized()
    }

    static func quoted(_ text: String) -> String {
        "\"" + TextTable.truncate(text, to: 200).replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// `HH:MM:SS` in `timeZone`.
    static func clock(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return [parts.hour, parts.minute, parts.second].map { String(format: "%02d", $0 ?? 0) }.joined(separator: ":")
    }
}
