// src/fixtures/generate.ts
import { DirectedGraph } from "graphology";

// src/core/errors.ts
var GoodwillError = class extends Error {
  /** A stable code; safe to switch on. */
  code;
  /** Where the problem is. */
  location;
  constructor(code, message, location = {}) {
    super(message);
    this.name = "GoodwillError";
    this.code = code;
    this.location = location;
  }
};
var InvalidGraphError = class extends GoodwillError {
  constructor(message, location = {}) {
    super("INVALID_GRAPH", message, location);
    this.name = "InvalidGraphError";
  }
};
var NodeNotFoundError = class extends GoodwillError {
  constructor(message, location = {}) {
    super("NODE_NOT_FOUND", message, location);
    this.name = "NodeNotFoundError";
  }
};
var InvalidInteractionError = class extends GoodwillError {
  constructor(message, location = {}) {
    super("INVALID_INTERACTION", message, location);
    this.name = "InvalidInteractionError";
  }
};
var InvalidOptionError = class extends GoodwillError {
  constructor(message, location = {}) {
    super("INVALID_OPTION", message, location);
    this.name = "InvalidOptionError";
  }
};
function describeValue(value) {
  if (value === void 0) return "undefined";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : `Date(${value.toISOString()})`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === "function") return "a function";
  return `an object`;
}
function quoteKey(key) {
  return JSON.stringify(key);
}

// src/core/time.ts
function timeToMs(input) {
  if (typeof input === "number") return Number.isFinite(input) ? input : Number.NaN;
  if (input instanceof Date) return input.getTime();
  if (typeof input === "string") {
    if (input.trim() === "") return Number.NaN;
    return Date.parse(input);
  }
  return Number.NaN;
}
function parseTimeOption(input, field, module) {
  if (input === void 0 || input === null) {
    throw new InvalidOptionError(
      `${module}: the option \`${field}\` is required. goodwill never reads the clock: pass the date explicitly, e.g. { ${field}: new Date() } or { ${field}: '2024-06-30' }.`,
      { field }
    );
  }
  const ms = timeToMs(input);
  if (Number.isNaN(ms)) {
    throw new InvalidOptionError(
      `${module}: the option \`${field}\` is ${describeValue(input)}, which is not a valid date. Pass a Date, epoch milliseconds or an ISO 8601 string.`,
      { field }
    );
  }
  return ms;
}
var DAY_MS = 864e5;

// src/fixtures/archetypes.ts
var ARCHETYPES = Object.freeze([
  {
    name: "close-friend",
    behaviour: "Reciprocal contact every few days over the whole period, calls and meetings, help and favours both ways.",
    share: 0.06
  },
  {
    name: "colleague",
    behaviour: "Same company: regular two-way messages and meetings over the whole period, occasional help.",
    share: 0.3
  },
  {
    name: "one-sided-taker",
    behaviour: "The actor asks (requests, pitches) and receives help, introductions and referrals, and gives nothing back.",
    share: 0.06
  },
  {
    name: "cold-pitcher",
    behaviour: "The actor pitches a stranger within the first messages, before any rapport; the other rarely answers.",
    share: 0.08
  },
  {
    name: "fading",
    behaviour: "Two-way contact that thins out: gaps grow, and the last contact is 1\u20134 months before the end.",
    share: 0.16
  },
  {
    name: "dormant",
    behaviour: "Regular two-way contact early on, then silence for the last 9 months or more.",
    share: 0.16
  },
  {
    name: "new-acquaintance",
    behaviour: "Met in the last two months: a few two-way messages, perhaps a meeting.",
    share: 0.18
  }
]);
var ARCHETYPE_NAMES = Object.freeze(ARCHETYPES.map((a) => a.name));

// src/fixtures/random.ts
function splitmix32(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 2654435769 >>> 0;
    let t = a ^ a >>> 16;
    t = Math.imul(t, 569420461);
    t ^= t >>> 15;
    t = Math.imul(t, 1935289751);
    t ^= t >>> 15;
    return t >>> 0;
  };
}
function createRandom(seed) {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = a + b | 0;
    a = b ^ b >>> 9;
    b = c + (c << 3) | 0;
    c = c << 21 | c >>> 11;
    d = d + 1 | 0;
    t = t + d | 0;
    c = c + t | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const normal = () => {
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal,
    exponential: (mean) => -mean * Math.log(1 - next()),
    // E[exp(σZ − σ²/2)] = 1, so the mean is `mean`.
    lognormal: (mean, sigma) => mean * Math.exp(sigma * normal() - sigma * sigma / 2),
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (weights) => {
      let total = 0;
      for (const w of weights) total += w;
      let x = next() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i];
        if (x < 0) return i;
      }
      return weights.length - 1;
    }
  };
}

