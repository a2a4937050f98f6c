import Breeze
import Foundation
import MarketData

/// Sends one chunk's request under the rate limits, retrying transient failures only.
/// Auth and quota failures stop the whole run.
struct ChunkRequester: Sendable {
    enum Outcome {
        case bars(BarSeries, attempts: Int)
        case noData
        case failed(ChunkFailure)
    }

    let provider: any HistoricalProvider
    let run: FetchRun
    let retry: RetryPolicy
    let bucket: TokenBucket?
    let budget: DailyCallBudget

    /// Opens the provider's session (retrying transient failures). False when the run stopped.
    func prepare() async -> Bool {
        for attempt in 1...retry.maxAttempts {
            do {
                try await spendOneCall()
                try await provider.prepare()
                return true
            } catch {
                if await shouldRetry(error, attempt: attempt) { continue }
                // Without a session nothing can be fetched, whatever the error's class.
                let classified = error as? ClassifiedError
                await run.stopRun(FetchStop(failureClass: Self.failureClass(error),
                                            message: "could not open a session: \(classified?.description ?? "\(error)")",
                                            remedy: classified?.remedy))
                return false
            }
        }
        return false
    }

    func request(_ chunk: FetchChunk) async -> Outcome {
        var lastError: Error = CancellationError()
        var attempts = 0
        for attempt in 1...retry.maxAttempts {
            if let stop = await run.stop {
                return .failed(ChunkFailure(chunk: chunk, failureClass: stop.failureClass,
                                            reason: "not attempted: run stopped (\(stop.message))", attempts: attempts))
            }
            attempts = attempt
            do {
                try await spendOneCall()
                return .bars(try await provider.bars(stockCode: chunk.stockCode, interval: chunk.interval, days: chunk.range), attempts: attempt)
            } catch let error as BreezeError where error == .noData {
                return .noData
            } catch {
                lastError = error
                if await !shouldRetry(error, attempt: attempt) {
                    return .failed(failure(chunk, error, attempts: attempt))
                }
            }
        }
        return .failed(failure(chunk, lastError, attempts: retry.maxAttempts))
    }

    private func spendOneCall() async throws {
        try await bucket?.acquire()
        try await budget.consume()
        await run.countRequest()
    }

    /// Sleeps and returns true when `error` is transient and attempts remain; stops the run
    /// on auth, quota and cancellation.
    private func shouldRetry(_ error: Error, attempt: Int) async -> Bool {
        let failureClass = Self.failureClass(error)
        switch failureClass {
        case .auth, .quota:
            let classified = error as? ClassifiedError
            await run.stopRun(FetchStop(failureClass: failureClass, message: classified?.description ?? "\(error)", remedy: classified?.remedy))
            return false
        case .transient where attempt < retry.maxAttempts:
            let wait = retry.delay(afterAttempt: attempt, retryAfterSeconds: (error as? BreezeError)?.retryAfterSeconds)
            do {
                try await Task.sleep(for: wait)
                return true
            } catch {
                await run.stopRun(FetchStop(failureClass: .internal, message: "cancelled", remedy: .advice("rerun the same command; it resumes")))
                return false
            }
        default:
            if error is CancellationError {
                await run.stopRun(FetchStop(failureClass: .internal, message: "cancelled", remedy: .advice("rerun the same command; it resumes")))
            }
            return false
        }
    }

    private func failure(_ chunk: FetchChunk, _ error: Error, attempts: Int) -> ChunkFailure {
        ChunkFailure(chunk: chunk, failureClass: Self.failureClass(error),
                     reason: (error as? ClassifiedError)?.description ?? "\(error)", attempts: attempts)
    }

    static func failureClass(_ error: Error) -> FailureClass {
        (error as? ClassifiedError)?.failureClass ?? .internal
    }
}
