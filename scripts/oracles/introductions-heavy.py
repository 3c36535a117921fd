#!/usr/bin/env python3
"""Reference values for the introduction finder on a heavy-tailed network, with NetworkX.

The network is bench/heavy-tailed.ts with seed 14 at 20,000 people and 200,000 directed
ties (the benchmark's 100,000 people and 1,000,000 ties give the same kind of graph, but
a fixture of it would be too large to commit; the model and the code are the same),
written by scripts/oracles/heavy-tailed-edges.ts. The tie u -> v with probability p
("u trusts v") is the hop v -> u with cost -ln p. For 200 seeded uniformly random
pairs: the unbounded best cost (bidirectional_dijkstra), or null, and its hop count.
Writes test/oracles/introductions-heavy.json.

Run: python3 scripts/oracles/introductions-heavy.py
"""
import json, math, os, random, subprocess, tempfile
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "edges.json")
    subprocess.run(["npx", "tsx", "scripts/oracles/heavy-tailed-edges.ts", path], cwd=ROOT, check=True)
    data = json.load(open(path))
keys = data["keys"]
G = nx.DiGraph()
G.add_nodes_from(keys)
for u, v, p in zip(data["u"], data["v"], data["p"]):
    G.add_edge(keys[v], keys[u], weight=-math.log(p))
rng = random.Random(20261201)
nodes = sorted(keys)
rows = []
while len(rows) < 200:
    s, t = rng.choice(nodes), rng.choice(nodes)
    if s == t:
        continue
    try:
        cost, path = nx.bidirectional_dijkstra(G, s, t)
        rows.append({"source": s, "target": t, "cost": cost, "hops": len(path) - 1})
    except nx.NetworkXNoPath:
        rows.append({"source": s, "target": t, "cost": None, "hops": None})
out = {
    "networkx": nx.__version__,
    "script": "scripts/oracles/introductions-heavy.py",
    "graph": {"model": "chung-lu", "gamma": 2.5, "people": 20000, "ties": 200000, "reciprocated": 0.6, "seed": 14},
    "pairs": rows,
}
with open(os.path.join(ROOT, "test", "oracles", "introductions-heavy.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(f"{sum(r['cost'] is not None for r in rows)}/{len(rows)} pairs reachable")
