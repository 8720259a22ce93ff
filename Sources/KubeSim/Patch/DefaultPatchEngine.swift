/// Picks the patch engine the emulator uses unless a test injects another.
public enum DefaultPatchEngine {
    public static func make() -> any PatchEngine { PatchingEngine() }
}
