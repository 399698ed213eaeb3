import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import { percentile, round } from './stats.ts';

/**
 * A child process that posts signed sandbox webhook deliveries (one event each, as platforms do) with a fixed
 * concurrency over keep-alive connections, and reports throughput and acknowledgement latencies to its parent.
 */
export type LoadSpec = {
  url: string;
  accountId: string;
  secret: string;
  total: number;
  concurrency: number;
  /** The sandbox's user ids of the members who speak, and of the groups they speak in (replies land there). */
  memberIds: string[];
  groupIds: string[];
  /** Aim for this many requests per second (0: as fast as possible). */
  ratePerSecond: number;
};

export type LoadReport = {
  /** Wall clock (epoch ms) when the first request went out: end-to-end time counts from here. */
  startedAt: number;
  sent: number;
  errors: number;
  durationMs: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
};

const bodyFor = (spec: LoadSpec, n: number): string => {
  const member = n % spec.memberIds.length;
  const event = {
    type: 'message',
    externalId: `bench-${randomUUID()}`,
    occurredAt: new Date().toISOString(),
    member: { externalId: spec.memberIds[member], name: `Member ${member}` },
    chat: { kind: 'group', groupExternalId: spec.groupIds[member % spec.groupIds.length] },
    messageExternalId: `m-${n}`,
    text: `hello ${n}`,
  };
  return JSON.stringify({ events: [event] });
};

export const runLoad = async (spec: LoadSpec): Promise<LoadReport> => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const target = new URL(`/webhooks/${spec.accountId}`, spec.url);
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const startedAt = Date.now();
  const started = performance.now();
  const post = (body: string) =>
    new Promise<number>((resolve) => {
      const timestamp = String(Date.now());
      const signature = createHmac('sha256', spec.secret).update(`${timestamp}.${body}`).digest('hex');
      const req = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-sandbox-timestamp': timestamp,
            'x-sandbox-signature': signature,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(body);
    });
  const client = async () => {
    while (next < spec.total) {
      const n = next++;
      let t0 = performance.now();
      if (spec.ratePerSecond > 0) {
        // Latency counts from when the request was due, not when a free client got round to it: a server
        // that falls behind the rate shows it in the percentiles (no coordinated omission).
        const due = started + (n / spec.ratePerSecond) * 1000;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        t0 = due;
      }
      const status = await post(bodyFor(spec, n));
      latencies.push(performance.now() - t0);
      if (status < 200 || status >= 300) errors++;
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, client));
  const durationMs = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    startedAt,
    sent: latencies.length,
    errors,
    durationMs: round(durationMs),
    requestsPerSecond: round((latencies.length / durationMs) * 1000),
    latencyMs: {
      p50: round(percentile(latencies, 50), 2),
      p95: round(percentile(latencies, 95), 2),
      p99: round(percentile(latencies, 99), 2),
      max: round(latencies.at(-1) ?? 0, 2),
    },
  };
};

// Run as a forked child: the spec arrives as a message, the report goes back the same way.
if (process.send) {
  process.once('message', async (spec: LoadSpec) => {
    const report = await runLoad(spec);
    process.send?.(report, () => process.exit(0));
  });
}
