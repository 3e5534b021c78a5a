#!/usr/bin/env python3
"""Peer model for the decision benchmark: scikit-learn's HistGradientBoosting on the same cases and features.

Reads a CSV written by sklearn-peer.ts (the encoded feature columns, then `target` and `split`), fits on the rows
marked `train` with default settings (categorical columns declared as such; `--loss absolute_error` for the
absolute loss; `--interactions pairwise` or `none` to restrict which inputs a tree may combine), predicts the rows marked `test`, and
writes one prediction per line (a value, or the class probabilities separated by spaces). Prints a JSON line with
the timings. Never a runtime dependency of the workstation: it only gives the benchmark and the real-data tests a
reference to compare against.
"""
import argparse
import csv
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--task", choices=["regression", "classification"], required=True)
    parser.add_argument("--categorical", default="", help="comma-separated indexes of categorical columns")
    parser.add_argument("--predictions", required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--loss", choices=["squared_error", "absolute_error"], default="squared_error", help="regression loss")
    parser.add_argument(
        "--interactions",
        choices=["all", "pairwise", "none"],
        default="all",
        help="which inputs one tree may combine: any, at most two on a path (a GA2M), or one (a GAM)",
    )
    args = parser.parse_args()

    with open(args.data, newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = list(reader)
    features = len(header) - 2
    x = np.array([[float(v) for v in row[:features]] for row in rows], dtype=np.float64)
    y = np.array([float(row[features]) for row in rows], dtype=np.float64)
    is_train = np.array([row[features + 1] == "train" for row in rows])

    categorical = np.zeros(features, dtype=bool)
    for index in filter(None, args.categorical.split(",")):
        categorical[int(index)] = True
    mask = categorical if categorical.any() else None
    constraints = {"all": None, "pairwise": "pairwise", "none": "no_interactions"}[args.interactions]
    if args.task == "regression":
        model = HistGradientBoostingRegressor(loss=args.loss, categorical_features=mask, interaction_cst=constraints, random_state=args.seed)
    else:
        model = HistGradientBoostingClassifier(categorical_features=mask, interaction_cst=constraints, random_state=args.seed)

    started = time.perf_counter()
    model.fit(x[is_train], y[is_train] if args.task == "regression" else y[is_train].astype(int))
    fit_seconds = time.perf_counter() - started
    started = time.perf_counter()
    test = x[~is_train]
    predicted = model.predict(test) if args.task == "regression" else model.predict_proba(test)
    predict_seconds = time.perf_counter() - started

    with open(args.predictions, "w") as out:
        for value in predicted:
            out.write((" ".join(repr(float(v)) for v in value) if np.ndim(value) else repr(float(value))) + "\n")
    json.dump(
        {
            "sklearn": sklearn.__version__,
            "fitSeconds": fit_seconds,
            "predictSeconds": predict_seconds,
            "iterations": int(model.n_iter_),
            "train": int(is_train.sum()),
            "test": int((~is_train).sum()),
            "threads": os.environ.get("OMP_NUM_THREADS", "all cores"),
        },
        sys.stdout,
    )
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
