#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// LightGBM's opaque `DatasetHandle` / `BoosterHandle` (`void*`).
typealias LGBMHandle = UnsafeMutableRawPointer
typealias CString = UnsafePointer<CChar>

/// Constants of LightGBM's `c_api.h` (4.x).
enum CAPIConstant {
    static let dtypeFloat32: Int32 = 0
    static let dtypeFloat64: Int32 = 1
    static let rowMajor: Int32 = 1
    static let predictNormal: Int32 = 0
    static let importanceSplit: Int32 = 0
    static let importanceGain: Int32 = 1
}

/// The C functions this package calls, resolved with `dlsym`. The signatures are those of
/// LightGBM 4.6's `c_api.h`, declared here so no header is needed at build time.
struct CAPI {
    typealias GetLastError = @convention(c) () -> CString?
    typealias DumpParamAliases = @convention(c) (Int64, UnsafeMutablePointer<Int64>?, UnsafeMutablePointer<CChar>?) -> Int32
    typealias DatasetCreateFromMat = @convention(c) (
        UnsafeRawPointer?, Int32, Int32, Int32, Int32, CString?, LGBMHandle?, UnsafeMutablePointer<LGBMHandle?>?
    ) -> Int32
    typealias DatasetSetField = @convention(c) (LGBMHandle?, CString?, UnsafeRawPointer?, Int32, Int32) -> Int32
    typealias DatasetSetFeatureNames = @convention(c) (LGBMHandle?, UnsafeMutablePointer<CString?>?, Int32) -> Int32
    typealias HandleFree = @convention(c) (LGBMHandle?) -> Int32
    typealias BoosterCreate = @convention(c) (LGBMHandle?, CString?, UnsafeMutablePointer<LGBMHandle?>?) -> Int32
    typealias BoosterCreateFromText = @convention(c) (CString?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<LGBMHandle?>?) -> Int32
    typealias BoosterAddValidData = @convention(c) (LGBMHandle?, LGBMHandle?) -> Int32
    typealias BoosterIntOut = @convention(c) (LGBMHandle?, UnsafeMutablePointer<Int32>?) -> Int32
    typealias BoosterRollbackOneIter = @convention(c) (LGBMHandle?) -> Int32
    typealias BoosterGetEvalNames = @convention(c) (
        LGBMHandle?, Int32, UnsafeMutablePointer<Int32>?, Int, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    ) -> Int32
    typealias BoosterGetEval = @convention(c) (LGBMHandle?, Int32, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Double>?) -> Int32
    typealias BoosterGetNumPredict = @convention(c) (LGBMHandle?, Int32, UnsafeMutablePointer<Int64>?) -> Int32
    typealias BoosterGetPredict = @convention(c) (LGBMHandle?, Int32, UnsafeMutablePointer<Int64>?, UnsafeMutablePointer<Double>?) -> Int32
    typealias BoosterCalcNumPredict = @convention(c) (LGBMHandle?, Int32, Int32, Int32, Int32, UnsafeMutablePointer<Int64>?) -> Int32
    typealias BoosterPredictForMat = @convention(c) (
        LGBMHandle?, UnsafeRawPointer?, Int32, Int32, Int32, Int32, Int32, Int32, Int32, CString?,
        UnsafeMutablePointer<Int64>?, UnsafeMutablePointer<Double>?
    ) -> Int32
    typealias BoosterSaveModelToString = @convention(c) (
        LGBMHandle?, Int32, Int32, Int32, Int64, UnsafeMutablePointer<Int64>?, UnsafeMutablePointer<CChar>?
    ) -> Int32
    typealias BoosterFeatureImportance = @convention(c) (LGBMHandle?, Int32, Int32, UnsafeMutablePointer<Double>?) -> Int32

