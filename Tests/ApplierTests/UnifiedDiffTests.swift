import Applier
import Testing

@Suite struct UnifiedDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(UnifiedDiff.diff(old: "a\nb\n", new: "a\nb\n", oldName: "live", newName: "merged") == "")
    }

    @Test func changedLineWithContext() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\n", new = "a\nb\nc\nd\nE\nf\ng\nh\n"
        #expect(UnifiedDiff.diff(old: old, new: new, oldName: "live", newName: "merged") == """
            --- live
            +++ merged
            @@ -2,7 +2,7 @@
             b
             c
             d
            -e
            +E
             f
             g
             h

            """)
    }

    @Test func creationFromNothing() {
        #expect(UnifiedDiff.diff(old: "", new: "x\ny\n", oldName: "live", newName: "merged") == "--- live\n+++ merged\n@@ -0,0 +1,2 @@\n+x\n+y\n")
    }
}
