import Applier
import CapstanCore
import Testing

@Suite struct InventoryTests {
    let inventory = Inventory(app: "shop", objects: [
        ObjectReference(apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web"),
        ObjectReference(apiVersion: "v1", kind: "Namespace", name: "shop"),
    ])

    @Test func roundTripsThroughConfigMap() throws {
        let configMap = inventory.configMap()
        #expect(configMap.value(at: ["metadata", "name"]) == "capstan-inventory-shop")
        #expect(configMap.value(at: ["metadata", "namespace"]) == "capstan-system")
        #expect(try Inventory(configMap: configMap) == inventory)
    }

    @Test func encodingIsDeterministic() {
        let reordered = Inventory(app: "shop", objects: Set(inventory.objects.reversed()))
        #expect(reordered.configMap().serialized() == inventory.configMap().serialized())
        #expect(inventory.configMap().value(at: ["data", "objects"]) == .string(
            #"{"apiVersion":"v1","kind":"Namespace","name":"shop","namespace":""}"# + "\n"
                + #"{"apiVersion":"apps/v1","kind":"Deployment","name":"web","namespace":"shop"}"# + "\n"))
    }

    @Test func refusesUnreadableEntries() {
        var configMap = inventory.configMap()
        configMap.setValue("not json", at: ["data", "objects"])
        #expect(throws: InventoryDecodingError.self) { try Inventory(configMap: configMap) }
    }
}
