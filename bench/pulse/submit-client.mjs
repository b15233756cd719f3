// The load generator of submit.bench.ts, in its own thread so that it does not share the
// server's event loop: `concurrency` respondents, each link posted once. Plain JavaScript, so the
// worker needs no TypeScript loader. `client` picks the HTTP client: 'fetch' (Node's undici
// fetch, as a browser-like client would) or 'http' (node:http with a keep-alive agent, a lean
// generator that leaves more of the 2 shared cores to the server; decision 165).
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { address, tokens, questionIds, concurrency, client = 'fetch' } = workerData;
const body = (v) => JSON.stringify({ answers: questionIds.map((q, i) => ({ questionId: q, value: ((v + i) % 5) + 1 })) });
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const url = new URL(address);

/** Posts one answer and resolves with the status code, the body read to the end. */
function post(token, payload) {
  if (client === 'fetch') {
    return fetch(`${address}/api/v1/respond/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload }).then(async (res) => {
      await res.arrayBuffer();
      return res.status;
    });
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: url.hostname, port: url.port, method: 'POST', path: `/api/v1/respond/${token}`, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode));
        res.once('error', reject);
      },
    );
    req.once('error', reject);
    req.end(payload);
  });
}

let next = 0;
let ok = 0;
const failures = {};
const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < tokens.length) {
      const i = next++;
      const status = await post(tokens[i], body(i));
      if (status === 201) ok++;
      else failures[status] = (failures[status] ?? 0) + 1;
    }
  }),
);
agent.destroy();
parentPort.postMessage({ ok, failures, seconds: (performance.now() - t0) / 1000 });
