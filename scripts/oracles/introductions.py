#!/usr/bin/env python3
"""Reference values for goodwill's introduction finder, computed with NetworkX.

Trust networks from ../shared/data, as goodwill reads them with getProbability:
- Bitcoin OTC: the edge u→v with rating r means "u trusts v"; only positive
  ratings are trust, p = r / 10 (negative ratings and 0 are no trust);
- Advogato: the edge u→v with level w ∈ {0.6, 0.8, 1.0} means "u certifies v", p = w.
A hop x→y needs y to trust x, so the edge u→v with p gives the arc v→u with
cost −ln p. For 300 seeded pairs per data set: the bidirectional Dijkstra cost
(or null), and for 60 of them the costs of the 5 shortest simple paths
(shortest_simple_paths). Writes test/oracles/introductions.json.

Run: python3 scripts/oracles/introductions.py
"""
import csv, json, math, os, random, sys
from itertools import islice
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.environ.get("GOODWILL_SHARED_DATA", os.path.join(ROOT, "..", "shared", "data"))

def bitcoin():
    arcs = {}
    with open(os.path.join(DATA, "soc-sign-bitcoinotc/soc-sign-bitcoinotc.csv")) as f:
        for row in csv.reader(f):
            u, v, r = row[0], row[1], int(row[2])
            if u != v and r > 0:
                arcs[(v, u)] = r / 10  # last rating of the pair wins, as parseEdgeList keeps it
    return arcs

def advogato():
    arcs = {}
    with open(os.path.join(DATA, "advogato/out.advogato")) as f:
        for line in f:
            if line.startswith("%") or not line.strip():
                continue
            u, v, w = line.split()[:3]
            if u != v:
                arcs[(v, u)] = max(arcs.get((v, u), 0), float(w))
    return arcs

out = {"networkx": nx.__version__, "script": "scripts/oracles/introductions.py", "sets": {}}
for name, arcs in (("bitcoin-otc", bitcoin()), ("advogato", advogato())):
    G = nx.DiGraph()
    for (x, y), p in arcs.items():
        G.add_edge(x, y, weight=-math.log(p))
    rng = random.Random(20241124)
    nodes = sorted(G.nodes())
    sources = [n for n in nodes if G.out_degree(n) > 0]
    pairs = []
    while len(pairs) < 300:
        s, t = rng.choice(sources), rng.choice(nodes)
        if s != t:
            pairs.append((s, t))
    rows = []
    for i, (s, t) in enumerate(pairs):
        try:
            cost, path = nx.bidirectional_dijkstra(G, s, t)
        except nx.NetworkXNoPath:
            cost, path = None, None
        row = {"source": s, "target": t, "cost": cost, "hops": None if path is None else len(path) - 1}
        if i < 60 and cost is not None:
            row["kbest"] = [nx.path_weight(G, p, "weight") for p in islice(nx.shortest_simple_paths(G, s, t, weight="weight"), 5)]
        rows.append(row)
    out["sets"][name] = rows
    print(name, G.number_of_nodes(), G.number_of_edges(), sum(r["cost"] is not None for r in rows), file=sys.stderr)

with open(os.path.join(ROOT, "test", "oracles", "introductions.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
