"""numpy side of scripts/bench-svd.ts: times LAPACK's SVD (dgesdd via np.linalg.svd, thin U and V) on the
channel matrices the bench wrote, and returns the singular values. Input: a raw float64 file holding
`channels` matrices of rows x cols, row-major. Output: one JSON line."""
import json
import sys
import time

import numpy as np

path, channels, rows, cols, reps = sys.argv[1], *map(int, sys.argv[2:6])
data = np.fromfile(path, dtype=np.float64).reshape(channels, rows, cols)
np.linalg.svd(np.ones((8, 8)))  # load LAPACK before timing
times, cpu, values = [], [], []
for rep in range(reps):
    per_channel, per_channel_cpu = [], []
    for c in range(channels):
        start, start_cpu = time.perf_counter(), time.process_time()
        _, s, _ = np.linalg.svd(data[c], full_matrices=False)
        per_channel.append((time.perf_counter() - start) * 1000)
        per_channel_cpu.append((time.process_time() - start_cpu) * 1000)
        if rep == 0:
            values.append(s.tolist())
    times.append(per_channel)
    cpu.append(per_channel_cpu)
print(json.dumps({"times": times, "cpu": cpu, "values": values, "numpy": np.__version__}))