// src/fixtures/names.ts
var FIRST_NAMES = [
  "Ada",
  "Amir",
  "Ana",
  "Ben",
  "Bianca",
  "Chen",
  "Chloe",
  "Dara",
  "David",
  "Elena",
  "Emeka",
  "Eva",
  "Farah",
  "Felix",
  "Grace",
  "Hana",
  "Hugo",
  "Ines",
  "Ivan",
  "Jae",
  "Jonas",
  "Kai",
  "Kavya",
  "Lars",
  "Lea",
  "Leila",
  "Luca",
  "Maya",
  "Mateo",
  "Mei",
  "Nadia",
  "Noah",
  "Nora",
  "Omar",
  "Olga",
  "Priya",
  "Quinn",
  "Rafael",
  "Rosa",
  "Sami",
  "Sara",
  "Tariq",
  "Tess",
  "Uma",
  "Victor",
  "Wen",
  "Yara",
  "Yusuf",
  "Zoe",
  "Zaid"
];
var LAST_NAMES = [
  "Abara",
  "Berg",
  "Costa",
  "Dubois",
  "Eriksen",
  "Fischer",
  "Garcia",
  "Haddad",
  "Ito",
  "Jensen",
  "Kaur",
  "Kowalski",
  "Laurent",
  "Moreau",
  "Nakamura",
  "Novak",
  "Okafor",
  "Park",
  "Quintero",
  "Rossi",
  "Silva",
  "Tanaka",
  "Umar",
  "Varga",
  "Weber",
  "Xu",
  "Yilmaz",
  "Zhang",
  "Mensah",
  "Lindqvist"
];
var COMPANIES = [
  "Acme Robotics",
  "Bluefin Analytics",
  "Cedar Health",
  "Driftwood Labs",
  "Everlight Energy",
  "Foxglove Media",
  "Granite Capital",
  "Harbor Logistics",
  "Iris Biotech",
  "Juniper Software",
  "Kestrel Aerospace",
  "Lumen Retail",
  "Meridian Foods",
  "Northwind Consulting",
  "Orchard Education",
  "Pinnacle Legal",
  "Quarry Materials",
  "Riverstone Bank",
  "Sable Security",
  "Tidewater Shipping"
];
var COMMUNITIES = [
  "Alumni 2012",
  "Founders Circle",
  "Women in Tech",
  "Climbing Club",
  "Product Guild",
  "Data Meetup",
  "Open Source Collective",
  "Chess Club",
  "Sales Leaders",
  "Design Forum",
  "Alumni 2016",
  "Runners",
  "Angel Network",
  "Book Club"
];
var TITLES = [
  "Engineer",
  "Senior Engineer",
  "Engineering Manager",
  "Product Manager",
  "Designer",
  "Data Scientist",
  "Sales Lead",
  "Account Executive",
  "Recruiter",
  "Founder",
  "CEO",
  "CTO",
  "Marketing Lead",
  "Analyst",
  "Consultant",
  "Investor"
];

