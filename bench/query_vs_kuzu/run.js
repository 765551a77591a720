#!/usr/bin/env node
// The kg-vs-Kùzu query benchmark: one graph, the same Cypher on both engines,
// in one run. See docs/performance.md, "Queries: kg vs Kùzu".
//
//   node bench/query_vs_kuzu/run.js --bin BUILD/bench [--relationships 1000000]
//        [--repeat 15] [--warmup 2] [--kuzu-threads N] [--data DIR]
//
// 1. query_vs_kuzu_make_graph writes the graph (kept in --data, default
//    $TMPDIR/kg-vs-kuzu-N; rebuilt when older than the generator) as kg's
//    node-link JSON and as Kùzu's schema and CSV files.
// 2. query_vs_kuzu_kg_runner loads the JSON; Kùzu loads the CSV into an in-memory database.
// 3. Every query of queries.cypher runs on both; their rows must agree (as
//    multisets, or in order when the query has ORDER BY).
// 4. Timed rounds alternate the engines query by query, so both see the same
//    machine load; each query's median time and the ratio kg/Kùzu are printed,
//    then the geometric mean of the ratios.
// Times are engine time only: kg's run_statement(); Kùzu's querySync(), which
// parses, plans and runs the query into its in-memory result (converting that
// result to JavaScript objects is not counted). Wall-clock time decides the
// ratio; CPU time (all threads: Kùzu may use several) is printed beside it, as
// it is less disturbed by other processes on a busy machine.
// Exit status: 0 when all rows agree, 1 when some differ, 77 when the kuzu
// package is not installed (run `npm install` in this folder).
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');

let kuzu;
try {
  kuzu = require('kuzu');
} catch (e) {
  console.error(`kuzu is not installed: run \`npm install\` in ${__dirname} (${e.message})`);
  process.exit(77);
}

function parseArguments(argv) {
  const options = {
    bin: path.join(__dirname, '..', '..', 'build', 'bench'),
    relationships: 1000000,
    repeat: 15,
    warmup: 2,
    kuzuThreads: 0,  // 0: Kùzu's default (all cores)
    data: null,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} wants a value`);
    if (flag === '--bin') options.bin = value;
    else if (flag === '--relationships') options.relationships = Number(value);
    else if (flag === '--repeat') options.repeat = Number(value);
    else if (flag === '--warmup') options.warmup = Number(value);
    else if (flag === '--kuzu-threads') options.kuzuThreads = Number(value);
    else if (flag === '--data') options.data = value;
    else throw new Error(`unknown option ${flag}`);
  }
  options.data ??= path.join(os.tmpdir(), `kg-vs-kuzu-${options.relationships}`);
  return options;
}

// [{name, cypher}] from queries.cypher: a `// name` line, then the statement up
// to the line ending in `;`. The statement is joined into one line for the pipe.
function readQueries(file) {
  const queries = [];
  let name = null, lines = [];
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (lines.length === 0 && line.startsWith('//')) {
      name = line.slice(2).trim();
    } else if (line !== '') {
      lines.push(line);
      if (line.endsWith(';')) {
        queries.push({ name, cypher: lines.join(' ').slice(0, -1) });
        lines = [];
      }
    }
  }
  return queries;
}

