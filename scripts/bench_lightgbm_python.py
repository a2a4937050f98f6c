#!/usr/bin/env python3
"""Times Python's `lightgbm.train` on a window the Swift bench wrote (`sensequant bench`).

Usage: bench_lightgbm_python.py JOB_DIR

JOB_DIR holds what the bench wrote: `job.json` (column count, feature names, LightGBM
parameters as strings, runs, warm-up runs) and the matrices as raw little-endian float64,
row-major: `train.f64`, `train_labels.f64`, `valid.f64`, `valid_labels.f64`. The script
writes `result.json`: seconds per timed run of `lightgbm.train` (which includes building
the lazy Datasets, as a Python user's call does), iterations run, best iteration, and the
SHA-256 of the model's trees (the text from `Tree=0` to `end of trees`), so the bench can
say whether Python grew the same trees.
"""
import hashlib
import json
import os
import sys
import time

import lightgbm as lgb
import numpy as np


def load(job_dir, name, columns):
    values = np.fromfile(os.path.join(job_dir, name), dtype="<f8")
    return values.reshape(-1, columns) if columns else values


def trees_text(model):
    return model[model.index("Tree=0"):model.index("end of trees")]


def main(job_dir):
    with open(os.path.join(job_dir, "job.json")) as f:
        job = json.load(f)
    columns = job["columns"]
    train_x, valid_x = load(job_dir, "train.f64", columns), load(job_dir, "valid.f64", columns)
    train_y, valid_y = load(job_dir, "train_labels.f64", 0), load(job_dir, "valid_labels.f64", 0)
    params = dict(job["parameters"])
    # The loop's own arguments, as the Swift trainer reads them from the same parameters.
    rounds = int(params.pop("num_iterations"))
    patience = int(params.pop("early_stopping_round", "0"))

    def train_once():
        grown = []
        callbacks = [lambda env: grown.append(env.iteration + 1)]
        if patience > 0:
            callbacks.append(lgb.early_stopping(patience, first_metric_only=True, verbose=False))
        train = lgb.Dataset(train_x, train_y, feature_name=job["feature_names"], params=params, free_raw_data=False)
        valid = lgb.Dataset(valid_x, valid_y, reference=train, params=params, free_raw_data=False)
        start = time.perf_counter()
        booster = lgb.train(params, train, num_boost_round=rounds, valid_sets=[valid], callbacks=callbacks)
        return time.perf_counter() - start, booster, (grown[-1] if grown else 0)

    for _ in range(job["warmup"]):
        train_once()
    seconds = []
    for _ in range(job["runs"]):
        elapsed, booster, iterations_run = train_once()
        seconds.append(elapsed)
    best = booster.best_iteration if booster.best_iteration > 0 else iterations_run
    model = booster.model_to_string(num_iteration=best)
    result = {
        "lightgbm_version": lgb.__version__,
        "library": os.path.join(os.path.dirname(lgb.__file__), "lib", "lib_lightgbm.so"),
        "seconds": seconds,
        "iterations_run": iterations_run,
        "best_iteration": best,
        "trees_sha256": hashlib.sha256(trees_text(model).encode()).hexdigest(),
    }
    with open(os.path.join(job_dir, "result.json"), "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