// src/fixtures/generate.ts
var MODULE = "generateNetwork";
var HOUR_MS = 36e5;
function positiveInteger(value, field, fallback, min) {
  if (value === void 0) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new InvalidOptionError(`${MODULE}: the option \`${field}\` must be an integer >= ${min}; got ${describeValue(value)}.`, { field });
  }
  return value;
}
function positiveNumber(value, field, fallback) {
  if (value === void 0) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new InvalidOptionError(`${MODULE}: the option \`${field}\` must be a finite number > 0; got ${describeValue(value)}.`, { field });
  }
  return value;
}
function resolve(options) {
  if (options === null || typeof options !== "object") {
    throw new InvalidOptionError(`${MODULE}: options must be an object such as { seed: 1, people: 200 }; got ${describeValue(options)}.`, { field: "options" });
  }
  const seed = options.seed ?? 1;
  if (typeof seed !== "number" || !Number.isInteger(seed)) {
    throw new InvalidOptionError(`${MODULE}: the option \`seed\` must be an integer; got ${describeValue(seed)}.`, { field: "seed" });
  }
  const people = positiveInteger(options.people, "people", 200, 2);
  const start = parseTimeOption(options.start ?? "2023-01-01", "start", MODULE);
  const end = parseTimeOption(options.end ?? "2025-01-01", "end", MODULE);
  if (end - start < 180 * DAY_MS) {
    throw new InvalidOptionError(`${MODULE}: the history from \`start\` to \`end\` must span at least 180 days, so that every archetype can unfold; got ${((end - start) / DAY_MS).toFixed(1)} days.`, { field: "end" });
  }
  const shares = ARCHETYPES.map((a) => a.share);
  if (options.archetypes !== void 0) {
    if (options.archetypes === null || typeof options.archetypes !== "object") {
      throw new InvalidOptionError(`${MODULE}: the option \`archetypes\` must be an object of shares; got ${describeValue(options.archetypes)}.`, { field: "archetypes" });
    }
    for (const [name, share] of Object.entries(options.archetypes)) {
      const i = ARCHETYPE_NAMES.indexOf(name);
      if (i < 0) {
        throw new InvalidOptionError(`${MODULE}: unknown archetype ${JSON.stringify(name)} in \`archetypes\`; use ${ARCHETYPE_NAMES.join(", ")}.`, { field: `archetypes.${name}` });
      }
      if (typeof share !== "number" || !Number.isFinite(share) || share < 0) {
        throw new InvalidOptionError(`${MODULE}: \`archetypes.${name}\` must be a finite share >= 0; got ${describeValue(share)}.`, { field: `archetypes.${name}` });
      }
      shares[i] = share;
    }
    if (shares.every((s) => s === 0)) {
      throw new InvalidOptionError(`${MODULE}: every archetype share is 0; give at least one a positive share.`, { field: "archetypes" });
    }
  }
  return {
    seed,
    people,
    start,
    end,
    ties: positiveNumber(options.ties, "ties", 8),
    companies: Math.min(people, positiveInteger(options.companies, "companies", Math.ceil(people / 25), 1)),
    communities: Math.min(people, positiveInteger(options.communities, "communities", Math.ceil(people / 40), 1)),
    shares,
    activity: positiveNumber(options.activity, "activity", 1)
  };
}
function assignGroups(rng, people, groups) {
  const weights = Array.from({ length: groups }, (_, g) => 1 / Math.pow(g + 1, 0.8));
  const of = new Int32Array(people);
  const members = Array.from({ length: groups }, () => []);
  for (let p = 0; p < people; p++) {
    const g = p < groups ? p : rng.weighted(weights);
    of[p] = g;
    members[g].push(p);
  }
  return { of, members };
}
var DyadHistory = class {
  constructor(rng, end) {
    this.rng = rng;
    this.end = end;
  }
  ab = [];
  ba = [];
  /** Records an interaction initiated by side 0 (a) or 1 (b), if before the end. */
  emit(side, at, kind) {
    if (at >= this.end) return;
    (side === 0 ? this.ab : this.ba).push({ at: Math.round(at), kind });
  }
  /** A reply by the other side within hours, with probability `p`. */
  reply(side, at, p, kind = "message") {
    if (this.rng.next() < p) this.emit(1 - side, at + this.rng.lognormal(3 * HOUR_MS, 1), kind);
  }
};
var FRIEND_KINDS = ["message", "call", "meeting", "help", "favor", "recommendation", "introduction"];
var FRIEND_WEIGHTS = [0.6, 0.17, 0.1, 0.06, 0.04, 0.02, 0.01];
var WORK_KINDS = ["message", "meeting", "call", "help", "request", "recommendation"];
var WORK_WEIGHTS = [0.7, 0.14, 0.06, 0.06, 0.03, 0.01];
var TAKER_ASKS = ["message", "request", "pitch"];
var TAKER_ASK_WEIGHTS = [0.55, 0.35, 0.1];
var GIVER_GIFTS = ["message", "help", "favor", "introduction", "referral"];
var GIVER_GIFT_WEIGHTS = [0.45, 0.25, 0.12, 0.1, 0.08];
function fillHistory(rng, h, archetype, r, actorSide, intensity) {
  const { start, end } = r;
  const span = end - start;
  const rate = r.activity * intensity;
  const day = DAY_MS;
  const episodes = (t0, t1, gapDays, visit) => {
    let t = t0 + rng.exponential(gapDays(t0) * day);
    while (t < t1) {
      visit(t);
      t += rng.lognormal(gapDays(t) * day, 1.1);
    }
  };
  switch (archetype) {
    case "close-friend":
    case "colleague": {
      const friend = archetype === "close-friend";
      const kinds = friend ? FRIEND_KINDS : WORK_KINDS;
      const weights = friend ? FRIEND_WEIGHTS : WORK_WEIGHTS;
      const t0 = start + rng.next() * 0.15 * span;
      const gap = (friend ? 10 : 30) / rate;
      episodes(t0, end, () => gap, (t) => {
        const side = rng.int(2);
        const kind = kinds[rng.weighted(weights)];
        h.emit(side, t, kind);
        h.reply(side, t, friend ? 0.8 : 0.6);
      });
      break;
    }
    case "one-sided-taker": {
      const t0 = start + rng.next() * 0.5 * span;
      const gap = 40 / rate;
      episodes(t0, end, () => gap, (t) => {
        const ask = TAKER_ASKS[rng.weighted(TAKER_ASK_WEIGHTS)];
        h.emit(actorSide, t, ask);
        if (rng.next() < 0.75) {
          const gift = GIVER_GIFTS[rng.weighted(GIVER_GIFT_WEIGHTS)];
          h.emit(1 - actorSide, t + rng.lognormal(2 * day, 1), gift);
        }
      });
      break;
    }
    case "cold-pitcher": {
      const t0 = start + (0.2 + 0.75 * rng.next()) * span;
      const n = 2 + rng.int(4);
      let t = t0;
      const pitchAt = rng.int(2);
      for (let i = 0; i < n; i++) {
        h.emit(actorSide, t, i === pitchAt ? "pitch" : i > pitchAt && rng.next() < 0.3 ? "request" : "message");
        h.reply(actorSide, t, 0.1);
        t += rng.lognormal(9 * day, 0.8);
      }
      break;
    }
    case "fading": {
      const t0 = start + rng.next() * 0.25 * span;
      const t1 = end - (30 + rng.next() * 90) * day;
      const base = 14 / rate;
      const life = t1 - t0;
      episodes(t0, t1, (t) => base * Math.exp(2 * (t - t0) / life), (t) => {
        const side = rng.int(2);
        h.emit(side, t, FRIEND_KINDS[rng.weighted(FRIEND_WEIGHTS)]);
        h.reply(side, t, 0.7);
      });
      h.emit(rng.int(2), t1, "message");
      break;
    }
    case "dormant": {
      const t0 = start + rng.next() * 0.1 * span;
      const t1 = Math.min(start + (0.25 + 0.2 * rng.next()) * span, end - 270 * day);
      const gap = 18 / rate;
      let any = false;
      episodes(t0, t1, () => gap, (t) => {
        const side = rng.int(2);
        h.emit(side, t, WORK_KINDS[rng.weighted(WORK_WEIGHTS)]);
        h.reply(side, t, 0.7);
        any = true;
      });
      if (!any) {
        h.emit(0, t0, "meeting");
        h.emit(1, t0 + day, "message");
      }
      break;
    }
    case "new-acquaintance": {
      const t0 = end - (5 + rng.next() * 55) * day;
      h.emit(rng.int(2), t0, rng.next() < 0.5 ? "meeting" : "event");
      const n = 1 + rng.int(5);
      let t = t0;
      for (let i = 0; i < n; i++) {
        t += rng.lognormal(5 * day, 0.8);
        const side = rng.int(2);
        h.emit(side, t, "message");
        h.reply(side, t, 0.6);
      }
      break;
    }
  }
}
function generateNetwork(options = {}) {
  const r = resolve(options);
  const rng = createRandom(r.seed);
  const n = r.people;
  const width = Math.max(4, String(n).length);
  const keys = Array.from({ length: n }, (_, i) => `p${String(i + 1).padStart(width, "0")}`);
  const companies = assignGroups(rng, n, r.companies);
  const communities = assignGroups(rng, n, r.communities);
  const graph2 = new DirectedGraph({ multi: false, allowSelfLoops: false });
  for (let p = 0; p < n; p++) {
    graph2.addNode(keys[p], {
      name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
      company: COMPANIES[companies.of[p] % COMPANIES.length] + (companies.of[p] >= COMPANIES.length ? ` ${Math.floor(companies.of[p] / COMPANIES.length) + 1}` : ""),
      community: COMMUNITIES[communities.of[p] % COMMUNITIES.length] + (communities.of[p] >= COMMUNITIES.length ? ` ${Math.floor(communities.of[p] / COMMUNITIES.length) + 1}` : ""),
      title: rng.pick(TITLES)
    });
  }
  const adjacency = Array.from({ length: n }, () => []);
  const pairs = /* @__PURE__ */ new Set();
  const pairKey = (x, y) => x < y ? x * n + y : y * n + x;
  const randomOther = (p) => {
    const q = rng.int(n - 1);
    return q >= p ? q + 1 : q;
  };
  const fromGroup = (p, members) => members.length > 1 ? members[rng.int(members.length)] : randomOther(p);
  const friendOfFriend = (p) => {
    const mine = adjacency[p];
    if (mine.length === 0) return randomOther(p);
    const via = adjacency[mine[rng.int(mine.length)]];
    return via[rng.int(via.length)];
  };
  const choosePartner = (p, archetype) => {
    const company = () => fromGroup(p, companies.members[companies.of[p]]);
    const community = () => fromGroup(p, communities.members[communities.of[p]]);
    const x = rng.next();
    switch (archetype) {
      case "colleague":
        return company();
      case "close-friend":
        return x < 0.5 ? community() : x < 0.8 ? friendOfFriend(p) : company();
      case "cold-pitcher":
        return randomOther(p);
      case "one-sided-taker":
        return x < 0.5 ? randomOther(p) : community();
      default:
        return x < 0.35 ? community() : x < 0.6 ? friendOfFriend(p) : x < 0.8 ? company() : randomOther(p);
    }
  };
  for (let p = 0; p < n; p++) {
    const count = Math.round(rng.lognormal(r.ties / 2, 0.6));
    for (let t = 0; t < count; t++) {
      const archetype = ARCHETYPE_NAMES[rng.weighted(r.shares)];
      let q = -1;
      for (let attempt = 0; attempt < 6; attempt++) {
        const candidate = choosePartner(p, archetype);
        if (candidate !== p && !pairs.has(pairKey(p, candidate))) {
          q = candidate;
          break;
        }
      }
      if (q < 0) continue;
      pairs.add(pairKey(p, q));
      adjacency[p].push(q);
      adjacency[q].push(p);
      const actorSide = archetype === "cold-pitcher" ? 0 : rng.int(2);
      const intensity = rng.lognormal(1, 0.7);
      const history = new DyadHistory(rng, r.end);
      fillHistory(rng, history, archetype, r, actorSide, intensity);
      const asymmetric = archetype === "one-sided-taker" || archetype === "cold-pitcher";
      const actor = keys[actorSide === 0 ? p : q];
      const byTime = (x, y) => x.at - y.at;
      for (const [list, s, t2] of [
        [history.ab, p, q],
        [history.ba, q, p]
      ]) {
        if (list.length === 0) continue;
        list.sort(byTime);
        const attrs = { interactions: list, archetype };
        if (asymmetric) attrs.actor = actor;
        graph2.addEdgeWithKey(`${keys[s]}->${keys[t2]}`, keys[s], keys[t2], attrs);
      }
    }
  }
  return graph2;
}

