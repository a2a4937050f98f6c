import LightGBM
import MarketData

/// A failure of one window, classified by the shared taxonomy, with a remedy where one exists.
public struct TeacherError: ClassifiedError, Equatable, Sendable {
    public let failureClass: FailureClass
    public let message: String
    public let remedy: Remedy?

    public var description: String { message }

    /// The window holds no bars at all.
    public static func dataMissing(symbol: String, window: DayRange, interval: Interval) -> TeacherError {
        TeacherError(
            failureClass: .dataMissing,
            message: "No data returned for \(symbol)",
            remedy: .fetch(FetchRemedy(symbols: [symbol], range: window, interval: interval)))
    }

    static let shorterHorizon = Remedy.advice("use a longer window or a shorter --forecast-horizon")

    /// Too few labelled rows to train on (the original's wording).
    public static func insufficientData(rows: Int, minimum: Int) -> TeacherError {
        TeacherError(
            failureClass: .insufficientData,
            message: "Insufficient samples for training: \(rows) < \(minimum) minimum",
            remedy: shorterHorizon)
    }

    public static func insufficientData(_ message: String) -> TeacherError {
        TeacherError(failureClass: .insufficientData, message: message, remedy: shorterHorizon)
    }

    public static func invalidInput(_ message: String) -> TeacherError {
        TeacherError(failureClass: .invalidInput, message: message, remedy: nil)
    }

    /// LightGBM refused the data or parameters, or could not be loaded.
    public static func model(_ error: LightGBMError) -> TeacherError {
        if error.isDeviceUnsupported {
            return TeacherError(failureClass: .modelError,
                                message: "\(error.summary): the loaded LightGBM library cannot use the device the parameters ask for",
                                remedy: .advice(DeviceSupport.remedy))
        }
        return TeacherError(
            failureClass: .modelError,
            message: error.summary,
            remedy: error.isLibraryProblem ? .advice(LightGBMError.installRemedy) : nil)
    }

    /// Writing the artifacts failed (disk full, permissions).
    public static func artifacts(_ error: Error, directory: String) -> TeacherError {
        TeacherError(failureClass: .internal, message: "could not write artifacts to \(directory): \(error)", remedy: nil)
    }
}
