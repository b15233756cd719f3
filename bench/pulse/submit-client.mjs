// The load generator of submit.bench.ts, in its own thread so that it does not share the
// server's event loop: `concurrency` respondents, each link posted once. Plain JavaScript, so the
// worker needs no TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';

const { address, tokens, questionIds, concurrency } = workerData;
const body = (v) => JSON.stringify({ answers: questionIds.map((q, i) => ({ questionId: q, value: ((v + i) % 5) + 1 })) });
let next = 0;
let ok = 0;
const failures = {};
const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < tokens.length) {
      const i = next++;
      const res = await fetch(`${address}/api/v1/respond/${tokens[i]}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(i) });
      await res.arrayBuffer();
      if (res.status === 201) ok++;
      else failures[res.status] = (failures[res.status] ?? 0) + 1;
    }
  }),
);
parentPort.postMessage({ ok, failures, seconds: (performance.now() - t0) / 1000 });
