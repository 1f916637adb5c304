import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { CALL_NAMES, calls, type CallName } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/define';
import { postCall, startHost, type Host, type RawReply } from '../../e2e/support/host';
import { malformedPayloads } from '../../unit/api/malformed';
import { parseJournal, partitionDataSum } from '../../../electron/services/store/journal';
import { httpCaller } from './caller';
import { openCountingRound } from './vote-session';

/** One request of the fuzz: JSON args, or a raw body JSON.stringify cannot write (NaN). */
export interface FuzzCase {
  what: string;
  args: unknown;
  raw?: string;
}

type Json = Record<string, unknown>;

const ID = /^\^([a-z]{2})_/;
const NUMBER_SLOT = '__pingyi_number_slot__';

function jsonSchemaOf(name: CallName): Json {
  return z.toJSONSchema(calls[name].args as z.ZodType, { unrepresentable: 'any', io: 'input' }) as Json;
}

/** Real ids of the folder by kind (mb, ee, mt, vr…), so a call can be given another kind's id. */
export type IdPool = Map<string, string[]>;

/** A value the schema accepts, built from its JSON schema: real ids, enum heads, minimal sizes. */
function sample(schema: Json | undefined, ids: IdPool): unknown {
  if (!schema) return null;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const union = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  if (union?.length) return sample(union[0], ids);
  switch (schema.type) {
    case 'object': {
      const out: Json = {};
      for (const [k, v] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) out[k] = sample(v, ids);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, Number(schema.minItems ?? 1)) }, () => sample(schema.items as Json, ids));
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return false;
    case 'string': {
      const kind = typeof schema.pattern === 'string' ? ID.exec(schema.pattern)?.[1] : undefined;
      if (kind) return ids.get(kind)?.[0] ?? `${kind}_zzzz0000`;
      if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return '2026-10-28';
      return 'a'.repeat(Math.max(1, Number(schema.minLength ?? 1)));
    }
    default:
      return 'a';
  }
}

interface Leaf {
  path: (string | number)[];
  schema: Json;
}

/** The sample's leaves with the schema that typed each (objects and arrays are walked). */
function leaves(schema: Json | undefined, value: unknown, path: (string | number)[] = []): Leaf[] {
  if (!schema) return [];
  const union = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  if (union?.length && !('type' in schema)) return leaves(union[0], value, path);
  if (schema.type === 'object' && value && typeof value === 'object') {
    return Object.entries((schema.properties ?? {}) as Record<string, Json>).flatMap(([k, v]) => leaves(v, (value as Json)[k], [...path, k]));
  }
  if (schema.type === 'array' && Array.isArray(value) && value.length > 0) return leaves(schema.items as Json, value[0], [...path, 0]);
  return [{ path, schema }];
}

function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length > 0 ? objectPaths(value[0], [...path, 0]) : [];
  if (!value || typeof value !== 'object') return [];
  return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
}

function withAt(value: unknown, path: (string | number)[], change: (parent: Json | unknown[], key: string | number) => void): unknown {
  const copy = structuredClone(value);
  if (path.length === 0) return copy;
  let parent = copy as Json;
  for (const key of path.slice(0, -1)) parent = (parent as Json)[key as string] as Json;
  change(parent, path.at(-1)!);
  return copy;
}

const set = (value: unknown, path: (string | number)[], v: unknown) => withAt(value, path, (p, k) => ((p as Json)[k as string] = v));

/** Strings a careless or hostile client sends: huge, and Unicode that is valid JSON but not text. */
const ODD_STRINGS: [string, string][] = [
  ['1 MB ASCII', 'a'.repeat(1_000_000)],
  ['300k CJK (900 KB UTF-8)', '评'.repeat(300_000)],
  ['lone high surrogate', '张\ud800三'],
  ['lone low surrogate', '\udc00'],
  ['bidi override', '\u202e张三'],
  ['bidi isolate', '\u2066张三\u2069'],
  ['NUL', '张\u0000三'],
  ['C0 control', '张\u0007三'],
  ['zero width', '张\u200b三'],
  ['BOM', '\ufeff张三'],
  ['empty', ''],
  ['spaces only', '   '],
];

/**
 * Every request the fuzz sends for one call: the malformed payloads the dispatch tests use
 * (wrong types, non-objects, unknown keys), then, from a sample the schema accepts, each field
 * missing, an extra field in each object, each string leaf replaced by each odd string, each
 * number leaf NaN / ±Infinity (1e999 parses as Infinity), each id another kind's real id.
 */