// src/core/graph.ts
function assertGraph(graph2, module) {
  const g = graph2;
  if (g === null || typeof g !== "object" || typeof g.forEachEdge !== "function" || typeof g.forEachNode !== "function" || typeof g.hasNode !== "function" || typeof g.order !== "number") {
    throw new InvalidGraphError(
      `${module}: expected a graphology Graph as first argument, got ${describeValue(graph2)}. Create one with \`new Graph({ multi: true })\` from 'graphology'.`
    );
  }
}
function assertNode(graph2, node, module, field = "node") {
  if (typeof node !== "string" && typeof node !== "number") {
    throw new NodeNotFoundError(
      `${module}: the argument \`${field}\` is ${describeValue(node)}; pass a node key (a string).`,
      { field }
    );
  }
  const key = String(node);
  if (!graph2.hasNode(key)) {
    throw new NodeNotFoundError(
      `${module}: the node ${quoteKey(key)} (argument \`${field}\`) is not in the graph. Check the key, or add the node with graph.addNode(${quoteKey(key)}).`,
      { node: key, field }
    );
  }
}
function compareKeys(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype);
function hasPrototypeKeys(graph2) {
  if (isPrototypePolluted()) return true;
  for (const key of PROTOTYPE_KEYS) if (graph2.hasNode(key)) return true;
  return false;
}
function isPrototypePolluted() {
  for (const key in {}) if (key !== void 0) return true;
  return false;
}
function forEachEdgeOf(graph2, node, visit) {
  if (!hasPrototypeKeys(graph2)) {
    graph2.forEachEdge(node, visit);
    return;
  }
  graph2.forEachEdge((edge, attributes, source, target, sa, ta, undirected) => {
    if (source === node || target === node) visit(edge, attributes, source, target, sa, ta, undirected);
  });
}

// src/core/kinds.ts
var ROLE_CODE = { contact: 0, give: 1, ask: 2 };
var DEFAULT_KINDS = Object.freeze({
  message: Object.freeze({ role: "contact", value: 1 }),
  call: Object.freeze({ role: "contact", value: 2 }),
  meeting: Object.freeze({ role: "contact", value: 3 }),
  event: Object.freeze({ role: "contact", value: 2 }),
  help: Object.freeze({ role: "give", value: 4 }),
  favor: Object.freeze({ role: "give", value: 4 }),
  recommendation: Object.freeze({ role: "give", value: 5 }),
  introduction: Object.freeze({ role: "give", value: 6 }),
  referral: Object.freeze({ role: "give", value: 8 }),
  request: Object.freeze({ role: "ask", value: 2 }),
  pitch: Object.freeze({ role: "ask", value: 2 })
});
var DEFAULT_KIND_NAME = "(none)";
function resolveKinds(options, module) {
  const unknown = options.unknownKind ?? "error";
  if (unknown !== "error" && unknown !== "contact" && unknown !== "ignore") {
    throw new InvalidOptionError(
      `${module}: the option \`unknownKind\` is ${describeValue(unknown)}; use 'error', 'contact' or 'ignore'.`,
      { field: "unknownKind" }
    );
  }
  const entries = [];
  if (!options.replaceKinds) entries.push(...Object.entries(DEFAULT_KINDS));
  const extra = options.kinds;
  if (extra !== void 0) {
    if (extra instanceof Map) entries.push(...extra.entries());
    else if (extra !== null && typeof extra === "object") entries.push(...Object.entries(extra));
    else {
      throw new InvalidOptionError(
        `${module}: the option \`kinds\` is ${describeValue(extra)}; pass an object or Map from kind name to { role, value }.`,
        { field: "kinds" }
      );
    }
  }
  const list = [{ name: DEFAULT_KIND_NAME, role: "contact", roleCode: 0, value: 1, id: 0 }];
  const byName = /* @__PURE__ */ new Map();
  for (const [name, raw] of entries) {
    const def = raw;
    if (def === null || typeof def !== "object") {
      throw new InvalidOptionError(
        `${module}: the kind ${JSON.stringify(name)} in \`kinds\` is ${describeValue(raw)}; define it as { role: 'contact' | 'give' | 'ask', value: number }.`,
        { field: `kinds.${name}` }
      );
    }
    if (def.role !== "contact" && def.role !== "give" && def.role !== "ask") {
      throw new InvalidOptionError(
        `${module}: the kind ${JSON.stringify(name)} has role ${describeValue(def.role)}; use 'contact', 'give' or 'ask'.`,
        { field: `kinds.${name}.role` }
      );
    }
    if (typeof def.value !== "number" || !Number.isFinite(def.value) || def.value < 0) {
      throw new InvalidOptionError(
        `${module}: the kind ${JSON.stringify(name)} has value ${describeValue(def.value)}; it must be a finite number >= 0.`,
        { field: `kinds.${name}.value` }
      );
    }
    const previous = byName.get(name);
    const id = previous ? previous.id : list.length;
    const kind = { name, role: def.role, roleCode: ROLE_CODE[def.role], value: def.value, id };
    list[id] = kind;
    byName.set(name, kind);
  }
  return { byName, list, unknown };
}

