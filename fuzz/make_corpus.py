#!/usr/bin/env python3
"""Writes the seed corpora of fuzz/corpus/<target>/ from the bundled examples
(resources/examples) and the reference models (tests/reference/models).

    python3 fuzz/make_corpus.py

Each file is named after what it holds; running it again gives the same files.
The expression target's first byte chooses a field of fuzz/BaseModel.cpp's
base model; the field order is read from that file."""

import json
import re
import sqlite3
import struct
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
BARE_EXPRESSION, BARE_STATEMENTS, BARE_EQUATIONS = 255, 254, 253


def models():
    for folder in (ROOT / "resources" / "examples", ROOT / "tests" / "reference" / "models"):
        for path in sorted(folder.glob("*.json")):
            yield path, json.loads(path.read_text())


def field_order():
    source = (ROOT / "fuzz" / "BaseModel.cpp").read_text()
    return re.findall(r'\{"([A-Za-z_.]+)", \[\]', source)


def text(value):
    return value if isinstance(value, str) else json.dumps(value)


def model_texts(model):
    """(base model field, text) for every Brian2 text in a model."""
    yield "model.dt", text(model.get("dt", "0.1*ms"))
    yield "model.duration", text(model.get("duration", "1*ms"))
    for value in model.get("constants", {}).values():
        yield "constants.tau", text(value)
    for group in model.get("groups", []):
        for key, field in (("equations", "G.equations"), ("threshold", "G.threshold"),
                           ("reset", "G.reset"), ("refractory", "G.refractory"),
                           ("method", "G.method"), ("rates", "P.rates"), ("period", "SG.period")):
            if key in group:
                yield field, text(group[key])
        for value in group.get("initial", {}).values():
            yield "G.initial.v", text(value)
        for value in group.get("times", []):
            yield "SG.times", text(value)
    for synapses in model.get("synapses", []):
        for key, field in (("model", "S.model"), ("on_pre", "S.on_pre"),
                           ("on_post", "S.on_post"), ("delay", "S.delay"), ("method", "S.method")):
            if key in synapses:
                yield field, text(synapses[key])
        connect = synapses.get("connect", {})
        for key, field in (("condition", "S.connect.condition"), ("p", "S.connect.p"),
                           ("n", "S.connect.n")):
            if key in connect:
                yield field, text(connect[key])
        if isinstance(connect.get("j"), str):
            yield "R.connect.j", connect["j"]
        for value in synapses.get("initial", {}).values():
            yield "S.initial.w", text(value)
    for monitor in model.get("monitors", []):
        if "dt" in monitor:
            yield "trace.dt", text(monitor["dt"])


def bare_mode(field):
    if field.endswith("equations") or field.endswith(".model"):
        return BARE_EQUATIONS
    if field.endswith("reset") or field.endswith("on_pre") or field.endswith("on_post"):
        return BARE_STATEMENTS
    return BARE_EXPRESSION


GENERATORS = [
    "i", "i + 1", "k for k in range(N_post)", "k for k in range(N_post) if rand() < 0.1",
    "k for k in sample(N_post, p=0.1)", "k for k in sample(N_post, size=3)",
    "k for k in range(i - 3, i + 4) if i != k and k >= 0 and k < N_post",
    "k for k in range(0, N_post, 2)", "(j for j in range(3))", "i % N_post for _ in range(2)",
    "k for k in sample(2, N_post, 2, p=0.5) if k != i",
]


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def expression_corpus():
    order = field_order()
    seen = set()
    for path, model in models():
        for field, value in model_texts(model):
            for mode in (order.index(field), bare_mode(field)):
                data = bytes([mode]) + value.encode()
                if data not in seen:
                    seen.add(data)
                    write("expression", f"{path.stem}-{field}-{mode}", data)


def model_corpus():
    for path, _ in models():
        write("model", path.stem, path.read_bytes())


def generator_corpus():
    texts = list(GENERATORS)
    for _, model in models():
        for synapses in model.get("synapses", []):
            j = synapses.get("connect", {}).get("j")
            if isinstance(j, str) and j not in texts:
                texts.append(j)
    for number, value in enumerate(texts):
        write("generator", f"generator-{number:02}", value.encode())


def chunk_codec_corpus():
    # Modes: 0 spike_step_runs, 1 spike_steps, 2 spike_times, 3 f64_rows,
    # 4 spike round trip, 5 row round trip (fuzz/ChunkCodecTarget.cpp).
    dt = struct.pack("<d", 1e-4)
    step_runs = bytes([0, 2, 1, 3, 5, 1, 7, 130, 1, 1, 0])  # varints: step, count, indices
    write("chunk_codec", "step-runs", bytes([0]) + dt + step_runs)
    steps = struct.pack("<iiii", 1, 0, 2, 3)
    write("chunk_codec", "steps", bytes([1]) + dt + steps)
    write("chunk_codec", "times", bytes([2]) + struct.pack("<id", 3, 0.00013))
    write("chunk_codec", "rows", bytes([3]) + struct.pack("<Q", 2) + struct.pack("<6d", *range(6)))
    spikes = b"".join(struct.pack("<iB", index, delta) for index, delta in
                      ((0, 0), (3, 0), (1, 2), (2, 200), (-1, 1)))
    write("chunk_codec", "spike-round-trip", bytes([4]) + dt + spikes)
    write("chunk_codec", "row-round-trip", bytes([5, 2]) + struct.pack("<6d", 0, -0.06, 1, 1e-4, 2, 3))


