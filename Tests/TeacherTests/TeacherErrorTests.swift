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
        #expect(error.remedy?.description == "run: make setup (installs lightgbm==4.6.0), or set LIGHTGBM_LIB=/path/to/lib_lightgbm.so")
    }

    @Test func aLightGBMRejectionIsAModelErrorWithoutAnInstallFix() {
        let error = TeacherError.model(.call(function: "LGBM_BoosterCreate", message: "Unknown objective type name: x"))
        #expect(error.failureClass == .modelError)
        #expect(error.remedy == nil)
        #expect(error.description == "LightGBM LGBM_BoosterCreate failed: Unknown objective type name: x")
    }

    @Test func labelTimestampsUseTheCacheFormat() {
        #expect(IST.format(0) == "1970-01-01 05:30:00+05:30")
        #expect(IST.format(1_704_133_800) == "2024-01-02 00:00:00+05:30")
        #expect(IST.format(1_704_133_800 + 33_300) == "2024-01-02 09:15:00+05:30")
        #expect(IST.format(4_102_444_800 - 1) == "2100-01-01 05:29:59+05:30")
    }
}