// src/core/event-columns.ts
var PairTable = class {
  /** Number of dyads; ids are 0 .. size − 1 in order of first sight. */
  size = 0;
  /** Pair key of each dyad id. */
  keys = new Float64Array(64);
  slotKey = new Float64Array(128).fill(-1);
  slotId = new Int32Array(128);
  /** The id of `key`, adding it when new. */
  idOf(key) {
    const mask = this.slotKey.length - 1;
    let h = Math.imul((key | 0) ^ Math.imul(key / 4294967296 | 0, 2246822507), 2654435761) >>> 0 & mask;
    for (; ; ) {
      const k = this.slotKey[h];
      if (k === key) return this.slotId[h];
      if (k === -1) break;
      h = h + 1 & mask;
    }
    const id = this.size++;
    if (id === this.keys.length) {
      const next = new Float64Array(2 * id);
      next.set(this.keys);
      this.keys = next;
    }
    this.keys[id] = key;
    if (2 * this.size > this.slotKey.length) {
      this.rehash();
      return id;
    }
    this.slotKey[h] = key;
    this.slotId[h] = id;
    return id;
  }
  rehash() {
    const capacity = this.slotKey.length * 2;
    this.slotKey = new Float64Array(capacity).fill(-1);
    this.slotId = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let id = 0; id < this.size; id++) {
      const key = this.keys[id];
      let h = Math.imul((key | 0) ^ Math.imul(key / 4294967296 | 0, 2246822507), 2654435761) >>> 0 & mask;
      while (this.slotKey[h] !== -1) h = h + 1 & mask;
      this.slotKey[h] = key;
      this.slotId[h] = id;
    }
  }
};
var DyadSorter = class {
  perm = new Int32Array(64);
  tmp = new Int32Array(64);
  f64 = new Float64Array(64);
  f64b = new Float64Array(64);
  u8 = new Uint8Array(64);
  u8b = new Uint8Array(64);
  u16 = new Uint16Array(64);
  /** Grows the scratch buffers to hold `len` events (doubling). */
  reserve(len) {
    if (this.perm.length >= len) return;
    let size = this.perm.length;
    while (size < len) size *= 2;
    this.perm = new Int32Array(size);
    this.tmp = new Int32Array(size);
    this.f64 = new Float64Array(size);
    this.f64b = new Float64Array(size);
    this.u8 = new Uint8Array(size);
    this.u8b = new Uint8Array(size);
    this.u16 = new Uint16Array(size);
  }
  /**
   * Merges two sorted runs `lo .. mid` and `mid .. hi` in place, stably (ties
   * take the first run): the first run is copied aside, then the merge writes
   * from the front, never overtaking the second run's reader.
   */
  mergeTwo(lo, mid, hi, time, value, role, dir, kind) {
    const len = mid - lo;
    this.reserve(len);
    const at = this.f64;
    const val = this.f64b;
    const ro = this.u8;
    const di = this.u8b;
    const ki = this.u16;
    for (let x = 0; x < len; x++) {
      at[x] = time[lo + x];
      val[x] = value[lo + x];
      ro[x] = role[lo + x];
      di[x] = dir[lo + x];
      ki[x] = kind[lo + x];
    }
    let i = 0;
    let j = mid;
    let w = lo;
    while (i < len && j < hi) {
      if (time[j] < at[i]) {
        time[w] = time[j];
        value[w] = value[j];
        role[w] = role[j];
        dir[w] = dir[j];
        kind[w] = kind[j];
        j++;
      } else {
        time[w] = at[i];
        value[w] = val[i];
        role[w] = ro[i];
        dir[w] = di[i];
        kind[w] = ki[i];
        i++;
      }
      w++;
    }
    for (; i < len; i++, w++) {
      time[w] = at[i];
      value[w] = val[i];
      role[w] = ro[i];
      dir[w] = di[i];
      kind[w] = ki[i];
    }
  }
  sort(lo, hi, time, value, role, dir, kind) {
    const len = hi - lo;
    this.reserve(len);
    let perm = this.perm;
    let tmp = this.tmp;
    const runs = [0];
    for (let i = 1; i < len; i++) if (time[lo + i] < time[lo + i - 1]) runs.push(i);
    runs.push(len);
    if (runs.length === 3) {
      const mid = runs[1];
      let i = 0;
      let j = mid;
      let k = 0;
      while (i < mid && j < len) perm[k++] = time[lo + j] < time[lo + i] ? j++ : i++;
      while (i < mid) perm[k++] = i++;
      while (j < len) perm[k++] = j++;
    } else if (runs.length > 34) {
      for (let i = 0; i < len; i++) perm[i] = i;
      perm.subarray(0, len).sort((x, y) => time[lo + x] - time[lo + y] || x - y);
    } else {
      for (let i = 0; i < len; i++) perm[i] = i;
      let bounds = runs;
      while (bounds.length > 2) {
        const next = [0];
        for (let r = 0; r + 1 < bounds.length; r += 2) {
          const start = bounds[r];
          const mid = bounds[r + 1];
          const end = r + 2 < bounds.length ? bounds[r + 2] : mid;
          let i = start;
          let j = mid;
          let k = start;
          while (i < mid && j < end) tmp[k++] = time[lo + perm[j]] < time[lo + perm[i]] ? perm[j++] : perm[i++];
          while (i < mid) tmp[k++] = perm[i++];
          while (j < end) tmp[k++] = perm[j++];
          next.push(end);
        }
        [perm, tmp] = [tmp, perm];
        bounds = next;
      }
    }
    const f64 = this.f64;
    for (let i = 0; i < len; i++) f64[i] = time[lo + perm[i]];
    time.set(f64.subarray(0, len), lo);
    for (let i = 0; i < len; i++) f64[i] = value[lo + perm[i]];
    value.set(f64.subarray(0, len), lo);
    const u8 = this.u8;
    for (let i = 0; i < len; i++) u8[i] = role[lo + perm[i]];
    role.set(u8.subarray(0, len), lo);
    for (let i = 0; i < len; i++) u8[i] = dir[lo + perm[i]];
    dir.set(u8.subarray(0, len), lo);
    const u16 = this.u16;
    for (let i = 0; i < len; i++) u16[i] = kind[lo + perm[i]];
    kind.set(u16.subarray(0, len), lo);
  }
};

