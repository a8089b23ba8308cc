// Sends identify, track, page and alias calls to a Kizuna server with the official Segment and RudderStack
// Node.js clients, changing nothing but the host they send to.
//
//   node send.mjs <host url> <write key> <id prefix> [segment|rudder]
//
// For each client, with P = "<id prefix>-<client>": identify P-old (traits), track "Product Viewed" and page
// "Pricing" as P-old, flush; then alias P-old to P-new, flush. Exits non-zero when a client reports an error.
import { Analytics } from '@segment/analytics-node';
import RudderAnalytics from '@rudderstack/rudder-sdk-node';

const [host, writeKey, prefix, only] = process.argv.slice(2);
if (!host || !writeKey || !prefix) {
  console.error('usage: node send.mjs <host url> <write key> <id prefix> [segment|rudder]');
  process.exit(2);
}

const errors = [];
const report = (client) => (err) => { if (err) errors.push(`${client}: ${err.message ?? err}`); };

const calls = (client) => {
  const id = `${prefix}-${client}`;
  return {
    before: [
      ['identify', { userId: `${id}-old`, traits: { email: `${id}@example.test`, name: `Aiko ${client}`, plan: 'gold' } }],
      ['track', { userId: `${id}-old`, event: 'Product Viewed', properties: { product_id: 'p-sencha', price: 12.5, currency: 'EUR' } }],
      ['page', { userId: `${id}-old`, name: 'Pricing', properties: { path: '/pricing', url: 'https://shop.example/pricing' } }],
    ],
    after: [
      ['alias', { userId: `${id}-new`, previousId: `${id}-old` }],
    ],
  };
};

async function segment() {
  const client = new Analytics({ writeKey, host, flushAt: 20, flushInterval: 200, maxRetries: 1 });
  client.on('error', report('segment'));
  const send = (list) => Promise.all(list.map(([method, message]) =>
    new Promise((resolve) => client[method](message, (err) => { report('segment')(err); resolve(); }))));
  const { before, after } = calls('segment');
  await send(before);
  await send(after);
  await client.closeAndFlush({ timeout: 20000 });
}

async function rudder() {
  const client = new RudderAnalytics(writeKey, { dataPlaneUrl: host, flushAt: 20, flushInterval: 200, retryCount: 0, logLevel: 'error', errorHandler: report('rudder') });
  const send = async (list) => {
    for (const [method, message] of list) client[method](message, report('rudder'));
    await client.flush(report('rudder')).catch(report('rudder'));
  };
  const { before, after } = calls('rudder');
  await send(before);
  await send(after);
}

process.on('unhandledRejection', report('unhandled'));
const clients = { segment, rudder };
await Promise.all(Object.entries(clients)
  .filter(([name]) => !only || name === only)
  .map(([name, run]) => run().catch(report(name))));
if (errors.length > 0) {
  for (const error of new Set(errors)) console.error(error);
  process.exit(1);
}
console.log('sent');
process.exit(0);
