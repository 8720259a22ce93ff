/// The labels and annotations through which Capstan marks, orders and protects the objects it applies.
public enum AnnotationKeys {
    public static let managedBy = "app.kubernetes.io/managed-by"
    public static let managedByValue = "capstan"
    public static let app = "capstan.dev/app"
    public static let revision = "capstan.dev/revision"
    public static let bundleDigest = "capstan.dev/bundle-digest"
    public static let appliedHash = "capstan.dev/applied-hash"
    public static let wave = "capstan.dev/wave"
    public static let prune = "capstan.dev/prune"
    public static let pruneDisabled = "disabled"
    public static let inventoryLabel = "capstan.dev/inventory"
    /// On an inventory ConfigMap: "true" after SUSPEND, "false" after RESUME.
    public static let suspended = "capstan.dev/suspended"
    /// On an inventory ConfigMap: the bundle digest the app was last Ready at (for dependents on other shards).
    public static let readyBundle = "capstan.dev/ready-bundle"
}
