extension FieldSet {
    /// The paths in either set.
    public func union(_ other: FieldSet) -> FieldSet {
        if other.isEmpty { return self }
        if isEmpty { return other }
        var result = self
        result.formUnion(other)
        return result
    }

    /// Adds every path of `other`.
    public mutating func formUnion(_ other: FieldSet) {
        if other.isMember { isMember = true }
        for (key, child) in other.children {
            if let mine = children[key] {
                children[key] = mine.union(child)
            } else {
                children[key] = child
            }
        }
    }

    /// The paths of this set that are not in `other` (membership only: prefixes stay).
    public func subtracting(_ other: FieldSet) -> FieldSet {
        if other.isEmpty || isEmpty { return self }
        var result = FieldSet(isMember: isMember && !other.isMember)
        for (key, child) in children {
            if let theirs = other.children[key] {
                result.attach(key, child.subtracting(theirs))
            } else {
                result.children[key] = child
            }
        }
        return result
    }

    /// The paths of this set that are neither in `other` nor below one of its paths.
    public func subtractingRecursively(_ other: FieldSet) -> FieldSet {
        if other.isMember { return FieldSet() }
        if other.isEmpty || isEmpty { return self }
        var result = FieldSet(isMember: isMember)
        for (key, child) in children {
            if let theirs = other.children[key] {
                result.attach(key, child.subtractingRecursively(theirs))
            } else {
                result.children[key] = child
            }
        }
        return result
    }

    /// The paths in both sets.
    public func intersection(_ other: FieldSet) -> FieldSet {
        if other.isEmpty || isEmpty { return FieldSet() }
        var result = FieldSet(isMember: isMember && other.isMember)
        for (key, child) in children {
            if let theirs = other.children[key] {
                result.attach(key, child.intersection(theirs))
            }
        }
        return result
    }
}
