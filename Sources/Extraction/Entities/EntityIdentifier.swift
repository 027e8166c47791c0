import Foundation

/// Stable entity ids: the type's lowercase name, a colon and a slug of the canonical name
/// (`person:volodymyr-zelensky`, `gpe:united-states`). Latin diacritics are folded so
/// "Orbán" and "Orban" share an id.
enum EntityIdentifier {
    static func make(type: EntityType, name: String) -> String {
        let prefix: String
        switch type {
        case .person: prefix = "person:"
        case .org: prefix = "org:"
        case .gpe: prefix = "gpe:"
        case .loc: prefix = "loc:"
        }
        return prefix + slug(name)
    }

    /// Lowercase letters and digits; runs of anything else become one hyphen.
    static func slug(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingHyphen = false
        let folded = name.unicodeScalars.allSatisfy { $0.isASCII } ? name : name.decomposedStringWithCanonicalMapping
        for c in folded.unicodeScalars {
            if ScalarClass.isMark(c) { continue }
            if ScalarClass.isLetter(c) || ScalarClass.isDigit(c) {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                if c.isASCII {
                    out.append(c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(c.value + 32)! : c)
                } else {
                    out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
                }
            } else if ScalarClass.isApostrophe(c) || c == "." {
                continue  // "Sa'ar" → "saar", "U.S." → "us"
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "unnamed" : String(out)
    }
}
