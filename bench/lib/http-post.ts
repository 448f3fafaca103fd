import http from 'node:http';

// One keep-alive pool per process for every load-generator POST: undici's fetch costs several
// times the CPU per request, and that CPU is taken from the server on a 2-core machine.
const agent = new http.Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 512 });

/** POSTs `body` and resolves to the status once the answer is fully read. 127.0.0.1 only. */
export async function httpPost(url: string, body: string, headers: Record<string, string>, timeoutMs = 30_000): Promise<number> {
  return (await httpPostText(url, body, headers, timeoutMs, false)).status;
}

/** The same, also keeping the answer's text when `keep`. */
export function httpPostText(url: string, body: string, headers: Record<string, string>, timeoutMs = 30_000, keep = true): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') return Promise.reject(new Error(`bench posts to 127.0.0.1 only, not ${target.hostname}`));
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: target.hostname, port: target.port, path: target.pathname + target.search, method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        if (keep) res.on('data', (c: Buffer) => chunks.push(c));
        else res.resume();
        res.once('end', () => resolve({ status: res.statusCode ?? 0, text: keep ? Buffer.concat(chunks).toString('utf8') : '' }));
        res.once('error', reject);
      },
    );
    req.once('timeout', () => req.destroy(new Error('timeout')));
    req.once('error', reject);
    req.end(body);
  });
}
