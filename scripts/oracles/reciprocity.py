#!/usr/bin/env python3
"""Reference values for goodwill's networkReciprocity, computed with NetworkX.

Reads the shared data sets in place (../shared/data next to the repository),
builds the static directed graph of "who ever contacted whom" with self-loops
removed (goodwill leaves self-loops out; NetworkX would count them), and writes
overall reciprocity and every node's reciprocity to test/oracles/reciprocity.json.

Run: python3 scripts/oracles/reciprocity.py
"""
import csv, gzip, json, os, sys
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.environ.get("GOODWILL_SHARED_DATA", os.path.join(ROOT, "..", "shared", "data"))

def lines(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith(("#", "%")):
                yield line

def snap(rel):
    return [tuple(l.split()[:2]) for l in lines(os.path.join(DATA, rel))]

def bitcoin(rel):
    return [tuple(l.split(",")[:2]) for l in lines(os.path.join(DATA, rel))]

def enron(rel):
    with open(os.path.join(DATA, rel)) as f:
        return [(r["sender_id"], r["receiver_id"]) for r in csv.DictReader(f)]

SETS = {
    "collegemsg": snap("collegemsg/CollegeMsg.txt"),
    "email-eu": snap("email-eu-core-temporal/email-Eu-core-temporal.txt.gz"),
    "bitcoin-otc": bitcoin("soc-sign-bitcoinotc/soc-sign-bitcoinotc.csv"),
    "enron": enron("enron/enron-edges.csv"),
    "mathoverflow-c2a": snap("sx-mathoverflow/sx-mathoverflow-c2a.txt.gz"),
}

out = {"networkx": nx.__version__, "script": "scripts/oracles/reciprocity.py", "sets": {}}
for name, edges in SETS.items():
    G = nx.DiGraph()
    G.add_edges_from(edges)
    with_loops = nx.overall_reciprocity(G)
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    nodes = nx.reciprocity(G, G.nodes())
    out["sets"][name] = {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "overall": nx.overall_reciprocity(G),
        "overall_with_self_loops": with_loops,
        "reciprocity": {str(k): v for k, v in sorted(nodes.items(), key=lambda kv: str(kv[0]))},
    }
    print(name, G.number_of_nodes(), G.number_of_edges(), out["sets"][name]["overall"], with_loops, file=sys.stderr)

with open(os.path.join(ROOT, "test", "oracles", "reciprocity.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"), sort_keys=True)