// The kg runner as a child process answering one JSON line per request.
class KgRunner {
  constructor(executable, graphFile) {
    this.child = childProcess.spawn(executable, [graphFile], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.waiting = [];
    this.child.on('exit', (code) => {
      for (const { reject } of this.waiting) reject(new Error(`kg runner exited with status ${code}`));
    });
    readline.createInterface({ input: this.child.stdout }).on('line', (line) => {
      this.waiting.shift().resolve(JSON.parse(line));
    });
  }
  next() {
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }
  request(kind, cypher) {
    const reply = this.next();
    this.child.stdin.write(`${kind} ${cypher}\n`);
    return reply;
  }
  close() {
    this.child.stdin.end();
  }
}

function milliseconds(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// A connection to a new in-memory database holding the graph (it keeps the database alive).
function kuzuLoad(dataDir, threads) {
  const connection = new kuzu.Connection(new kuzu.Database(':memory:'), threads || null);
  const schema = fs.readFileSync(path.join(dataDir, 'schema.cypher'), 'utf8');
  for (const statement of schema.split(';\n').filter((s) => s.trim() !== '')) {
    const absolute = statement.replace(/FROM '([^']+)'/, (_, file) => `FROM '${path.join(dataDir, file)}'`);
    connection.querySync(absolute).close();
  }
  return connection;
}

function kuzuRun(connection, cypher, withRows) {
  const start = process.hrtime.bigint(), cpuStart = process.cpuUsage();
  const result = connection.querySync(cypher);
  const ms = milliseconds(start);
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  let rows;
  if (withRows) {
    const columns = result.getColumnNamesSync();
    rows = result.getAllSync().map((row) => columns.map((c) => row[c]));
  }
  result.close();
  return { ms, cpuMs, rows };
}

// Rows as comparable strings: numbers compare by value, so kg's 5.0e8 and Kùzu's 500000000 agree.
function canonicalRows(rows, ordered) {
  const strings = rows.map((row) => JSON.stringify(row, (_, v) => (typeof v === 'bigint' ? Number(v) : v)));
  return ordered ? strings : strings.sort();
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function loadLine() {
  return os.loadavg().map((l) => l.toFixed(2)).join(' ');
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const queries = readQueries(path.join(__dirname, 'queries.cypher'));

  // (Re)generate the graph when it is missing or older than the generator.
  const makeGraph = path.join(options.bin, 'query_vs_kuzu_make_graph');
  const graphFile = path.join(options.data, 'graph.json');
  if (!fs.existsSync(graphFile) || fs.statSync(graphFile).mtimeMs < fs.statSync(makeGraph).mtimeMs) {
    childProcess.execFileSync(makeGraph, [String(options.relationships), options.data], { stdio: 'inherit' });
  }
  console.log(`graph: ${options.relationships} relationships in ${options.data}`);
  console.log(`load average at start: ${loadLine()} (${os.cpus().length} cores)`);

  const kg = new KgRunner(path.join(options.bin, 'query_vs_kuzu_kg_runner'), graphFile);
  const kgLoad = await kg.next();
  const kuzuStart = process.hrtime.bigint();
  const connection = kuzuLoad(options.data, options.kuzuThreads);
  console.log(`load: kg ${(kgLoad.load_ms / 1000).toFixed(1)} s (node-link JSON), ` +
    `Kùzu ${(milliseconds(kuzuStart) / 1000).toFixed(1)} s (CSV, in-memory database, ` +
    `threads: ${options.kuzuThreads || 'default'})`);

  // First run of each query: compare the rows (and warm both engines up).
  let mismatches = 0;
  const rowCounts = [];
  for (const q of queries) {
    const kgReply = await kg.request('ROWS', q.cypher);
    if (kgReply.error) throw new Error(`kg failed on "${q.name}": ${kgReply.error}`);
    const kuzuReply = kuzuRun(connection, q.cypher, true);
    const ordered = /\bORDER\s+BY\b/i.test(q.cypher);
    const a = canonicalRows(kgReply.rows, ordered), b = canonicalRows(kuzuReply.rows, ordered);
    const same = a.length === b.length && a.every((row, i) => row === b[i]);
    if (!same) {
      mismatches++;
      console.log(`ROWS DIFFER on "${q.name}": kg ${a.length} rows, Kùzu ${b.length} rows`);
      console.log(`  kg:   ${a.slice(0, 5).join(' ')}`);
      console.log(`  Kùzu: ${b.slice(0, 5).join(' ')}`);
    }
    rowCounts.push(a.length);
  }

  const times = queries.map(() => ({ kg: [], kuzu: [], kgCpu: [], kuzuCpu: [] }));
  for (let round = 0; round < options.warmup + options.repeat; ++round) {
    for (let i = 0; i < queries.length; ++i) {
      const kgReply = await kg.request('TIME', queries[i].cypher);
      const kuzuReply = kuzuRun(connection, queries[i].cypher, false);
      if (round >= options.warmup) {
        times[i].kg.push(kgReply.ms);
        times[i].kuzu.push(kuzuReply.ms);
        times[i].kgCpu.push(kgReply.cpu_ms);
        times[i].kuzuCpu.push(kuzuReply.cpuMs);
      }
    }
  }
  kg.close();

  console.log(`\nmedian of ${options.repeat} runs (after ${options.warmup} warm-up rounds), milliseconds:\n`);
  const header = ['query', 'rows', 'kg ms', 'Kùzu ms', 'kg/Kùzu', 'kg CPU ms', 'Kùzu CPU ms', 'CPU kg/Kùzu'];
  const ratios = times.map((t) => median(t.kg) / median(t.kuzu));
  const cpuRatios = times.map((t) => median(t.kgCpu) / median(t.kuzuCpu));
  const table = queries.map((q, i) => [q.name, String(rowCounts[i]), median(times[i].kg).toFixed(3),
    median(times[i].kuzu).toFixed(3), ratios[i].toFixed(3), median(times[i].kgCpu).toFixed(3),
    median(times[i].kuzuCpu).toFixed(3), cpuRatios[i].toFixed(3)]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c].length)));
  const format = (row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(format(header));
  for (const row of table) console.log(format(row));
  const geometricMean = (values) => Math.exp(values.reduce((sum, r) => sum + Math.log(r), 0) / values.length);
  console.log(`\ngeometric mean of kg/Kùzu: ${geometricMean(ratios).toFixed(3)} ` +
    `(CPU time: ${geometricMean(cpuRatios).toFixed(3)})`);
  console.log(`load average at end: ${loadLine()}`);
  if (mismatches) {
    console.log(`${mismatches} queries returned different rows`);
    process.exitCode = 1;
  } else {
    console.log('rows: kg and Kùzu agree on every query');
  }
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
