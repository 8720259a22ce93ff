import CapstanCore
import Foundation

/// Rewrites container images by name (`images`: newName, newTag, tagSuffix, digest).
struct ImageTransformer {
    var image: ImageSpec
    var fieldSpecs: FieldSpecSet

    func transform(_ resources: inout ResourceList) throws(OverlayError) {
        let pattern = try? NSRegularExpression(pattern: "^" + image.name + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$")
        let update = MetadataSetter.setScalar { [image] value in
            guard let pattern, pattern.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil else {
                return value
            }
            return ImageReference(value).updated(by: image)
        }
        for index in resources.resources.indices where resources[index].kind != "CustomResourceDefinition" {
            var object = resources[index].object
            Self.updateContainerLists(in: &object, update)
            for spec in fieldSpecs.specs {
                try FieldWalker.visit(spec, in: &object, creating: nil, update)
            }
            resources[index].object = object
        }
    }

    /// kustomize's legacy pass: every `containers`/`initContainers` list anywhere in the object.
    private static func updateContainerLists(in node: inout JSONValue, _ update: (inout JSONValue) throws(OverlayError) -> Void) {
        switch node {
        case .object(var members):
            node = .null
            for key in members.keys {
                updateContainerLists(in: &members[key]!, update)
                if key == "containers" || key == "initContainers", case .array(var containers) = members[key]! {
                    for position in containers.indices where containers[position]["image"] != nil {
                        if case .string = containers[position]["image"]! {
                            var value = containers[position]["image"]!
                            try? update(&value)
                            containers[position]["image"] = value
                        }
                    }
                    members[key] = .array(containers)
                }
            }
            node = .object(members)
        case .array(var items):
            node = .null
            for position in items.indices { updateContainerLists(in: &items[position], update) }
            node = .array(items)
        default:
            break
        }
    }
}

/// An image reference split as kustomize splits it: name, tag and digest.
struct ImageReference {
    var name: String
    var tag = ""
    var digest = ""

    init(_ text: String) {
        let slash = text.firstIndex(of: "/").flatMap { $0 == text.startIndex ? nil : $0 } ?? text.startIndex
        let searched = text[slash...]
        let at = searched.firstIndex(of: "@")
        let colon = searched.firstIndex(of: ":")
        switch (colon, at) {
        case (nil, nil):
            name = text
        case (let colon?, let at?) where colon < at:
            name = String(text[..<colon])
            tag = String(text[text.index(after: colon)..<at])
            digest = String(text[text.index(after: at)...])
        case (_, let at?):
            name = String(text[..<at])
            digest = String(text[text.index(after: at)...])
        case (let colon?, nil):
            name = String(text[..<colon])
            tag = String(text[text.index(after: colon)...])
        }
    }

    func updated(by image: ImageSpec) -> String {
        var name = self.name
        var tag = self.tag
        var digest = self.digest
        if !image.newName.isEmpty { name = image.newName }
        if !image.newTag.isEmpty && !image.digest.isEmpty {
            tag = image.newTag
            digest = image.digest
        } else if !image.newTag.isEmpty {
            tag = image.newTag
            digest = ""
        } else if !image.digest.isEmpty {
            tag = ""
            digest = image.digest
        } else if !image.tagSuffix.isEmpty {
            tag += image.tagSuffix
            digest = ""
        }
        if !tag.isEmpty { name += ":" + tag }
        if !digest.isEmpty { name += "@" + digest }
        return name
    }
}
