import CapstanCore
import Foundation

/// Turns a Kubernetes protobuf body (`application/vnd.kubernetes.protobuf`) into the JSON object it encodes.
///
/// Go's generated marshallers write every non-pointer field, zero or not, so zero scalars are dropped as JSON's
/// `omitempty` would drop them, except the pointer and non-`omitempty` fields of `ProtobufSchema.keepsZero`.
struct ProtobufDecoder {
    let schema: ProtobufSchema

    /// `k8s\0` followed by a `runtime.Unknown` carrying apiVersion, kind and the object's bytes.
    static let magic: [UInt8] = [0x6b, 0x38, 0x73, 0x00]

    func decodeEnvelope(_ body: [UInt8]) throws(APIStatus) -> JSONValue {
        guard body.count > 4, Array(body.prefix(4)) == Self.magic else {
            throw APIStatus.badRequest("provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]")
        }
        do throws(ProtobufReader.Malformed) {
            let (typeMeta, raw) = try envelope(body[4...])
            let apiVersion = typeMeta["apiVersion"]?.stringValue ?? ""
            let kind = typeMeta["kind"]?.stringValue ?? ""
            let name = ProtobufSchema.messageName(apiVersion: apiVersion, kind: kind)
            guard schema.messages[name] != nil else { return .null }
            var object = try message(name, raw)
            object["apiVersion"] = .string(apiVersion)
            object["kind"] = .string(kind)
            return object
        } catch {
            throw APIStatus.badRequest("unable to decode the protobuf body: malformed message")
        }
    }

    /// The `runtime.Unknown` wrapper: type meta and the object's own bytes.
    private func envelope(_ bytes: ArraySlice<UInt8>) throws(ProtobufReader.Malformed) -> (JSONValue, ArraySlice<UInt8>) {
        var reader = ProtobufReader(bytes)
        var typeMeta = JSONValue.object([:])
        var raw: ArraySlice<UInt8> = []
        while let (number, wire) = try reader.next() {
            switch (number, wire) {
            case (1, .bytes(let field)): typeMeta = try message("runtime.TypeMeta", field)
            case (2, .bytes(let field)): raw = field
            default: continue
            }
        }
        return (typeMeta, raw)
    }

    func message(_ name: String, _ bytes: ArraySlice<UInt8>) throws(ProtobufReader.Malformed) -> JSONValue {
        let fields = schema.messages[name] ?? [:]
        var members: [String: JSONValue] = [:]
        var reader = ProtobufReader(bytes)
        while let (number, wire) = try reader.next() {
            guard let field = fields[number] else { continue }
            if case .map(let keyType, let valueType) = field.type {
                guard case .bytes(let entry) = wire else { throw ProtobufReader.Malformed() }
                let (key, value) = try mapEntry(entry, keyType, valueType)
                var map = members[field.name]?.objectValue ?? [:]
                map[key] = value
                members[field.name] = .object(map)
            } else if field.repeated {
                var items = members[field.name]?.arrayValue ?? []
                items += try repeatedValues(wire, field.type)
                members[field.name] = .array(items)
            } else if field.name == "-" {
                // A struct Go embeds inline: its fields belong to this object in JSON.
                for (key, member) in try self.value(wire, field.type)?.objectValue ?? [:] { members[key] = member }
            } else if let value = try self.value(wire, field.type), !(Self.isZero(value) && !ProtobufSchema.keepsZero(name, field.name)) {
                members[field.name] = value
            } else {
                members.removeValue(forKey: field.name)
            }
        }
        return special(name, members) ?? .object(members)
    }
}
