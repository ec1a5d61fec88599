import Foundation
import Testing
import TestSupport

@Suite("Tests that need the shared data skip with a reason")
struct SharedDataSkipTests {
    @Test("a missing shared folder gives a reason naming the path that was looked for")
    func reasonWhenTheFolderIsMissing() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("no-shared-\(UUID().uuidString)")
        let reason = try #require(TestPaths.missingSharedReason("corpora/nottingham", root: root))
        #expect(reason.contains("../shared/corpora/nottingham"))
        #expect(reason.contains(root.path), "names where it looked: \(reason)")
    }

    @Test("a present file gives no reason; a missing file in a present folder names the file")
    func reasonWhenTheFileIsMissing() throws {
        let root = try TestPaths.makeTemporaryDirectory("shared")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("x".utf8).write(to: root.appendingPathComponent("here.txt"))
        #expect(TestPaths.missingSharedReason("here.txt", root: root) == nil)
        let reason = try #require(TestPaths.missingSharedReason("gone.txt", root: root))
        #expect(reason.contains(root.appendingPathComponent("gone.txt").path))
    }

    @Test("the trait disables the test and carries the reason as its comment when data is missing")
    func traitCarriesTheReason() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("no-shared-\(UUID().uuidString)")
        let trait: ConditionTrait = .requiresShared("oracle/seqgan-oracle.safetensors", root: root)
        #expect(try await trait.evaluate() == false)
        let comment = try #require(trait.comments.first)
        #expect(comment.rawValue.contains("../shared/oracle/seqgan-oracle.safetensors"))
        let present = try TestPaths.makeTemporaryDirectory("shared")
        defer { try? FileManager.default.removeItem(at: present) }
        #expect(try await ConditionTrait.requiresShared(".", root: present).evaluate() == true)
    }
}
