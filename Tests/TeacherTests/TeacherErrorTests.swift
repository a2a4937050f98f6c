import LightGBM
import MarketData
import Testing
@testable import Teacher

@Suite struct TeacherErrorTests {
    @Test func aMissingLibraryIsAModelErrorWithTheInstallFix() {
        let error = TeacherError.model(.libraryUnavailable(attempts: ["/nope/lib_lightgbm.so: no such file"]))
        #expect(error.failureClass == .modelError)
        #expect(!error.failureClass.isRetryable)
        #expect(error.message == "LightGBM 4.6.0 library not found (tried: /nope/lib_lightgbm.so: no such file)")
        #expect(error.remedy == "run: make setup (installs lightgbm==4.6.0), or set LIGHTGBM_LIB=/path/to/lib_lightgbm.so")
    }

    @Test func aLightGBMRejectionIsAModelErrorWithoutAnInstallFix() {
        let error = TeacherError.model(.call(function: "LGBM_BoosterCreate", message: "Unknown objective type name: x"))
        #expect(error.failureClass == .modelError)
        #expect(error.remedy == nil)
        #expect(error.description == "LightGBM LGBM_BoosterCreate failed: Unknown objective type name: x")
    }

    @Test func labelTimestampsMatchTheCacheFormat() {
        for epoch: Int64 in [0, 1_704_133_800, 1_704_133_800 + 33_300, 951_782_400, 4_102_444_800 - 1] {
            #expect(TimestampText.ist(epoch) == IST.format(epoch))
        }
    }
}
