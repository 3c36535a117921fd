#!/usr/bin/env python3
"""Reference values for goodwill/coach's link scores (common neighbours,
Adamic-Adar, resource allocation), computed with NetworkX 3.x on Zachary's
karate club and the Florentine families (../shared/data/karate-florentine,
read in place; the tests read the same CSV files), for every pair of nodes.

Run: python3 scripts/oracles/link-prediction.py   (writes test/oracles/link-prediction.json)
"""
import csv, json, os
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.environ.get("GOODWILL_SHARED_DATA", os.path.join(ROOT, "..", "shared", "data"))

def read(name):
    G = nx.Graph()
    with open(os.path.join(DATA, "karate-florentine", name), newline="") as f:
        for row in csv.DictReader(f):
            G.add_edge(str(row["source"]), str(row["target"]))
    return G

def scores(G):
    nodes = sorted(G)
    pairs = [(u, v) for i, u in enumerate(nodes) for v in nodes[i + 1:]]
    aa = {(u, v): p for u, v, p in nx.adamic_adar_index(G, pairs)}
    ra = {(u, v): p for u, v, p in nx.resource_allocation_index(G, pairs)}
    return [[u, v, len(list(nx.common_neighbors(G, u, v))), aa[(u, v)], ra[(u, v)]] for u, v in pairs]

out = {
    "networkx": nx.__version__,
    "columns": ["u", "v", "commonNeighbors", "adamicAdar", "resourceAllocation"],
    "graphs": {
        "karate-club.edges.csv": scores(read("karate-club.edges.csv")),
        "florentine-families.edges.csv": scores(read("florentine-families.edges.csv")),
    },
}
with open(os.path.join(ROOT, "test", "oracles", "link-prediction.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
