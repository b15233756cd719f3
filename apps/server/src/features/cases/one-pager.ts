import PDFDocument from 'pdfkit';
import type { TBusinessResults, TCase, TCaseResults, TSecurityResults } from '@tandem/contracts';

/** What the one-pager says, in plain business language; rendered as PDF and as HTML. */
export interface OnePager {
  title: string;
  subtitle: string;
  question: string;
  recommendation: string;
  figures: { label: string; value: string }[];
  listTitle: string;
  list: string[];
  links: string[];
  assumptions: string;
  method: string[];
  footer: string;
}

/** Whole currency units with thousands separators: "EUR 1,234,567", "EUR -45,000". */
export function formatMoney(x: number, currency: string): string {
  const n = Math.round(x);
  const digits = Math.abs(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency} ${n < 0 ? '-' : ''}${digits}`;
}
const pct = (x: number | null) => (x === null ? 'not defined' : `${(x * 100).toFixed(1)}%`);
const years = (x: number | null) => (x === null ? 'not within the horizon' : `${x.toFixed(1)} years`);

function businessPager(c: TCase, r: TBusinessResults): Pick<OnePager, 'question' | 'recommendation' | 'figures' | 'listTitle' | 'list'> {
  const m = (x: number) => formatMoney(x, c.currency);
  const loss = 1 - r.probabilityPositive;
  const top = r.tornado[0];
  const advice =
    r.probabilityPositive >= 0.8
      ? `Proceed: the case pays back its cost of capital in ${pct(r.probabilityPositive)} of the simulated outcomes.`
      : r.probabilityPositive >= 0.5
        ? `Proceed with care: the case pays in ${pct(r.probabilityPositive)} of outcomes${top ? `; firm up "${top.label}" first, it moves NPV most` : ''}.`
        : `Do not proceed as it stands: the NPV is negative in ${pct(loss)} of outcomes${top ? `; it depends most on "${top.label}"` : ''}.`;
  return {
    question: c.question || `Should we invest in "${c.title}" over the next ${c.years} years at a ${pct(c.discountRate)} discount rate?`,
    recommendation: c.recommendation || advice,
    figures: [
      { label: 'NPV range (P10 to P90)', value: `${m(r.npv.p10)} to ${m(r.npv.p90)}` },
      { label: 'NPV, median (P50) / most likely', value: `${m(r.npv.p50)} / ${m(r.npv.deterministic)}` },
      { label: 'Probability of a loss (NPV < 0)', value: pct(loss) },
      { label: 'IRR, median (P10 to P90)', value: r.irr.p50 === null ? 'not defined' : `${pct(r.irr.p50)} (${pct(r.irr.p10)} to ${pct(r.irr.p90)})` },
      { label: 'Payback (discounted), median', value: years(r.payback.p50) },
      { label: 'Chance it does not pay back in the horizon', value: pct(r.payback.probabilityNotWithinHorizon) },
    ],
    listTitle: 'What moves the NPV most',
    list: r.tornado.slice(0, 3).map((b) => `${b.label} (${b.type}): NPV from ${m(Math.min(b.low, b.high))} to ${m(Math.max(b.low, b.high))} across its range`),
  };
}

function securityPager(c: TCase, r: TSecurityResults): Pick<OnePager, 'question' | 'recommendation' | 'figures' | 'listTitle' | 'list'> {
  const m = (x: number) => formatMoney(x, c.currency);
  const pays = r.rosi !== null && r.rosi > 0;
  const what = [c.threat, c.asset].filter(Boolean).join(' against ');
  return {
    question: c.question || `Are the proposed controls worth their cost against ${what || `"${c.title}"`}?`,
    recommendation:
      c.recommendation ||
      (r.rosi === null
        ? 'No controls are proposed yet: this page states the exposure only.'
        : pays
          ? `Fund the controls: they avoid more expected loss than they cost (ROSI ${pct(r.rosi)}).`
          : `Reconsider the controls: they cost more than the expected loss they avoid (ROSI ${pct(r.rosi)}).`),
    figures: [
      { label: 'Expected loss per year before controls (ALE)', value: m(r.aleBefore) },
      { label: 'Expected loss per year after controls', value: m(r.aleAfter) },
      { label: 'Cost of the controls per year', value: m(r.controlCost) },
      { label: 'Return on security investment (ROSI)', value: pct(r.rosi) },
      { label: 'Chance the controls pay for themselves in a year', value: pct(r.probabilityControlsPay) },
      { label: '1-in-10-year loss before / after', value: `${m(tail(r.exceedance.before))} / ${m(tail(r.exceedance.after))}` },
    ],
    listTitle: 'Controls',
    list: c.controls.slice(0, 3).map((k) => `${k.label}: ${m(k.costPerYear)} a year; cuts frequency by ${pct(k.frequencyReduction)} and loss per event by ${pct(k.magnitudeReduction)}`),
  };
}

/** The largest loss on the curve still exceeded with probability ≥ 10%. */
function tail(curve: { loss: number; probability: number }[]): number {
  let x = 0;
  for (const p of curve) if (p.probability >= 0.1) x = Math.max(x, p.loss);
  return x;
}

export function buildOnePager(c: TCase, r: TCaseResults, now: Date): OnePager {
  const body = r.kind === 'business' ? businessPager(c, r) : securityPager(c, r as TSecurityResults);
  const links = [
    c.initiative ? `Initiative: ${c.initiative.title}` : 'Initiative: not linked',
    c.goals.length ? `Goal${c.goals.length > 1 ? 's' : ''}: ${c.goals.map((g) => g.title).join('; ')}` : 'Goal: none linked',
  ];
  return {
    title: c.title,
    subtitle: r.kind === 'business' ? 'Business case' : 'Security case (FAIR)',
    ...body,
    links,
    assumptions:
      c.assumptions ||
      (r.kind === 'business'
        ? `Every cost and benefit line is a range (low, most likely, high); discount rate ${pct(c.discountRate)}; ${c.years}-year horizon; year 0 is not discounted.`
        : `Loss events per year between ${c.frequency?.low} and ${c.frequency?.high} (most likely ${c.frequency?.likely}); loss per event between ${formatMoney(c.magnitude?.low ?? 0, c.currency)} and ${formatMoney(c.magnitude?.high ?? 0, c.currency)} (90% range).`),
    method: r.notes,
    footer: `Version ${c.version} · seed ${r.seed} · ${r.iterations.toLocaleString('en-GB')} draws · printed ${now.toISOString().slice(0, 10)} by Tandem`,
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export function renderHtml(p: OnePager): string {
  const rows = p.figures.map((f) => `<tr><th scope="row">${esc(f.label)}</th><td>${esc(f.value)}</td></tr>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(p.title)}: one-pager</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1b1e;line-height:1.45}
