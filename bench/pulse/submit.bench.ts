// Sustained pulse submissions with 20 concurrent respondents over real HTTP (the client in a
// worker thread), each answering the
// 12 statements once through its own link. Baseline, same run and engine: the same storage work
// (consume the link, insert the response and its answers) done straight on the database by 20
// concurrent workers, without HTTP, validation or lookups. Targets: ≥ 500 responses/s on PGlite,
// ≥ 1,500/s on PostgreSQL, 0 lost and 0 duplicated (counted afterwards). Prints one JSON object.
import { benchEngines } from './setup';
import { runSubmit } from './submit-run';

const results = [];
for (const e of await benchEngines()) results.push(await runSubmit(e));
console.log(JSON.stringify({ benchmark: 'pulse/submit', baseline: 'the same storage transaction straight on the database, 20 concurrent, same engine and run', results, pass: results.every((r) => r.pass) }));
