import CapstanCore
import Foundation

/// JSON for people and scripts alike: indented, keys sorted.
public enum JSONOutput {
    public static func pretty(_ value: JSONValue) -> String {
        let compact = value.serialized()
        guard let object = try? JSONSerialization.jsonObject(with: Data(compact.utf8), options: [.fragmentsAllowed]),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return compact }
        return String(decoding: data, as: UTF8.self)
    }
}