h1{margin-bottom:0}p.sub{color:#495057;margin-top:.2rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #dee2e6}
td{font-variant-numeric:tabular-nums}footer{color:#495057;font-size:.85rem;margin-top:2rem}</style></head>
<body><main><h1>${esc(p.title)}</h1><p class="sub">${esc(p.subtitle)}</p>
<h2>The question</h2><p>${esc(p.question)}</p>
<h2>Recommendation</h2><p>${esc(p.recommendation)}</p>
<h2>The numbers</h2><table><caption class="sub">Key figures</caption><tbody>${rows}</tbody></table>
<h2>${esc(p.listTitle)}</h2><ul>${p.list.map((x) => `<li>${esc(x)}</li>`).join('') || '<li>None</li>'}</ul>
<h2>Linked to</h2><ul>${p.links.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>
<h2>Assumptions</h2><p>${esc(p.assumptions)}</p>
<h2>Method</h2><ul>${p.method.map((x) => `<li>${esc(x)}</li>`).join('')}</ul></main>
<footer>${esc(p.footer)}</footer></body></html>`;
}

/**
 * One A4 page with pdfkit's built-in Helvetica (no font files, no browser). Long free text is
 * cut with an ellipsis to a fixed height, so the page never overflows onto a second one.
 */
export function renderPdf(p: OnePager): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: p.title, Subject: p.subtitle, Creator: 'Tandem' } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 100;
  const heading = (s: string) => doc.moveDown(0.6).font('Helvetica-Bold').fontSize(11).fillColor('#1a1b1e').text(s, { width });
  const para = (s: string, maxHeight: number) => doc.font('Helvetica').fontSize(9.5).fillColor('#1a1b1e').text(s, { width, height: maxHeight, ellipsis: true });

  doc.font('Helvetica-Bold').fontSize(18).text(p.title, { width, height: 48, ellipsis: true });
  doc.font('Helvetica').fontSize(10).fillColor('#495057').text(p.subtitle, { width });
  heading('The question');
  para(p.question, 40);
  heading('Recommendation');
  para(p.recommendation, 40);
  heading('The numbers');
  doc.moveDown(0.2);
  for (const f of p.figures) {
    const y = doc.y;
    doc.font('Helvetica').fontSize(9.5).fillColor('#495057').text(f.label, 50, y, { width: width * 0.55 });
    doc.font('Helvetica-Bold').fillColor('#1a1b1e').text(f.value, 50 + width * 0.57, y, { width: width * 0.43 });
    doc.x = 50;
    doc.moveDown(0.25);
  }
  heading(p.listTitle);
  para(p.list.length ? p.list.map((x) => `•  ${x}`).join('\n') : 'None', 60);
  heading('Linked to');
  para(p.links.join('\n'), 30);
  heading('Assumptions');
  para(p.assumptions, 70);
  heading('Method');
  doc.font('Helvetica').fontSize(8).fillColor('#495057').text(p.method.join(' '), { width, height: 50, ellipsis: true });
  doc.font('Helvetica').fontSize(7.5).fillColor('#868e96').text(p.footer, 50, doc.page.height - 65, { width, lineBreak: false });
  doc.end();
  return done;
}
