/// Sprig 3.2.3's function library, as Helm ships it (without env/expandenv; random and clock functions deterministic).
public enum Sprig {
    public static let table: FunctionTable = {
        var t = FunctionTable()
        SprigStrings.register(&t)
        SprigLists.register(&t)
        SprigDicts.register(&t)
        SprigMath.register(&t)
        SprigDefaults.register(&t)
        SprigEncoding.register(&t)
        SprigRegex.register(&t)
        SprigSemver.register(&t)
        SprigDates.register(&t)
        SprigPaths.register(&t)
        SprigRandom.register(&t)
        SprigAES.register(&t)
        return t
    }()
}
