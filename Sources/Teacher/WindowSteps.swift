/// Where one window's time went, step by step: `make bench` reports it for the heavy window, so
/// the cost of each part of the path beside LightGBM's own is measured, not estimated. Not saved.
public struct WindowSteps: Sendable {
    public enum Step: String, CaseIterable, Sendable {
        case featuresAndLabels = "features, labels and split"
        case staging = "side work started (it makes the staged directory and files, then labels.csv.gz)"
        case datasets = "LightGBM: the two Datasets"
        case training = "LightGBM: training (keeping the best iteration's probabilities), feature importance"
        case waitingForLabels = "waiting for labels.csv.gz (side work)"
        case modelFiles = "model.txt and feature_importance.csv started (made in line with no spare core)"
        case metrics = "metrics (worked out beside the training when a core is free)"
        case metadata = "metadata.json encoded"
        case waitingForModel = "waiting for model.txt (side work)"
        case commit = "metadata.json written, sync, rename"
    }

    public private(set) var durations: [Step: Duration] = [:]

    /// The time since the previous step ended (or since `start`), booked to `step`.
    struct Clock {
        private(set) var steps = WindowSteps()
        private var last = ContinuousClock.now

        mutating func finished(_ step: Step) {
            let now = ContinuousClock.now
            steps.durations[step, default: .zero] += now - last
            last = now
        }

        /// Books `part` of the time since the previous step to `step`, the rest to `rest`.
        mutating func finished(_ step: Step, taking part: Duration, rest: Step) {
            let now = ContinuousClock.now
            steps.durations[step, default: .zero] += part
            steps.durations[rest, default: .zero] += now - last - part
            last = now
        }
    }
}
