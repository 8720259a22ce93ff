import CapstanCore
import Testing
@testable import KubeSim

/// Protobuf bodies as kubectl 1.32's typed commands send them (captured from `kubectl create …`), read as JSON.
@Suite struct ProtobufTests {
    /// `kubectl create deployment web --image=nginx:1.27 --replicas=0 --port=8080`
    static let deployment = "6b3873000a150a07617070732f7631120a4465706c6f796d656e7412be010a1f0a0377656212001a0022002a003200380042005a0a0a036170701203776562128c010800120c0a0a0a0361707012037765621a720a1c0a0012001a0022002a003200380042005a0a0a036170701203776562125212340a056e67696e78120a6e67696e783a312e32372a00320b0a00100018903f22002a0042006a007200800100880100900100a201001a00320042004a0052005800600068008201008a01009a0100c2010022020a00280038001a0c0800100018002000280038001a002200"

    /// `kubectl create service clusterip web --tcp=80:8080`
    static let service = "6b3873000a0d0a02763112075365727669636512690a1f0a0377656212001a0022002a003200380042005a0a0a03617070120377656212420a1b0a0738302d38303830120354435018502207080010903f1a002800120a0a0361707012037765621a002209436c757374657249503a00420052005a00600068001a020a001a002200"

    /// `kubectl create secret generic s1 --from-literal=a=b`
    static let secret = "6b3873000a0c0a0276311206536563726574121e0a120a02733112001a0022002a0032003800420012060a01611201621a001a002200"

    /// `kubectl create ingress ing --rule=foo.com/bar=svc1:80`
    static let ingress = "6b3873000a1f0a146e6574776f726b696e672e6b38732e696f2f76311207496e677265737312490a130a03696e6712001a0022002a00320038004200122e1a2c0a07666f6f2e636f6d12210a1f0a1d0a042f626172120e220c0a047376633112040a0010501a0545786163741a020a001a002200"

    static func decode(_ hex: String) throws -> JSONValue {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return try ProtobufDecoder(schema: .shared).decodeEnvelope(bytes)
    }

    @Test func deploymentKeepsZeroReplicasAndDropsUnsetFields() throws {
        let object = try Self.decode(Self.deployment)
        #expect(object["apiVersion"] == "apps/v1")
        #expect(object["kind"] == "Deployment")
        #expect(object["metadata"] == ["name": "web", "labels": ["app": "web"]])
        #expect(object.value(at: ["spec", "replicas"]) == 0)
        #expect(object.value(at: ["spec", "template", "metadata"]) == ["labels": ["app": "web"]])
        let container = object.value(at: ["spec", "template", "spec", "containers"])?.arrayValue?.first
        #expect(container?["image"] == "nginx:1.27")
        #expect(container?["ports"] == [["containerPort": 8080]])
    }

    @Test func serviceTargetPortIsAnIntOrString() throws {
        let object = try Self.decode(Self.service)
        #expect(object.value(at: ["spec", "ports"]) == [["name": "80-8080", "port": 80, "protocol": "TCP", "targetPort": 8080]])
        #expect(object.value(at: ["spec", "type"]) == "ClusterIP")
    }

    @Test func secretDataIsBase64() throws {
        let object = try Self.decode(Self.secret)
        #expect(object["data"] == ["a": "Yg=="])
    }

    @Test func inlineStructsMergeIntoTheirParent() throws {
        let object = try Self.decode(Self.ingress)
        let rule = object.value(at: ["spec", "rules"])?.arrayValue?.first
        #expect(rule?["host"] == "foo.com")
        #expect(rule?.value(at: ["http", "paths", "0"]) == nil)
        #expect(rule?["http"]?["paths"]?.arrayValue?.first?["path"] == "/bar")
    }

    @Test func garbageIsABadRequestNotACrash() async {
        let fixture = APIFixture()
        let response = await fixture.raw("POST", "/api/v1/namespaces/default/configmaps", bytes: [0x6b, 0x38, 0x73, 0x00, 0x0a, 0xff],
                                         contentType: "application/vnd.kubernetes.protobuf")
        #expect(response.status == 400)
        let unknownKind = await fixture.raw("POST", "/api/v1/namespaces/default/configmaps", bytes: [1, 2, 3],
                                            contentType: "application/vnd.kubernetes.protobuf")
        #expect(unknownKind.status == 400)
    }
}

/// Zero values of pointer fields survive protobuf decoding; zeros of `omitempty` fields do not.
@Suite struct ProtobufZeroTests {
    @Test func pointerFalseIsKept() throws {
        // ConfigMap cm1 with immutable=false (a *bool) and data {"a": ""}: TypeMeta v1/ConfigMap, then the object.
        let hex = "6b387300" + "0a0f0a0276311209436f6e6669674d6170" + "1210" + "0a050a03636d31" + "12050a0161" + "1200" + "2000"
        let object = try ProtobufTests.decode(hex)
        #expect(object["immutable"] == false)
        #expect(object["data"] == ["a": ""])
    }

    @Test func omitemptyZeroIsDropped() throws {
        // A Deployment with paused=false (a plain bool, omitempty) and replicas=0 (a *int32).
        let hex = "6b387300" + "0a150a07617070732f7631120a4465706c6f796d656e74" + "120b" + "0a030a0178" + "12040800" + "3800"
        let object = try ProtobufTests.decode(hex)
        #expect(object["spec"] == ["replicas": 0])
    }
}