    let getLastError: GetLastError
    let dumpParamAliases: DumpParamAliases
    let datasetCreateFromMat: DatasetCreateFromMat
    let datasetSetField: DatasetSetField
    let datasetSetFeatureNames: DatasetSetFeatureNames
    let datasetFree: HandleFree
    let boosterCreate: BoosterCreate
    let boosterCreateFromModelfile: BoosterCreateFromText
    let boosterLoadModelFromString: BoosterCreateFromText
    let boosterFree: HandleFree
    let boosterAddValidData: BoosterAddValidData
    let boosterUpdateOneIter: BoosterIntOut
    let boosterRollbackOneIter: BoosterRollbackOneIter
    let boosterGetCurrentIteration: BoosterIntOut
    let boosterGetEvalCounts: BoosterIntOut
    let boosterGetEvalNames: BoosterGetEvalNames
    let boosterGetEval: BoosterGetEval
    let boosterGetNumPredict: BoosterGetNumPredict
    let boosterGetPredict: BoosterGetPredict
    let boosterGetNumFeature: BoosterIntOut
    let boosterCalcNumPredict: BoosterCalcNumPredict
    let boosterPredictForMat: BoosterPredictForMat
    let boosterSaveModelToString: BoosterSaveModelToString
    let boosterFeatureImportance: BoosterFeatureImportance

    /// Resolves every symbol; throws `missingSymbols` naming all that are absent.
    init(handle: UnsafeMutableRawPointer, path: String) throws {
        var resolver = SymbolResolver(handle: handle)
        getLastError = resolver.resolve("LGBM_GetLastError")
        dumpParamAliases = resolver.resolve("LGBM_DumpParamAliases")
        datasetCreateFromMat = resolver.resolve("LGBM_DatasetCreateFromMat")
        datasetSetField = resolver.resolve("LGBM_DatasetSetField")
        datasetSetFeatureNames = resolver.resolve("LGBM_DatasetSetFeatureNames")
        datasetFree = resolver.resolve("LGBM_DatasetFree")
        boosterCreate = resolver.resolve("LGBM_BoosterCreate")
        boosterCreateFromModelfile = resolver.resolve("LGBM_BoosterCreateFromModelfile")
        boosterLoadModelFromString = resolver.resolve("LGBM_BoosterLoadModelFromString")
        boosterFree = resolver.resolve("LGBM_BoosterFree")
        boosterAddValidData = resolver.resolve("LGBM_BoosterAddValidData")
        boosterUpdateOneIter = resolver.resolve("LGBM_BoosterUpdateOneIter")
        boosterRollbackOneIter = resolver.resolve("LGBM_BoosterRollbackOneIter")
        boosterGetCurrentIteration = resolver.resolve("LGBM_BoosterGetCurrentIteration")
        boosterGetEvalCounts = resolver.resolve("LGBM_BoosterGetEvalCounts")
        boosterGetEvalNames = resolver.resolve("LGBM_BoosterGetEvalNames")
        boosterGetEval = resolver.resolve("LGBM_BoosterGetEval")
        boosterGetNumPredict = resolver.resolve("LGBM_BoosterGetNumPredict")
        boosterGetPredict = resolver.resolve("LGBM_BoosterGetPredict")
        boosterGetNumFeature = resolver.resolve("LGBM_BoosterGetNumFeature")
        boosterCalcNumPredict = resolver.resolve("LGBM_BoosterCalcNumPredict")
        boosterPredictForMat = resolver.resolve("LGBM_BoosterPredictForMat")
        boosterSaveModelToString = resolver.resolve("LGBM_BoosterSaveModelToString")
        boosterFeatureImportance = resolver.resolve("LGBM_BoosterFeatureImportance")
        if !resolver.missing.isEmpty {
            throw LightGBMError.missingSymbols(path: path, names: resolver.missing)
        }
    }
}

/// Looks symbols up and remembers the missing ones, so one error can name them all.
private struct SymbolResolver {
    let handle: UnsafeMutableRawPointer
    var missing: [String] = []

    mutating func resolve<F>(_ name: String) -> F {
        guard let symbol = dlsym(handle, name) else {
            missing.append(name)
            // Never called: the initializer throws before any resolved function is used.
            return unsafeBitCast(Self.unresolved as @convention(c) () -> Void, to: F.self)
        }
        return unsafeBitCast(symbol, to: F.self)
    }

    private static let unresolved: @convention(c) () -> Void = {}
}

/// Text LightGBM wrote into a caller's buffer, up to its terminating NUL.
enum CText {
    static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
