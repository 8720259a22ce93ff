enum SprigStrings {
    static func register(_ t: inout FunctionTable) {
    }
}
