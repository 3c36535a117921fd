#!/usr/bin/env python3
"""Reference values for goodwill's brokerage (Burt's constraint, effective size),
computed with NetworkX structuralholes.

Graphs: the two example graphs of NetworkX's own tests (Borgatti's undirected
example, and a small directed one), with and without weights; Zachary's karate
club and the Florentine families (../shared/data/karate-florentine); the static
directed graph of email-Eu-core (150 seeded nodes: NetworkX's per-node formula is
slow on its hubs); Bitcoin OTC weighted by positive
ratings and Advogato weighted by trust level (200 seeded nodes each).
Self-loops are removed (goodwill leaves them out). Values come from NetworkX's
per-node formula (`nodes=` given), not from its sparse-matrix shortcut, which
gives other effective sizes on directed and weighted graphs (e.g. 1.333 instead
of the 1.167 that NetworkX's own test expects for its directed example). NaN (NetworkX's value for a
node without successors) is written as null. Writes test/oracles/brokerage.json.

Run: python3 scripts/oracles/brokerage.py
"""
import csv, gzip, json, math, os, random, sys
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.environ.get("GOODWILL_SHARED_DATA", os.path.join(ROOT, "..", "shared", "data"))

def clean(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x

def measures(G, weight=None, nodes=None):
    G = G.copy()
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    # Always pass `nodes`: with nodes=None and scipy installed, NetworkX 3.6 takes a
    # sparse-matrix path whose effective size disagrees with its own documented
    # formula (and its own tests) on directed and weighted graphs.
    if nodes is None:
        nodes = list(G)
    c = nx.constraint(G, nodes=nodes, weight=weight)
    e = nx.effective_size(G, nodes=nodes, weight=weight)
    return {"directed": G.is_directed(), "weight": weight, "edges": [[str(u), str(v), d.get(weight, 1) if weight else 1] for u, v, d in G.edges(data=True)],
            "values": {str(n): [clean(c[n]), clean(e[n])] for n in sorted(c, key=str)}} if G.number_of_edges() < 400 else \
           {"directed": G.is_directed(), "weight": weight, "values": {str(n): [clean(c[n]), clean(e[n])] for n in sorted(c, key=str)}}

out = {"networkx": nx.__version__, "script": "scripts/oracles/brokerage.py", "graphs": {}}

D = nx.DiGraph()
D.add_edges_from([(0, 1), (0, 2), (1, 0), (2, 1)])
Dw = D.copy()
for (u, v), w in {(0, 1): 2, (0, 2): 2, (1, 0): 1, (2, 1): 1}.items():
    Dw[u][v]["weight"] = w
G = nx.Graph()
G.add_edges_from([("A", "B"), ("A", "F"), ("A", "G"), ("A", "E"), ("E", "G"), ("F", "G"), ("B", "G"), ("B", "D"), ("D", "G"), ("G", "C")])
Gw = G.copy()
for (u, v), w in {("A", "B"): 2, ("A", "F"): 3, ("A", "G"): 5, ("A", "E"): 2, ("E", "G"): 8, ("F", "G"): 3, ("B", "G"): 4, ("B", "D"): 1, ("D", "G"): 3, ("G", "C"): 10}.items():
    Gw[u][v]["weight"] = w
out["graphs"]["nx-directed"] = measures(D)
out["graphs"]["nx-directed-weighted"] = measures(Dw, "weight")
out["graphs"]["borgatti"] = measures(G)
out["graphs"]["borgatti-weighted"] = measures(Gw, "weight")

def csv_graph(rel):
    H = nx.Graph()
    with open(os.path.join(DATA, rel)) as f:
        for row in csv.DictReader(f):
            H.add_edge(row["source"], row["target"])
    return H

out["graphs"]["karate"] = measures(csv_graph("karate-florentine/karate-club.edges.csv"))
out["graphs"]["florentine"] = measures(csv_graph("karate-florentine/florentine-families.edges.csv"))

E = nx.DiGraph()
with gzip.open(os.path.join(DATA, "email-eu-core-temporal/email-Eu-core-temporal.txt.gz"), "rt") as f:
    for line in f:
        u, v = line.split()[:2]
        E.add_edge(u, v)
out["graphs"]["email-eu"] = measures(E, None, random.Random(7).sample(sorted(E.nodes()), 150))

B = nx.DiGraph()
with open(os.path.join(DATA, "soc-sign-bitcoinotc/soc-sign-bitcoinotc.csv")) as f:
    for row in csv.reader(f):
        if int(row[2]) > 0:
            B.add_edge(row[0], row[1], weight=int(row[2]))
A = nx.DiGraph()
with open(os.path.join(DATA, "advogato/out.advogato")) as f:
    for line in f:
        if line.startswith("%") or not line.strip():
            continue
        u, v, w = line.split()[:3]
        A.add_edge(u, v, weight=float(w))
rng = random.Random(20241124)
for name, H in (("bitcoin-otc-positive", B), ("advogato", A)):
    nodes = rng.sample(sorted(H.nodes()), 200)
    out["graphs"][name] = measures(H, "weight", nodes)

for name, g in out["graphs"].items():
    print(name, len(g["values"]), file=sys.stderr)
with open(os.path.join(ROOT, "test", "oracles", "brokerage.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
