import CapstanCore
import Foundation

extension ProtobufDecoder {
    func value(_ wire: ProtobufReader.Value, _ type: ProtobufSchema.FieldType) throws(ProtobufReader.Malformed) -> JSONValue? {
        switch (type, wire) {
        case (.string, .bytes(let bytes)): return .string(String(decoding: bytes, as: UTF8.self))
        case (.bytes, .bytes(let bytes)): return .string(Data(bytes).base64EncodedString())
        case (.bool, .varint(let number)): return .bool(number != 0)
        case (.signed, .varint(let number)): return .int(Int64(bitPattern: number))
        case (.unsigned, .varint(let number)): return .int(Int64(bitPattern: number))
        case (.double, .fixed64(let bits)): return .double(Double(bitPattern: bits))
        case (.float, .fixed32(let bits)): return .double(Double(Float(bitPattern: bits)))
        case (.message(let name), .bytes(let bytes)):
            let decoded = try message(name, bytes)
            if decoded == .null { return nil }  // not a ternary: `nil` would become JSON null there
            return decoded
        default: throw ProtobufReader.Malformed()
        }
    }

    /// Repeated fields arrive one element per occurrence, or packed into one run for scalars.
    func repeatedValues(_ wire: ProtobufReader.Value, _ type: ProtobufSchema.FieldType) throws(ProtobufReader.Malformed) -> [JSONValue] {
        switch (type, wire) {
        case (.signed, .bytes(let packed)), (.unsigned, .bytes(let packed)), (.bool, .bytes(let packed)):
            var reader = ProtobufReader(packed)
            var values: [JSONValue] = []
            while !reader.isAtEnd {
                let number = try reader.varint()
                if case .bool = type { values.append(.bool(number != 0)) } else { values.append(.int(Int64(bitPattern: number))) }
            }
            return values
        default:
            return [try value(wire, type) ?? .null]
        }
    }

    func mapEntry(_ entry: ArraySlice<UInt8>, _ keyType: ProtobufSchema.FieldType, _ valueType: ProtobufSchema.FieldType)
        throws(ProtobufReader.Malformed) -> (String, JSONValue)
    {
        var reader = ProtobufReader(entry)
        var key = ""
        var value: JSONValue = Self.zero(valueType)
        while let (number, wire) = try reader.next() {
            if number == 1 {
                key = try self.value(wire, keyType)?.stringValue ?? ""
            } else if number == 2 {
                value = try self.value(wire, valueType) ?? Self.zero(valueType)
            }
        }
        return (key, value)
    }

    static func zero(_ type: ProtobufSchema.FieldType) -> JSONValue {
        switch type {
        case .string, .bytes: return .string("")
        case .bool: return .bool(false)
        case .signed, .unsigned: return .int(0)
        case .double, .float: return .double(0)
        case .message, .map: return .object([:])
        }
    }

    static func isZero(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): text.isEmpty
        case .bool(let flag): !flag
        case .int(let number): number == 0
        case .double(let number): number == 0
        default: false
        }
    }

    /// Messages whose JSON form is not an object: times, int-or-strings, quantities, raw JSON.
    func special(_ name: String, _ members: [String: JSONValue]) -> JSONValue? {
        switch name {
        case "meta.v1.Time", "meta.v1.MicroTime":
            let seconds = members["seconds"]?.intValue ?? 0
            // Go's zero time marshals as year 1; both it and an empty message mean "unset".
            guard seconds > -62_135_596_800, seconds != 0 || members["nanos"] != nil else { return .null }
            return .string(Clock.format(Date(timeIntervalSince1970: TimeInterval(seconds))))
        case "intstr.IntOrString":
            if members["type"]?.intValue == 1 { return members["strVal"] ?? .string("") }
            let number = members["intVal"]?.intValue ?? 0
            return number == 0 ? .null : .int(number)
        case "resource.Quantity", "resource.QuantityValue":
            return members["string"] ?? .string("0")
        case "meta.v1.FieldsV1":
            guard let raw = members["Raw"]?.stringValue, let data = Data(base64Encoded: raw) else { return .null }
            return (try? JSONValue.parse(Array(data))) ?? .null
        default:
            return nil
        }
    }
}
