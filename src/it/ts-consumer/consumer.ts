// A user's program against the packed @spotsdk/spot-sdk, compiled with tsc --strict from the installed tarball and
// run against a local server: a success, a rejection and a bad input, each handled by its kind.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Credentials, SpotRestClient, mayHaveExecuted, type Outcome, type restModels } from '@spotsdk/spot-sdk';

function describe(o: Outcome<unknown>): string {
  switch (o.kind) {
    case 'SUCCESS': return 'success';
    case 'REJECTED': return `rejected ${o.details.code}`;
    case 'RATE_LIMITED': return `rate limited until ${o.retryAt}`;
    case 'IP_BANNED': return `banned until ${o.bannedUntil}`;
    case 'WAF_BLOCKED': return 'waf';
    case 'PARTIAL': return `partial ${o.halves?.cancelResult}`;
    case 'UNKNOWN': return `unknown ${o.cause}`;
    case 'NOT_SENT': return `not sent ${o.reason}`;
  }
}

async function main(): Promise<void> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/api/v3/time')) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-MBX-USED-WEIGHT-1M': '1' }).end('{"serverTime":1767225600000}');
    } else {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"code":-2010,"msg":"Account has insufficient balance for requested action."}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const client = new SpotRestClient({ baseUrl: `http://127.0.0.1:${port}`, credentials: Credentials.hmac('k', 's') });

  const time = await client.api.serverTime();
  const serverTime: number | undefined = time.kind === 'SUCCESS' ? time.value.serverTime : undefined;
  const order = await client.api.newOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.01', price: '52000.00' });
  const placed: restModels.Order | null = order.kind === 'SUCCESS' ? order.value : null;
  const bad = await client.api.newOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: '-1' });
  server.close();

  const seen = [describe(time), describe(order), describe(bad)].join(', ');
  console.log(`[ts-consumer] ${seen}; serverTime ${serverTime}; placed ${placed}; usage ${JSON.stringify(time.usage)}`);
  if (seen !== 'success, rejected -2010, not sent INVALID_REQUEST' || serverTime !== 1767225600000 || mayHaveExecuted(order)) {
    throw new Error(`unexpected outcomes: ${seen}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