export function fuzzCases(name: CallName, ids: IdPool): FuzzCase[] {
  const schema = jsonSchemaOf(name);
  const out: FuzzCase[] = malformedPayloads(name).map((args) => ({ what: `malformed ${JSON.stringify(args)?.slice(0, 60)}`, args }));
  const base = sample(schema, ids);
  for (const path of objectPaths(base)) {
    const holder = path.reduce<unknown>((v, k) => (v as Json)[k as string], base) as Json;
    for (const key of Object.keys(holder)) out.push({ what: `missing ${[...path, key].join('.')}`, args: withAt(base, [...path, key], (p, k) => delete (p as Json)[k as string]) });
    out.push({ what: `extra field in ${path.join('.') || 'args'}`, args: set(base, [...path, 'zzz_extra'], 1) });
  }
  for (const leaf of leaves(schema, base)) {
    const at = leaf.path.join('.');
    const type = leaf.schema.type;
    if (type === 'string' || 'const' in leaf.schema || Array.isArray(leaf.schema.enum)) {
      for (const [label, odd] of ODD_STRINGS) out.push({ what: `${at}: ${label}`, args: set(base, leaf.path, odd) });
      const kind = typeof leaf.schema.pattern === 'string' ? ID.exec(leaf.schema.pattern)?.[1] : undefined;
      if (kind) {
        for (const [other, list] of ids) if (other !== kind && list[0]) out.push({ what: `${at}: a ${other} id`, args: set(base, leaf.path, list[0]) });
        out.push({ what: `${at}: unknown ${kind} id`, args: set(base, leaf.path, `${kind}_zzzz9999`) });
      }
    }
    if (type === 'number' || type === 'integer') {
      const text = JSON.stringify(set(base, leaf.path, NUMBER_SLOT));
      for (const n of ['NaN', 'Infinity', '1e999', '-1e999', '1.5', '-1', '9007199254740993']) {
        out.push({ what: `${at}: ${n}`, args: null, raw: text.replace(JSON.stringify(NUMBER_SLOT), n) });
      }
    }
  }
  return out;
}

