import Foundation
import Testing

@testable import Extraction

/// The third held-out-style set (`Resources/GeneralizationSet3`: invented articles, half on
/// Ukraine-related diplomacy from angles the other sets miss, half on other negotiations),
/// written and annotated before the engine ran on it. Its first run (entity F1 0.916, stance F1
/// 0.469) is the latest honest estimate for unseen text; see its README.
@Suite("Generalisation set 3 (fresh text, two halves)")
struct GeneralizationSet3Tests {
    static let folder = "GeneralizationSet3"

    @Test func everyGoldDocumentOfTheThirdSetHasAnArticleAndTheSetHasTenOrMore() throws {
        let s = try GeneralizationSetTests.run(Self.folder)
        #expect(s.documents >= 10)
    }

    @Test func entityF1OnTheThirdSetMeetsTheHeldOutTarget() throws {
        let e = try GeneralizationSetTests.run(Self.folder).entity
        let m = GeneralizationSetTests.f1(tp: e.tp, fp: e.fp, fn: e.fn)
        #expect(m.f1 >= 0.85, "entity P=\(m.p) R=\(m.r) F1=\(m.f1) (tp=\(e.tp) fp=\(e.fp) fn=\(e.fn))")
    }

    /// The held-out stance target (0.50) is not met on this set; this guards the first-run level
    /// (0.456–0.469 with score.py) against regressions instead.
    @Test func stanceF1OnTheThirdSetDoesNotFallBelowItsFirstRun() throws {
        let st = try GeneralizationSetTests.run(Self.folder).stance
        let m = GeneralizationSetTests.f1(tp: st.tp, fp: st.fp, fn: st.fn)
        #expect(m.f1 >= 0.45, "stance P=\(m.p) R=\(m.r) F1=\(m.f1) (tp=\(st.tp) fp=\(st.fp) fn=\(st.fn))")
    }
}
