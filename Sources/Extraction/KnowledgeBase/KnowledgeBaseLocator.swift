import Foundation

/// Finds the bundled knowledge-base directory without `Bundle.module`, whose accessor
/// crashes when the resource bundle is missing.
///
/// Looked for, in order: the `STANCEWIRE_BUNDLED_KNOWLEDGE_BASE` environment variable (a
/// replacement for the bundled data, unlike the `knowledge-base` setting, which extends it); a
/// `*_Extraction.resources/KnowledgeBase` (or `.bundle`) folder next to the executable, in
/// the main bundle, or in any loaded bundle; and, for development, the source tree.
enum KnowledgeBaseLocator {
    static let environmentVariable = "STANCEWIRE_BUNDLED_KNOWLEDGE_BASE"

    static func bundledDirectory() throws(ExtractionError) -> URL {
        var tried: [String] = []
        if let env = ProcessInfo.processInfo.environment[environmentVariable], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            if isKnowledgeBase(url) { return url }
            throw ExtractionError(
                code: .invalidKnowledgeBase, reason: "\(environmentVariable)=\(env) is not a knowledge-base directory (no kb.json)")
        }
        var roots: [URL] = []
        if let exe = Bundle.main.executableURL { roots.append(exe.resolvingSymlinksInPath().deletingLastPathComponent()) }
        roots.append(Bundle.main.bundleURL)
        if let res = Bundle.main.resourceURL { roots.append(res) }
        for b in Bundle.allBundles { roots.append(b.bundleURL.deletingLastPathComponent()) }
        let arg0 = CommandLine.arguments.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().deletingLastPathComponent() }
        if let arg0 { roots.append(arg0) }
        var seen = Set<String>()
        for root in roots where seen.insert(root.path).inserted {
            tried.append(root.path)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { continue }
            for name in names.sorted() where name.hasSuffix("_Extraction.resources") || name.hasSuffix("_Extraction.bundle") {
                for candidate in [
                    root.appendingPathComponent(name).appendingPathComponent("KnowledgeBase"),
                    root.appendingPathComponent(name).appendingPathComponent("Contents/Resources/KnowledgeBase"),
                ] where isKnowledgeBase(candidate) {
                    return candidate
                }
            }
        }
        // Development fallback: the source tree this file was compiled from.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/KnowledgeBase")
        if isKnowledgeBase(source) { return source }
        tried.append(source.path)
        throw ExtractionError(
            code: .invalidKnowledgeBase,
            reason: "bundled knowledge base not found (no *_Extraction.resources/KnowledgeBase in \(tried.joined(separator: ", "))); "
                + "install the resource bundle next to the executable or set \(environmentVariable)")
    }

    static func isKnowledgeBase(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(KnowledgeBase.manifestFileName).path)
    }
}