// src/core/interaction-index.ts
var LINK_AB = 1;
var LINK_BA = 2;
var LINK_UNDIRECTED = 4;
function edgeLocation(edge, source, target) {
  return { edge, source, target };
}
function edgeName(edge, source, target, undirected) {
  return `edge ${quoteKey(edge)} (${quoteKey(source)} ${undirected ? "--" : "->"} ${quoteKey(target)})`;
}
function makeInteractionsGetter(option, module) {
  if (option === void 0) return (_e, attributes) => attributes["interactions"];
  if (typeof option === "string") return (_e, attributes) => attributes[option];
  if (typeof option === "function") return option;
  throw new InvalidOptionError(
    `${module}: the option \`getInteractions\` is ${describeValue(option)}; pass an attribute name or a function (edge, attributes, source, target, undirected) => Iterable<Interaction>.`,
    { field: "getInteractions" }
  );
}
function makeOverrideGetter(option, module) {
  if (option === null) return null;
  const name = option === void 0 ? "strengthOverride" : option;
  if (typeof name === "string") return (_e, attributes) => attributes[name];
  if (typeof name === "function") return name;
  throw new InvalidOptionError(
    `${module}: the option \`getStrengthOverride\` is ${describeValue(option)}; pass an attribute name, a function, or null.`,
    { field: "getStrengthOverride" }
  );
}
function siteOf(module, edges, site, source, target, undirected) {
  return { module, edge: edges[site], source, target, undirected };
}
function describeSite(site, index) {
  return `${site.module}: interaction #${index} of ${edgeName(site.edge, site.source, site.target, site.undirected)}`;
}
function siteLocation(site, index, field) {
  return { ...edgeLocation(site.edge, site.source, site.target), index, field };
}
function badInteraction(site, index, item) {
  return new InvalidInteractionError(
    `${describeSite(site, index)} is ${describeValue(item)}, not an object. Each interaction is an object like { at: '2024-01-31', kind: 'message' }.`,
    siteLocation(site, index, "interaction")
  );
}
function badAt(site, index, rawAt) {
  return new InvalidInteractionError(
    rawAt === void 0 ? `${describeSite(site, index)} has no \`at\`. Give each interaction its date: a Date, epoch milliseconds or an ISO 8601 string.` : `${describeSite(site, index)} has \`at\` = ${describeValue(rawAt)}, which is not a valid date. Use a Date, epoch milliseconds or an ISO 8601 string.`,
    siteLocation(site, index, "at")
  );
}
function badWeight(site, index, rawWeight) {
  return new InvalidInteractionError(
    `${describeSite(site, index)} has \`weight\` = ${describeValue(rawWeight)}; a weight must be a finite number >= 0 (or absent, meaning 1).`,
    siteLocation(site, index, "weight")
  );
}
function badKind(site, index, rawKind) {
  const name = typeof rawKind === "string" ? JSON.stringify(rawKind) : "name";
  return new InvalidInteractionError(
    `${describeSite(site, index)} has \`kind\` = ${describeValue(rawKind)}, which the kind catalogue does not define. Add it with the option kinds: { ${name}: { role: 'contact', value: 1 } }, or set unknownKind: 'contact' or 'ignore'.`,
    siteLocation(site, index, "kind")
  );
}
function missingFrom(site, index) {
  return new InvalidInteractionError(
    `${describeSite(site, index)} has no \`from\`. An undirected edge carries no direction, so each of its interactions must name its initiator: from: ${quoteKey(site.source)} or from: ${quoteKey(site.target)}.`,
    siteLocation(site, index, "from")
  );
}
function badFrom(site, index, rawFrom) {
  return new InvalidInteractionError(
    `${describeSite(site, index)} has \`from\` = ${describeValue(rawFrom)}, which is neither endpoint; use ${quoteKey(site.source)} or ${quoteKey(site.target)}.`,
    siteLocation(site, index, "from")
  );
}
function buildIndex(graph2, options, module, scope = { kind: "all" }) {
  assertGraph(graph2, module);
  const g = graph2;
  if (options === null || typeof options !== "object") {
    throw new InvalidOptionError(`${module}: options must be an object, got ${describeValue(options)}.`, {
      field: "options"
    });
  }
  const kinds = resolveKinds(options, module);
  const getInteractions = makeInteractionsGetter(options.getInteractions, module);
  const getOverride = makeOverrideGetter(options.getStrengthOverride, module);
  let keys;
  if (scope.kind === "all") {
    keys = g.nodes();
  } else if (scope.kind === "node") {
    assertNode(g, scope.node, module, "node");
    const set = /* @__PURE__ */ new Set([scope.node]);
    forEachEdgeOf(g, scope.node, (_e, _a, source, target) => {
      set.add(source);
      set.add(target);
    });
    keys = [...set];
  } else if (scope.kind === "nodes") {
    const set = /* @__PURE__ */ new Set();
    for (const node of scope.nodes) {
      assertNode(g, node, module, "nodes");
      set.add(node);
    }
    forEachEdgeOfSet(g, new Set(set), (_e, _a, source, target) => {
      set.add(source);
      set.add(target);
    });
    keys = [...set];
  } else {
    assertNode(g, scope.a, module, "a");
    assertNode(g, scope.b, module, "b");
    keys = scope.a === scope.b ? [scope.a] : [scope.a, scope.b];
  }
  keys.sort(compareKeys);
  const nodeId = /* @__PURE__ */ new Map();
  for (let i = 0; i < keys.length; i++) nodeId.set(keys[i], i);
  const n = keys.length;
  const pairs = new PairTable();
  const dyadLinks = [];
  const dyadOverride = [];
  const dyadEvents = [];
  const siteItems = [];
  const siteEdge = [];
  const siteSource = [];
  const siteTarget = [];
  const siteIds = [];
  const readEdge = (edge, attributes, source, target, _sa, _ta, undirected) => {
    const s = nodeId.get(source);
    const t = nodeId.get(target);
    if (s === void 0 || t === void 0) return;
    if (scope.kind === "pair" && !(source === scope.a && target === scope.b || source === scope.b && target === scope.a)) {
      if (!(scope.a === scope.b && source === target && source === scope.a)) return;
    }
    if (scope.kind === "node" && source !== scope.node && target !== scope.node) return;
    const selfLoop = s === t;
    const a = s < t ? s : t;
    const b = s < t ? t : s;
    let dyad = -1;
    if (!selfLoop) {
      dyad = pairs.idOf(a * n + b);
      if (dyad === dyadLinks.length) {
        dyadLinks.push(0);
        dyadOverride.push(Number.NaN);
        dyadEvents.push(0);
      }
      dyadLinks[dyad] |= undirected ? LINK_UNDIRECTED : s === a ? LINK_AB : LINK_BA;
      if (getOverride !== null) {
        const raw = getOverride(edge, attributes, source, target, undirected);
        if (raw !== void 0 && raw !== null) {
          if (typeof raw !== "number" || !Number.isFinite(raw) || raw < 0 || raw > 1) {
            throw new InvalidOptionError(
              `${module}: the strength override of ${edgeName(edge, source, target, undirected)} is ${describeValue(raw)}; it must be a number in [0, 1] (or absent). Fix the attribute, or pass getStrengthOverride: null to ignore overrides.`,
              { ...edgeLocation(edge, source, target), field: "getStrengthOverride" }
            );
          }
          const prev = dyadOverride[dyad];
          dyadOverride[dyad] = Number.isNaN(prev) ? raw : Math.max(prev, raw);
        }
      }
    }
    const list = getInteractions(edge, attributes, source, target, undirected);
    if (list === void 0 || list === null) return;
    if (typeof list !== "object" || typeof list[Symbol.iterator] !== "function") {
      throw new InvalidInteractionError(
        `${module}: the interactions of ${edgeName(edge, source, target, undirected)} are ${describeValue(list)}, not an array (or iterable) of interactions. Store an array such as [{ at: '2024-01-31', kind: 'message' }].`,
        { ...edgeLocation(edge, source, target), field: "interactions" }
      );
    }
    const items = Array.isArray(list) ? list : Array.from(list);
    if (items.length === 0) return;
    siteItems.push(items);
    siteEdge.push(edge);
    siteSource.push(source);
    siteTarget.push(target);
    siteIds.push(s, t, dyad, undirected ? 1 : 0);
    if (!selfLoop) dyadEvents[dyad] += items.length;
  };
  if (scope.kind === "all") g.forEachEdge(readEdge);
  else if (scope.kind === "node") forEachEdgeOf(g, scope.node, readEdge);
  else if (scope.kind === "nodes") forEachEdgeOfSet(g, new Set(scope.nodes), readEdge);
  else forEachEdgeOf(g, scope.a, readEdge);
  const D = dyadLinks.length;
  const sortedKeys = pairs.keys.slice(0, D).sort();
  const rank = new Int32Array(D);
  const dyadA = new Int32Array(D);
  const dyadB = new Int32Array(D);
  const links = new Uint8Array(D);
  const override = new Float64Array(D);
  let eventOffset = new Int32Array(D + 1);
  for (let r = 0; r < D; r++) {
    const key = sortedKeys[r];
    const old = pairs.idOf(key);
    rank[old] = r;
    const a = Math.floor(key / n);
    dyadA[r] = a;
    dyadB[r] = key - a * n;
    links[r] = dyadLinks[old];
    override[r] = dyadOverride[old];
    eventOffset[r + 1] = dyadEvents[old];
  }
  for (let d = 0; d < D; d++) eventOffset[d + 1] += eventOffset[d];
  const capacity = eventOffset[D];
  let time = new Float64Array(capacity);
  let value = new Float64Array(capacity);
  let role = new Uint8Array(capacity);
  let dir = new Uint8Array(capacity);
  let kind = new Uint16Array(capacity);
  const fill = eventOffset.slice(0, D);
  const runCount = new Uint8Array(D);
  const firstRunEnd = new Int32Array(D);
  const unsorted = new Uint8Array(D);
  let selfLoopEvents = 0;
  const { byName, unknown } = kinds;
  let lastKindName = void 0;
  let lastKind = void 0;
  for (let site = 0; site < siteItems.length; site++) {
    const items = siteItems[site];
    const s = siteIds[4 * site];
    const t = siteIds[4 * site + 1];
    const provisional = siteIds[4 * site + 2];
    const undirected = siteIds[4 * site + 3] === 1;
    const source = siteSource[site];
    const target = siteTarget[site];
    const selfLoop = provisional < 0;
    const d = selfLoop ? -1 : rank[provisional];
    const a = s < t ? s : t;
    let m = selfLoop ? 0 : fill[d];
    let previous = -Infinity;
    let sorted = true;
    const count = items.length;
    for (let index = 0; index < count; index++) {
      const item = items[index];
      if (item === null || typeof item !== "object" || Array.isArray(item)) throw badInteraction(siteOf(module, siteEdge, site, source, target, undirected), index, item);
      const record = item;
      const rawAt = record["at"];
      const ms = typeof rawAt === "number" && rawAt - rawAt === 0 ? rawAt : timeToMs(rawAt);
      if (ms !== ms) throw badAt(siteOf(module, siteEdge, site, source, target, undirected), index, rawAt);
      const rawWeight = record["weight"];
      let weight = 1;
      if (rawWeight !== void 0) {
        if (typeof rawWeight !== "number" || !(rawWeight >= 0) || rawWeight === Infinity) throw badWeight(siteOf(module, siteEdge, site, source, target, undirected), index, rawWeight);
        weight = rawWeight;
      }
      const rawKind = record["kind"];
      let kindId = 0;
      let kindValue = 1;
      let roleCode = 0;
      if (rawKind !== void 0) {
        const resolved = rawKind === lastKindName ? lastKind : typeof rawKind === "string" ? byName.get(rawKind) : void 0;
        if (resolved !== void 0) {
          lastKindName = rawKind;
          lastKind = resolved;
          kindId = resolved.id;
          kindValue = resolved.value;
          roleCode = resolved.roleCode;
        } else if (typeof rawKind !== "string" || unknown === "error") {
          throw badKind(siteOf(module, siteEdge, site, source, target, undirected), index, rawKind);
        } else if (unknown === "ignore") {
          continue;
        }
      }
      const rawFrom = record["from"];
      let initiator = s;
      if (rawFrom === void 0) {
        if (undirected) throw missingFrom(siteOf(module, siteEdge, site, source, target, undirected), index);
      } else if (rawFrom === source || typeof rawFrom === "number" && String(rawFrom) === source) {
        initiator = s;
      } else if (rawFrom === target || typeof rawFrom === "number" && String(rawFrom) === target) {
        initiator = t;
      } else {
        throw badFrom(siteOf(module, siteEdge, site, source, target, undirected), index, rawFrom);
      }
      if (selfLoop) {
        selfLoopEvents++;
        continue;
      }
      if (ms < previous) sorted = false;
      previous = ms;
      time[m] = ms;
      value[m] = kindValue * weight;
      role[m] = roleCode;
      dir[m] = initiator === a ? 0 : 1;
      kind[m] = kindId;
      m++;
    }
    if (selfLoop || m === fill[d]) continue;
    if (runCount[d] === 0) firstRunEnd[d] = m;
    if (runCount[d] < 255) runCount[d]++;
    if (!sorted) unsorted[d] = 1;
    fill[d] = m;
  }
  const sorter = new DyadSorter();
  for (let d = 0; d < D; d++) {
    const runs = runCount[d];
    if (runs === 0 || runs === 1 && unsorted[d] === 0) continue;
    if (runs === 2 && unsorted[d] === 0) sorter.mergeTwo(eventOffset[d], firstRunEnd[d], fill[d], time, value, role, dir, kind);
    else sorter.sort(eventOffset[d], fill[d], time, value, role, dir, kind);
  }
  let holes = false;
  for (let d = 0; d < D; d++) if (fill[d] !== eventOffset[d + 1]) holes = true;
  if (holes) {
    const compact = new Int32Array(D + 1);
    let w = 0;
    for (let d = 0; d < D; d++) {
      const lo = eventOffset[d];
      const hi = fill[d];
      compact[d] = w;
      if (w !== lo) {
        time.copyWithin(w, lo, hi);
        value.copyWithin(w, lo, hi);
        role.copyWithin(w, lo, hi);
        dir.copyWithin(w, lo, hi);
        kind.copyWithin(w, lo, hi);
      }
      w += hi - lo;
    }
    compact[D] = w;
    eventOffset = compact;
    time = time.slice(0, w);
    value = value.slice(0, w);
    role = role.slice(0, w);
    dir = dir.slice(0, w);
    kind = kind.slice(0, w);
  }
  const nodeDyadOffset = new Int32Array(n + 1);
  for (let d = 0; d < D; d++) {
    nodeDyadOffset[dyadA[d] + 1]++;
    nodeDyadOffset[dyadB[d] + 1]++;
  }
  for (let i = 0; i < n; i++) nodeDyadOffset[i + 1] += nodeDyadOffset[i];
  const nodeDyads = new Int32Array(2 * D);
  const place = nodeDyadOffset.slice(0, n);
  for (let d = 0; d < D; d++) nodeDyads[place[dyadB[d]]++] = d;
  for (let d = 0; d < D; d++) nodeDyads[place[dyadA[d]]++] = d;
  return {
    nodes: keys,
    nodeId,
    dyadCount: D,
    dyadA,
    dyadB,
    links,
    override,
    eventOffset,
    time,
    value,
    role,
    dir,
    kind,
    nodeDyadOffset,
    nodeDyads,
    kinds,
    selfLoopEvents
  };
}
function forEachEdgeOfSet(graph2, set, visit) {
  if (hasPrototypeKeys(graph2)) {
    graph2.forEachEdge((edge, attributes, source, target, sa, ta, undirected) => {
      if (set.has(source) || set.has(target)) visit(edge, attributes, source, target, sa, ta, undirected);
    });
    return;
  }
  const done = /* @__PURE__ */ new Set();
  for (const node of set) {
    graph2.forEachEdge(node, (edge, attributes, source, target, sa, ta, undirected) => {
      const other = source === node ? target : source;
      if (other !== node && done.has(other)) return;
      visit(edge, attributes, source, target, sa, ta, undirected);
    });
    done.add(node);
  }
}

// .prof/bytes3.ts
var graph = generateNetwork({ seed: 1, people: 8500 });
var modes = {
  forEachEdge: () => {
    let c = 0;
    graph.forEachEdge((_e, a) => {
      c += a["interactions"].length;
    });
    return c;
  },
  bare: () => {
    let c = 0;
    graph.forEachEdge((_e, a) => {
      for (const i of a["interactions"]) c += i.at;
    });
    return c;
  },
  index: () => buildIndex(graph, {}, "x")
};
for (const [name, f] of Object.entries(modes)) {
  for (let i = 0; i < 8; i++) f();
  globalThis.gc();
  const h0 = process.memoryUsage().heapUsed;
  let keep = f();
  const h1 = process.memoryUsage().heapUsed;
  keep = null;
  console.log(name.padEnd(12), "MB", ((h1 - h0) / 1e6).toFixed(2).padStart(7));
}
