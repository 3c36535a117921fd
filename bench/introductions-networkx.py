#!/usr/bin/env python3
"""NetworkX timings for the introductions benchmark, on the same graph and pairs.

Reads a JSON file given as argv[1]: {"arcs": [[x, y, cost], ...], "pairs": [[s, t], ...],
"kbest": [[s, t], ...]}; the arc x -> y is the hop x -> y with cost -ln p. Prints
JSON: per pair the time (ms) and cost of bidirectional_dijkstra, and per k-best pair
the time of the 5 first shortest_simple_paths and their costs.
"""
import json, sys, time
from itertools import islice
import networkx as nx

data = json.load(open(sys.argv[1]))
G = nx.DiGraph()
for x, y, c in data["arcs"]:
    G.add_edge(x, y, weight=c)
out = {"networkx": nx.__version__, "best": [], "kbest": []}
for s, t in data["pairs"]:
    t0 = time.perf_counter()
    try:
        cost, _ = nx.bidirectional_dijkstra(G, s, t)
    except nx.NetworkXNoPath:
        cost = None
    out["best"].append({"ms": (time.perf_counter() - t0) * 1000, "cost": cost})
for s, t in data["kbest"]:
    t0 = time.perf_counter()
    try:
        costs = [nx.path_weight(G, p, "weight") for p in islice(nx.shortest_simple_paths(G, s, t, weight="weight"), 5)]
    except nx.NetworkXNoPath:
        costs = []
    out["kbest"].append({"ms": (time.perf_counter() - t0) * 1000, "costs": costs})
print(json.dumps(out))
