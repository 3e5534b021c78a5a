"""PAD baselines on the same split as the Dalel model: scikit-learn logistic regression and random forest.

Usage: /usr/bin/python3 pad-sklearn.py CARDS.csv SPLIT.json
SPLIT.json: {"train": [row indices], "test": [row indices]} (0-based data rows, as scripts/baselines/pad-baselines.ts
writes it). Prints one JSON object: accuracy of each model for identity (Contains) and concentration (Drug % among
20/50/80/100 rows), with the features the Dalel model uses (RGB/255 and chromaticity, standardised).
"""
import csv
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

cards_file, split_file = sys.argv[1], sys.argv[2]
with open(cards_file, newline='') as f:
    reader = csv.reader(f)
    header = next(reader)
    rows = list(reader)
columns = [f'{lane}{region}-{c}' for lane in 'ABCDEFGHIJKL' for region in range(1, 11) for c in 'RGB']
at = [header.index(c) for c in columns]
X = np.array([[float(r[i]) for i in at] for r in rows])
contains = np.array([r[header.index('Contains')] for r in rows])
percent = np.array([int(float(r[header.index('Drug %')])) for r in rows])
n = len(X)
regions = X.reshape(n, 120, 3)
features = np.concatenate([X / 255, (regions / (regions.sum(-1, keepdims=True) + 1)).reshape(n, -1)], 1)
split = json.load(open(split_file))
train, test = np.array(split['train']), np.array(split['test'])

out = {'sklearn': sklearn.__version__, 'trainRows': len(train), 'testRows': len(test)}
models = {
    'logistic-regression': lambda: make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=5000)),
    'random-forest': lambda: RandomForestClassifier(n_estimators=500, random_state=0, n_jobs=-1),
}
for task, y, keep in [('identity', contains, np.ones(n, bool)), ('concentration', percent, np.isin(percent, [20, 50, 80, 100]))]:
    tr, te = train[keep[train]], test[keep[test]]
    for name, make in models.items():
        started = time.time()
        model = make().fit(features[tr], y[tr])
        accuracy = float((model.predict(features[te]) == y[te]).mean())
        out[f'{task}.{name}'] = {'accuracy': accuracy, 'testRows': int(len(te)), 'seconds': round(time.time() - started, 2)}
print(json.dumps(out))
