import Foundation
import Testing

@testable import Extraction

/// The fourth held-out-style set (`Resources/GeneralizationSet4`: invented articles, four on
/// Ukraine diplomacy from angles the other sets miss, six on other negotiations), written and
/// annotated blind before the engine ran on it. Its first run (entity F1 0.868, stance F1
/// 0.387) is the latest honest estimate for unseen text; see its README.
@Suite("Generalisation set 4 (fresh text, written blind)")
struct GeneralizationSet4Tests {
    static let folder = "GeneralizationSet4"

    @Test func everyGoldDocumentOfTheFourthSetHasAnArticleAndTheSetHasTenOrMore() throws {
        let s = try GeneralizationSetTests.run(Self.folder)
        #expect(s.documents >= 10)
    }

    @Test func entityF1OnTheFourthSetMeetsTheHeldOutTarget() throws {
        let e = try GeneralizationSetTests.run(Self.folder).entity
        let m = GeneralizationSetTests.f1(tp: e.tp, fp: e.fp, fn: e.fn)
        #expect(m.f1 >= 0.85, "entity P=\(m.p) R=\(m.r) F1=\(m.f1) (tp=\(e.tp) fp=\(e.fp) fn=\(e.fn))")
    }

    /// The held-out stance target (0.50) is far from met on this set (first run 0.385–0.387 with
    /// score.py); this guards the first-run level against regressions.
    @Test func stanceF1OnTheFourthSetDoesNotFallBelowItsFirstRun() throws {
        let st = try GeneralizationSetTests.run(Self.folder).stance
        let m = GeneralizationSetTests.f1(tp: st.tp, fp: st.fp, fn: st.fn)
        #expect(m.f1 >= 0.38, "stance P=\(m.p) R=\(m.r) F1=\(m.f1) (tp=\(st.tp) fp=\(st.fp) fn=\(st.fn))")
    }
}