/** Ids found in the folder's partition files, by kind. */
export async function idPool(dataDir: string): Promise<IdPool> {
  const pool: IdPool = new Map();
  const texts: string[] = [];
  for (const file of await listFiles(dataDir)) {
    if (file.endsWith('.json') && !relative(dataDir, file).startsWith('backups')) texts.push(await readFile(file, 'utf8'));
  }
  for (const m of texts.join('\n').matchAll(/"([a-z]{2})_([0-9a-z]{4,32})"/g)) {
    const list = pool.get(m[1]!) ?? [];
    if (!list.includes(`${m[1]}_${m[2]}`)) list.push(`${m[1]}_${m[2]}`);
    pool.set(m[1]!, list);
  }
  return pool;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** What a rejected call must never change: partitions, journals, meta.json, backups, quarantine — not logs, the lock or the host's tokens. */
function watched(dataDir: string, file: string): boolean {
  const rel = relative(dataDir, file).split(/[\\/]/);
  return rel[0] !== 'logs' && rel[0] !== '.lock' && rel[0] !== 'host-tokens.json';
}

/** Hashes of every watched file; a file is read again only when its stat (inode, size, times) moved. */
class FolderPrint {
  private readonly cache = new Map<string, { stamp: string; hash: string }>();
  async take(dataDir: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const file of await listFiles(dataDir)) {
      if (!watched(dataDir, file)) continue;
      const st = await stat(file, { bigint: true }).catch(() => null);
      if (!st) continue;
      const stamp = `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
      let known = this.cache.get(file);
      if (known?.stamp !== stamp) {
        const bytes = await readFile(file).catch(() => null);
        if (!bytes) continue;
        known = { stamp, hash: createHash('sha256').update(bytes).digest('hex') };
        this.cache.set(file, known);
      }
      out.set(relative(dataDir, file), known.hash);
    }
    return out;
  }
}

/** Resolves once each meeting file holds its journal's newest line (or after 10 s: a file left behind then shows as a change). */
async function journalsCaughtUp(dataDir: string): Promise<void> {
  const dir = join(dataDir, 'meeting');
  for (let tries = 0; tries < 2000; tries++) {
    const names = await readdir(dir).catch(() => [] as string[]);
    let behind = false;
    for (const name of names.filter((n) => n.endsWith('.journal'))) {
      const journal = await readFile(join(dir, name)).catch(() => null);
      const file = await readFile(join(dir, name.replace(/\.journal$/, '.json'))).catch(() => null);
      const last = journal ? parseJournal(journal).last : null;
      if (last && file && partitionDataSum(file) !== last.sum) behind = true;
    }
    if (!behind) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}

/** Fetches an accepted export's one-time link; a 5xx there counts like any other. */
async function fetchDownload(host: Host, role: Role, name: CallName, what: string, result: unknown, outcome: FuzzOutcome): Promise<void> {
  const delivered = result as { kind?: string; url?: string } | undefined;
  if (delivered?.kind !== 'download' || !delivered.url) return;
  const res = await fetch(`${host.origin}${delivered.url}`, { headers: { Cookie: `pingyi_${role}=${host.tokens[role]}` } });
  await res.arrayBuffer();
  if (res.status >= 500) {
    outcome.http500++;
    outcome.findings.push({ call: name, what: `${what}, then its download`, status: res.status, message: '' });
  }
}

/**
 * Odd text that a call accepted stays in the data and reaches file names later: the meeting is
 * renamed to each odd string in turn and, where that is accepted, every call that takes a meeting
 * is made and its download fetched.
 */
async function oddNamesThenDownloads(host: Host, ids: IdPool, outcome: FuzzOutcome, names: readonly [string, string][]): Promise<void> {
  const desk = httpCaller(() => host, 'desk');
  const meetingId = ids.get('mt')?.[0];
  if (!meetingId) return;
  const byMeeting = CALL_NAMES.filter((name) => Object.hasOwn((jsonSchemaOf(name).properties ?? {}) as Json, 'meetingId'));
  for (const [label, odd] of names) {
    const { meeting } = await desk('meetings.get', { id: meetingId });
    const renamed = await postCall(host, 'desk', 'meetings.update', { meeting: { ...meeting, name: odd } });
    outcome.requests++;
    if (!renamed.reply?.ok) continue;
    for (const name of byMeeting) {
      const role = calls[name].roles[0]!;
      const args = { ...(sample(jsonSchemaOf(name), ids) as Json), meetingId };
      const answer = await postCall(host, role, name, args);
      outcome.requests++;
      const what = `meeting named ${label}`;
      if (answer.status >= 500) {
        outcome.http500++;
        outcome.findings.push({ call: name, what, status: answer.status, message: answer.reply?.error?.message ?? '' });
      }
      if (answer.reply?.ok) await fetchDownload(host, role, name, what, answer.reply.result, outcome);
    }
  }
}

export interface FuzzFinding {
  call: CallName;
  what: string;
  status: number;
  message: string;
  changed?: string[];
}

export interface FuzzOutcome {
  requests: number;
  rejected: number;
  http500: number;
  rejectedChanged: number;
  findings: FuzzFinding[];
}

export interface FuzzOptions {
  serveScript?: string;
  /** Calls to fuzz (default: every call of the contract). */
  calls?: readonly CallName[];
  /** At most this many requests per call, spread evenly over its cases (default: all). */
  perCall?: number;
  /** The odd strings the meeting is renamed to before its exports run (default: all of them). */
  oddNames?: number;
}

function spread<T>(list: T[], n: number | undefined): T[] {
  if (n === undefined || list.length <= n) return list;
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]!);
}

/**
 * Sends every generated request to a real host holding the demo county with its meeting live and
 * a round being counted, and checks each answer: never HTTP 5xx, and a refusal changes no file.
 * The folder's state moves only with calls that were accepted.
 */
export async function fuzzContract(options: FuzzOptions = {}): Promise<FuzzOutcome> {
  const root = await mkdtemp(join(tmpdir(), 'pingyi-fuzz-'));
  const start = (): Promise<Host> => startHost({ dataDir: join(root, 'data'), homeDir: join(root, 'home'), cwd: root, ...(options.serveScript ? { serveScript: options.serveScript } : {}) });
  let host = await start();
  const outcome: FuzzOutcome = { requests: 0, rejected: 0, http500: 0, rejectedChanged: 0, findings: [] };
  try {
    await openCountingRound(httpCaller(() => host));
    await host.stop();
    host = await start();
    // The startup backup runs in the background, queued before any write: a backup asked for
    // now is taken after it, so its answer says the folder is at rest.
    await httpCaller(() => host, 'desk')('store.backup', { label: '接口模糊测试之前' });
    const ids = await idPool(host.dataDir);
    const print = new FolderPrint();
    let dataDir = host.dataDir;
    let before = await print.take(dataDir);
    for (const name of options.calls ?? CALL_NAMES) {
      const role = calls[name].roles[0]!;
      for (const c of spread(fuzzCases(name, ids), options.perCall)) {
        outcome.requests++;
        let answer: RawReply;
        try {
          answer = await postCall(host, role, name, c.args, c.raw);
        } catch (err) {
          // The host went away: as bad as a 500. Start it again and go on.
          outcome.http500++;
          outcome.findings.push({ call: name, what: c.what, status: 0, message: `no answer: ${String(err)}` });
          host = await start();
          before = await print.take(dataDir);
          continue;
        }
        if (answer.status >= 500) {
          outcome.http500++;
          outcome.findings.push({ call: name, what: c.what, status: answer.status, message: answer.reply?.error?.message ?? '' });
        }
        const accepted = answer.status === 200 && answer.reply?.ok === true;
        // An accepted export is fetched too: its one-time link must serve the file, not fail.
        if (accepted) await fetchDownload(host, role, name, c.what, answer.reply?.result, outcome);
        if (accepted && name === 'store.moveData') dataDir = (await httpCaller(() => host, 'desk')('store.status', {})).dataDir;
        // While the meeting runs its file follows its journal right after each accepted change:
        // the folder is at rest once every meeting file holds its journal's newest line.
        if (accepted) await journalsCaughtUp(dataDir);
        const after = await print.take(dataDir);
        if (!accepted) {
          outcome.rejected++;
          const changed = changedFiles(before, after);
          if (changed.length > 0) {
            outcome.rejectedChanged++;
            outcome.findings.push({ call: name, what: c.what, status: answer.status, message: answer.reply?.error?.message ?? '', changed });
          }
        }
        before = after;
      }
    }
    await oddNamesThenDownloads(host, ids, outcome, spread(ODD_STRINGS, options.oddNames));
    return outcome;
  } finally {
    await host.stop();
    await rm(root, { recursive: true, force: true });
  }
}
