// Counters and gauges for /metrics in Prometheus' text exposition format (version 0.0.4).
// Label values are from small fixed sets (routes, status codes, field names, peer states), so
// series stay bounded whatever clients send.
export class Metrics {
  constructor() {
    this.counters = new Map(); // name -> {help, series: Map(labelText -> value)}
    this.gauges = new Map(); // name -> {help, read: () => [[labels, value]]}
  }

  counter(name, help) {
    if (!this.counters.has(name)) this.counters.set(name, { help, series: new Map() });
    return this;
  }

  inc(name, labels = {}, by = 1) {
    const c = this.counters.get(name);
    const key = labelText(labels);
    c.series.set(key, (c.series.get(key) ?? 0) + by);
  }

  // `read` returns a number or [[labels, number], …], evaluated at scrape time.
  gauge(name, help, read) {
    this.gauges.set(name, { help, read });
    return this;
  }

  text() {
    const lines = [];
    for (const [name, c] of this.counters) {
      lines.push(`# HELP ${name} ${c.help}`, `# TYPE ${name} counter`);
      for (const [labels, v] of c.series) lines.push(`${name}${labels} ${v}`);
    }
    for (const [name, g] of this.gauges) {
      const value = g.read();
      const series = Array.isArray(value) ? value : [[{}, value]];
      lines.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`);
      for (const [labels, v] of series) if (Number.isFinite(v)) lines.push(`${name}${labelText(labels)} ${v}`);
    }
    return lines.join('\n') + '\n';
  }
}

const escape = (v) => String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function labelText(labels) {
  const keys = Object.keys(labels).sort();
  return keys.length ? `{${keys.map((k) => `${k}="${escape(labels[k])}"`).join(',')}}` : '';
}
