/// Helm's template functions (include, tpl, required, toYaml, …).
public enum HelmFunctions {
    public static var table: FunctionTable {
        let t = FunctionTable()
        return t
    }
}