def project_corpus():
    # A mutation program of fuzz/ProjectMutation.cpp per file: op (0 set cell,
    # 1 delete row, 2 copy row, 3 insert chunk, 4 user_version, 5 schema
    # change), table (0 project, 1 model, 2 runs, 3 monitors,
    # 4 monitor_columns, 5 chunks), row, column, value kind and value.
    programs = {
        "unchanged": b"",
        "source-size-negative": bytes([0, 3, 0, 6, 8, 2]),
        "source-size-huge": bytes([0, 3, 0, 6, 8, 8]),
        "chunk-format-v1": bytes([0, 5, 0, 4, 6, 1]),
        "chunk-data": bytes([0, 5, 1, 5, 5, 4, 0, 0x81, 0x80, 0x80, 0x01]),
        "schema-version-1": bytes([4, 1]),
        "no-chunks-table": bytes([5, 0]),
        "run-still-running": bytes([0, 2, 0, 7, 6, 7, 0, 2, 0, 12, 4, 5]) + b"x/1/2",
        "dimension-huge": bytes([0, 4, 0, 5, 6, 14]),
        "chunk-copied": bytes([2, 5, 0]),
        "chunk-inserted": bytes([3, 0, 8, 0, 8, 3, 0, 3, 0, 1, 2]),
        "monitor-type-changed": bytes([0, 3, 0, 4, 6, 6]),
        "monitor-dt-nan": bytes([0, 3, 0, 7, 7, 12]),
        "seed-negative": bytes([0, 2, 0, 5, 8, 2]),
        "monitor-name-path": bytes([0, 3, 0, 3, 6, 16]),
    }
    for name, program in programs.items():
        write("project", name, program)
    write("project", "raw-database", raw_project())


def raw_project():
    """A small project database in schema version 2, written by sqlite3."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "raw.spikestudio"
        db = sqlite3.connect(path)
        db.executescript(f"""
PRAGMA page_size = 512;
PRAGMA application_id = {0x5350494B};
PRAGMA user_version = 2;
CREATE TABLE project (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE model (id INTEGER PRIMARY KEY CHECK (id = 1), model_json TEXT NOT NULL,
    layout_json TEXT NOT NULL, saved_at TEXT NOT NULL);
CREATE TABLE runs (id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT,
    duration REAL NOT NULL, dt REAL NOT NULL, seed INTEGER NOT NULL, model_json TEXT NOT NULL,
    status TEXT NOT NULL, message TEXT NOT NULL DEFAULT '', build_ms REAL, simulate_ms REAL,
    simulated_time REAL NOT NULL DEFAULT 0, writer TEXT NOT NULL DEFAULT '');
CREATE TABLE monitors (id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL, position INTEGER NOT NULL,
    name TEXT NOT NULL, type TEXT NOT NULL, source TEXT NOT NULL, source_size INTEGER NOT NULL,
    dt REAL NOT NULL, UNIQUE (run_id, name));
CREATE TABLE monitor_columns (monitor_id INTEGER NOT NULL, position INTEGER NOT NULL,
    variable TEXT NOT NULL, element INTEGER NOT NULL, unit TEXT NOT NULL, dimension TEXT NOT NULL,
    PRIMARY KEY (monitor_id, position));
CREATE TABLE chunks (id INTEGER PRIMARY KEY, monitor_id INTEGER NOT NULL, first INTEGER NOT NULL,
    count INTEGER NOT NULL, format TEXT NOT NULL, data BLOB NOT NULL, UNIQUE (monitor_id, first));
INSERT INTO runs VALUES (1, '2024-05-01T12:00:00.000Z', NULL, 0.001, 0.0001, 1, '{{}}',
    'finished', '', 1.0, 2.0, 0.001, '');
INSERT INTO monitors VALUES (1, 1, 0, 'spikes', 'spike', 'G', 4, 0.0001);
INSERT INTO monitors VALUES (2, 1, 0, 'trace', 'state', 'G', 0, 0.0001);
INSERT INTO monitor_columns VALUES (2, 0, 'v', 0, 'V', '[2,1,-3,-1,0,0,0]');
""")
        db.execute("INSERT INTO chunks VALUES (1, 1, 0, 3, 'spike_step_runs', ?)",
                   (bytes([1, 2, 0, 3, 4, 1, 2]),))
        db.execute("INSERT INTO chunks VALUES (2, 2, 0, 2, 'f64_rows', ?)",
                   (struct.pack("<4d", 0, -0.06, 1e-4, -0.05),))
        db.commit()
        db.close()
        return path.read_bytes()


def main():
    expression_corpus()
    model_corpus()
    generator_corpus()
    chunk_codec_corpus()
    project_corpus()
    for folder in sorted(CORPUS.iterdir()):
        print(f"{folder.name}: {len(list(folder.iterdir()))} files")


if __name__ == "__main__":
    sys.exit(main())
