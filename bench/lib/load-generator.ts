import { createHmac, randomUUID } from 'node:crypto';
import net from 'node:net';
import { percentile, round } from './stats.ts';

/**
 * A child process that posts signed sandbox webhook deliveries (one event each, as platforms do) with a fixed
 * concurrency over keep-alive connections, and reports throughput and acknowledgement latencies to its parent.
 *
 * It is built to cost the machine as little as possible, since it shares the two cores with the server and
 * PostgreSQL: every request (body, HMAC signature, headers) is serialized to bytes before the clock starts,
 * and each connection is a plain socket that writes one request and reads one response at a time (HTTP/1.1
 * keep-alive, no pipelining), the way wrk does, instead of node:http's client machinery.
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
  /** CPU this generator used per request (user + system): its share of the machine. */
  clientCpuMicrosPerRequest: number;
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

/** A whole HTTP/1.1 request, signed now: the sandbox's replay window (5 minutes) covers any run. */
const requestFor = (spec: LoadSpec, target: URL, n: number): Buffer => {
  const body = bodyFor(spec, n);
  const timestamp = String(Date.now());
  const signature = createHmac('sha256', spec.secret).update(`${timestamp}.${body}`).digest('hex');
  const head =
    `POST ${target.pathname} HTTP/1.1\r\nhost: ${target.host}\r\ncontent-type: application/json\r\n` +
    `content-length: ${Buffer.byteLength(body)}\r\nx-sandbox-timestamp: ${timestamp}\r\n` +
    `x-sandbox-signature: ${signature}\r\n\r\n`;
  return Buffer.from(head + body);
};

/** One keep-alive connection: send a request, resolve with the response's status once it is read whole. */
const openConnection = (target: URL) => {
  const socket = net.connect({ host: target.hostname, port: Number(target.port), noDelay: true });
  let pending: Buffer = Buffer.alloc(0);
  let waiting: ((status: number) => void) | undefined;
  const settle = (status: number) => {
    const resolve = waiting;
    waiting = undefined;
    resolve?.(status);
  };
  // A response is complete once its head and content-length bytes of body have arrived.
  const tryParse = () => {
    const headEnd = pending.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = pending.subarray(0, headEnd).toString('latin1');
    const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (pending.length < headEnd + 4 + length) return;
    pending = pending.subarray(headEnd + 4 + length);
    settle(Number(head.slice(9, 12)));
  };
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    tryParse();
  });
  socket.on('error', () => settle(0));
  socket.on('close', () => settle(0));
  return {
    request: (bytes: Buffer) =>
      new Promise<number>((resolve) => {
        waiting = resolve;
        socket.write(bytes);
      }),
    close: () => socket.destroy(),
  };
};

export const runLoad = async (spec: LoadSpec): Promise<LoadReport> => {
  const target = new URL(`/webhooks/${spec.accountId}`, spec.url);
  const requests = Array.from({ length: spec.total }, (_, n) => requestFor(spec, target, n));
  const connections = Array.from({ length: spec.concurrency }, () => openConnection(target));
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const cpu = process.cpuUsage();
  const startedAt = Date.now();
  const started = performance.now();
  const client = async (connection: ReturnType<typeof openConnection>) => {
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
      const status = await connection.request(requests[n]!);
      latencies.push(performance.now() - t0);
      if (status < 200 || status >= 300) errors++;
    }
  };
  await Promise.all(connections.map(client));
  const durationMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  for (const connection of connections) connection.close();
  latencies.sort((a, b) => a - b);
  return {
    startedAt,
    sent: latencies.length,
    errors,
    durationMs: round(durationMs),
    requestsPerSecond: round((latencies.length / durationMs) * 1000),
    clientCpuMicrosPerRequest: round((used.user + used.system) / Math.max(latencies.length, 1)),
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
