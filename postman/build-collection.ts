// Builds "Mini Ledger API.postman_collection.json" and its environment (`npm run postman:build`).
// The JSON files are committed; test/docs/postman.test.ts checks they match this builder.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Item = { name: string; request: object; event: object[]; protocolProfileBehavior?: object };

const script = (type: 'test' | 'prerequest', lines: string[]) => ({ listen: type, script: { type: 'text/javascript', exec: lines } });

function url(path: string) {
  const [pathname = '', query = ''] = path.split('?');
  return {
    raw: `{{base_url}}${path}`,
    host: ['{{base_url}}'],
    path: pathname.split('/').filter(Boolean).concat(pathname.endsWith('/') ? [''] : []),
    ...(query
      ? { query: query.split('&').map((pair) => { const [key, value = ''] = pair.split('='); return { key, value }; }) }
      : {}),
  };
}

type Options = {
  token?: string | null;
  body?: unknown;
  /** A CSV body instead of JSON. */
  csv?: string;
  /** Do not follow a redirect (it leaves for Telegram). */
  noRedirect?: true;
  headers?: Record<string, string>;
  pre?: string[];
  tests: string[];
};

function request(name: string, method: string, path: string, o: Options): Item {
  const header = [
    ...(o.token === null ? [] : [{ key: 'Authorization', value: `Token {{${o.token ?? 'token'}}}` }]),
    ...(o.body === undefined ? [] : [{ key: 'Content-Type', value: 'application/json' }]),
    ...(o.csv === undefined ? [] : [{ key: 'Content-Type', value: 'text/csv' }]),
    ...Object.entries(o.headers ?? {}).map(([key, value]) => ({ key, value })),
  ];
  return {
    name,
    ...(o.noRedirect ? { protocolProfileBehavior: { followRedirects: false } } : {}),
    event: [...(o.pre ? [script('prerequest', o.pre)] : []), script('test', o.tests)],
    request: {
      method,
      header,
      url: url(path),
      ...(o.body === undefined ? {} : { body: { mode: 'raw', raw: JSON.stringify(o.body, null, 2), options: { raw: { language: 'json' } } } }),
      ...(o.csv === undefined ? {} : { body: { mode: 'raw', raw: o.csv, options: { raw: { language: 'text' } } } }),
    },
  };
}

const status = (code: number) => `pm.test('status is ${code}', () => pm.response.to.have.status(${code}));`;
const errorCode = (code: string) =>
  `pm.test('error shape with code ${code}', () => { const b = pm.response.json(); pm.expect(b.error).to.be.a('string'); pm.expect(b.code).to.eql('${code}'); pm.expect(b.fields).to.be.an('object'); });`;
const unique = (variable: string, prefix: string) =>
  `pm.environment.set('${variable}', '${prefix}-' + Date.now() + '-' + Math.floor(Math.random() * 1e6));`;

const auth: Item[] = [
  request('Service is up', 'GET', '/healthz', {
    token: null,
    tests: [
      status(200),
      "pm.test('database answers; Telegram and Redis reported', () => { const b = pm.response.json(); pm.expect(b.status).to.eql('ok'); pm.expect(b.database).to.eql('ok'); pm.expect(['off', 'connecting', 'ok', 'failing']).to.include(b.telegram); pm.expect(['off', 'connecting', 'ok', 'failing']).to.include(b.redis); });",
    ],
  }),
  request('Service is ready', 'GET', '/readyz', {
    token: null,
    tests: [
      "pm.test('ready, or not ready while something connects', () => pm.expect([200, 503]).to.include(pm.response.code));",
      "pm.test('says which, and the database answers', () => { const b = pm.response.json(); pm.expect(b.status).to.eql(pm.response.code === 200 ? 'ready' : 'not_ready'); pm.expect(b.database).to.eql('ok'); });",
    ],
  }),
  request('OpenAPI document', 'GET', '/api/openapi.json', {
    token: null,
    tests: [status(200), "pm.test('is OpenAPI 3.1', () => pm.expect(pm.response.json().openapi).to.eql('3.1.0'));"],
  }),
  request('Register merchant', 'POST', '/api/auth/register/', {
    token: null,
    pre: [unique('username', 'shop'), "pm.environment.set('password', 's3cret-pass');"],
    body: { username: '{{username}}', password: '{{password}}' },
    tests: [
      status(201),
      "const body = pm.response.json();",
      "pm.test('only a 64-hex token comes back', () => { pm.expect(Object.keys(body)).to.eql(['token']); pm.expect(body.token).to.match(/^[0-9a-f]{64}$/); });",
      "pm.environment.set('token', body.token);",
    ],
  }),
  request('Register the same username again', 'POST', '/api/auth/register/', {
    token: null,
    body: { username: '{{username}}', password: '{{password}}' },
    tests: [status(400), errorCode('username_taken'), "pm.test('names the username field', () => pm.expect(pm.response.json().fields).to.have.property('username'));"],
  }),
  request('Log in', 'POST', '/api/auth/login/', {
    token: null,
    body: { username: '{{username}}', password: '{{password}}' },
    tests: [
      status(200),
      "const body = pm.response.json();",
      "pm.test('a new token per login', () => { pm.expect(body.token).to.match(/^[0-9a-f]{64}$/); pm.expect(body.token).to.not.eql(pm.environment.get('token')); });",
      "pm.environment.set('session_token', body.token);",
    ],
  }),
  request('Log in with a wrong password', 'POST', '/api/auth/login/', {
    token: null,
    body: { username: '{{username}}', password: 'not-the-password' },
    tests: [status(400), "pm.test('Invalid credentials, like the old app', () => pm.expect(pm.response.json().error).to.eql('Invalid credentials'));"],
  }),
  request('Who am I', 'GET', '/api/auth/me/', {
    tests: [status(200), "pm.test('the registered merchant', () => pm.expect(pm.response.json().username).to.eql(pm.environment.get('username')));"],
  }),
  request('No token is refused', 'GET', '/api/customers/', {
    token: null,
    tests: [status(401), "pm.test('asks for a Token', () => pm.expect(pm.response.headers.get('WWW-Authenticate')).to.eql('Token'));", errorCode('not_authenticated')],
  }),
  request('Log out the second session', 'POST', '/api/auth/logout/', {
    token: 'session_token',
    tests: [status(204)],
  }),
  request('The logged-out token is refused', 'GET', '/api/auth/me/', {
    token: 'session_token',
    tests: [status(401), errorCode('invalid_token')],
  }),
];

const customers: Item[] = [
  request('Create Alice', 'POST', '/api/customers/', {
    body: { name: 'Alice', phone: '+1 555 0100', address: '12 Market St' },
    tests: [
      status(201),
      "const c = pm.response.json();",
      "pm.test('new customer starts at zero', () => { pm.expect(c.name).to.eql('Alice'); pm.expect(c.total_credit).to.eql('0.00'); pm.expect(c.total_debit).to.eql('0.00'); pm.expect(c.balance).to.eql('0.00'); });",
      "pm.environment.set('customer_id', c.id);",
    ],
  }),
  request('Create Bob', 'POST', '/api/customers/', {
    body: { name: '  Bob  ' },
    tests: [
      status(201),
      "const c = pm.response.json();",
      "pm.test('name is trimmed, optional fields empty', () => { pm.expect(c.name).to.eql('Bob'); pm.expect(c.phone).to.eql(''); pm.expect(c.address).to.eql(''); });",
      "pm.environment.set('customer2_id', c.id);",
    ],
  }),
  request('List customers', 'GET', '/api/customers/', {
    tests: [
      status(200),
      "const list = pm.response.json();",
      "pm.test('a plain array with both customers', () => { pm.expect(list).to.be.an('array'); const ids = list.map((c) => c.id); pm.expect(ids).to.include(pm.environment.get('customer_id')); pm.expect(ids).to.include(pm.environment.get('customer2_id')); });",
    ],
  }),
  request('Get Alice', 'GET', '/api/customers/{{customer_id}}/', {
    tests: [status(200), "pm.test('is Alice', () => pm.expect(pm.response.json().id).to.eql(pm.environment.get('customer_id')));"],
  }),
  request('Patch Alice', 'PATCH', '/api/customers/{{customer_id}}/', {
    body: { address: '14 Market St' },
    tests: [status(200), "pm.test('address changed, rest kept', () => { const c = pm.response.json(); pm.expect(c.address).to.eql('14 Market St'); pm.expect(c.name).to.eql('Alice'); });"],
  }),
  request('Replace Bob', 'PUT', '/api/customers/{{customer2_id}}/', {
    body: { name: 'Bob Stone', phone: '0300 1234567' },
    tests: [status(200), "pm.test('name and phone replaced', () => { const c = pm.response.json(); pm.expect(c.name).to.eql('Bob Stone'); pm.expect(c.phone).to.eql('0300 1234567'); });"],
  }),
  request('A blank name is refused', 'POST', '/api/customers/', {
    body: { name: '   ' },
    tests: [status(400), errorCode('invalid_input'), "pm.test('names the name field', () => pm.expect(pm.response.json().fields).to.have.property('name'));"],
  }),
];

const entries = '/api/customers/{{customer_id}}/entries/';
const ledger: Item[] = [
  request('Credit Alice 5000 (with Idempotency-Key)', 'POST', entries, {
    pre: [unique('idempotency_key', 'credit')],
    headers: { 'Idempotency-Key': '{{idempotency_key}}' },
    body: { type: 'credit', amount: '5000', note: 'rice and oil' },
    tests: [
      status(201),
      "const e = pm.response.json();",
      "pm.test('entry as recorded', () => { pm.expect(e.type).to.eql('credit'); pm.expect(e.amount).to.eql('5000.00'); pm.expect(e.reverses).to.eql(null); pm.expect(e.customer).to.eql(pm.environment.get('customer_id')); });",
      "pm.environment.set('entry_id', e.id);",
    ],
  }),
  request('Replay the same request with the same key', 'POST', entries, {
    headers: { 'Idempotency-Key': '{{idempotency_key}}' },
    body: { type: 'credit', amount: '5000', note: 'rice and oil' },
    tests: [
      status(201),
      "pm.test('the first response, nothing new', () => pm.expect(pm.response.json().id).to.eql(pm.environment.get('entry_id')));",
      "pm.test('marked as replayed', () => pm.expect(pm.response.headers.get('Idempotent-Replayed')).to.eql('true'));",
    ],
  }),
  request('Same key with a different body', 'POST', entries, {
    headers: { 'Idempotency-Key': '{{idempotency_key}}' },
    body: { type: 'credit', amount: '5001', note: 'rice and oil' },
    tests: [status(422), errorCode('idempotency_key_reused')],
  }),
  request('Debit Alice 2000 in January (with Idempotency-Key)', 'POST', entries, {
    pre: [unique('debit_key', 'debit')],
    headers: { 'Idempotency-Key': '{{debit_key}}' },
    body: { type: 'debit', amount: 2000, entry_date: '2026-01-15' },
    tests: [status(201), "pm.test('dated as sent', () => { const e = pm.response.json(); pm.expect(e.entry_date).to.eql('2026-01-15'); pm.expect(e.amount).to.eql('2000.00'); });", "pm.environment.set('debit_id', pm.response.json().id);"],
  }),
  request('Retry the debit: the same entry comes back', 'POST', entries, {
    headers: { 'Idempotency-Key': '{{debit_key}}' },
    body: { type: 'debit', amount: 2000, entry_date: '2026-01-15' },
    tests: [
      status(201),
      "pm.test('same entry, nothing new', () => pm.expect(pm.response.json().id).to.eql(pm.environment.get('debit_id')));",
      "pm.test('marked as replayed', () => pm.expect(pm.response.headers.get('Idempotent-Replayed')).to.eql('true'));",
    ],
  }),
  request('Credit Alice 250.50 in February', 'POST', entries, {
    body: { type: 'credit', amount: '250.50', entry_date: '2026-02-01' },
    tests: [status(201), "pm.test('cents kept exactly', () => pm.expect(pm.response.json().amount).to.eql('250.50'));", "pm.environment.set('mistake_id', pm.response.json().id);"],
  }),
  request('Filter by type', 'GET', `${entries}?type=credit`, {
    tests: [status(200), "pm.test('only the two credits', () => { const list = pm.response.json(); pm.expect(list.length).to.eql(2); list.forEach((e) => pm.expect(e.type).to.eql('credit')); });"],
  }),
  request('Filter by dates', 'GET', `${entries}?start_date=2026-01-01&end_date=2026-01-31`, {
    tests: [status(200), "pm.test('only January', () => { const list = pm.response.json(); pm.expect(list.map((e) => e.id)).to.eql([pm.environment.get('debit_id')]); });"],
  }),
  request('Page through entries', 'GET', `${entries}?limit=1`, {
    tests: [status(200), "pm.test('one per page with a next link', () => { pm.expect(pm.response.json().length).to.eql(1); pm.expect(pm.response.headers.get('Link')).to.include('rel=\"next\"'); });"],
  }),
  request('Bad amount: 12abc', 'POST', entries, {
    body: { type: 'credit', amount: '12abc' },
    tests: [status(400), errorCode('invalid_amount')],
  }),
  request('Bad amount: negative', 'POST', entries, {
    body: { type: 'credit', amount: '-5' },
    tests: [status(400), errorCode('invalid_amount')],
  }),
  request('Bad amount: three decimals', 'POST', entries, {
    body: { type: 'debit', amount: '1.005' },
    tests: [status(400), errorCode('invalid_amount')],
  }),
  request('Reverse the February credit', 'POST', '/api/customers/{{customer_id}}/entries/{{mistake_id}}/reverse/', {
    body: { note: 'entered by mistake' },
    tests: [status(201), "pm.test('opposite entry pointing at the original', () => { const e = pm.response.json(); pm.expect(e.type).to.eql('debit'); pm.expect(e.amount).to.eql('250.50'); pm.expect(e.reverses).to.eql(pm.environment.get('mistake_id')); });"],
  }),
  request('Reversing twice is refused', 'POST', '/api/customers/{{customer_id}}/entries/{{mistake_id}}/reverse/', {
    body: {},
    tests: [status(409), errorCode('already_reversed')],
  }),
];

const summary: Item[] = [
  request("Alice's summary, to the cent", 'GET', '/api/customers/{{customer_id}}/summary/', {
    tests: [status(200), "pm.test('5250.50 given, 2250.50 got, 3000.00 owed', () => pm.expect(pm.response.json()).to.eql({ total_credit: '5250.50', total_debit: '2250.50', balance: '3000.00' }));"],
  }),
  request('Overall summary', 'GET', '/api/summary/', {
    tests: [status(200), "pm.test('totals over both customers', () => pm.expect(pm.response.json()).to.eql({ total_credit: '5250.50', total_debit: '2250.50', balance: '3000.00', customer_count: 2, customers_owing: 1 }));"],
  }),
  request('Register a second merchant', 'POST', '/api/auth/register/', {
    token: null,
    pre: [unique('username_b', 'other-shop')],
    body: { username: '{{username_b}}', password: 'another-pass' },
    tests: [status(201), "pm.test('gets its own token', () => pm.expect(pm.response.json().token).to.not.eql(pm.environment.get('token')));", "pm.environment.set('token_b', pm.response.json().token);"],
  }),
  request("The second merchant cannot see Alice", 'GET', '/api/customers/{{customer_id}}/', {
    token: 'token_b',
    tests: [status(404), errorCode('customer_not_found')],
  }),
  request("The second merchant cannot read Alice's summary", 'GET', '/api/customers/{{customer_id}}/summary/', {
    token: 'token_b',
    tests: [status(404), errorCode('customer_not_found')],
  }),
  request('The second merchant cannot post to Alice', 'POST', entries, {
    token: 'token_b',
    body: { type: 'debit', amount: '5000' },
    tests: [status(404), errorCode('customer_not_found')],
  }),
  request('Archive Bob', 'DELETE', '/api/customers/{{customer2_id}}/', {
    tests: [status(204)],
  }),
  request('Bob is gone from the API', 'GET', '/api/customers/{{customer2_id}}/', {
    tests: [status(404), errorCode('customer_not_found')],
  }),
];

const contentType = (type: string) => `pm.test('answered as ${type}', () => pm.expect(pm.response.headers.get('Content-Type')).to.include('${type}'));`;

const reports: Item[] = [
  request("Alice's statement", 'GET', '/api/customers/{{customer_id}}/statement/', {
    tests: [
      status(200),
      "pm.test('from opening to closing, every entry with its running balance', () => { const b = pm.response.json(); pm.expect(b.opening_balance).to.eql('0.00'); pm.expect(b.closing_balance).to.eql('3000.00'); pm.expect(b.entries.length).to.eql(4); pm.expect(b.entries[b.entries.length - 1].balance).to.eql('3000.00'); });",
    ],
  }),
  request("Alice's statement for January, as CSV", 'GET', '/api/customers/{{customer_id}}/statement/?format=csv&start_date=2026-01-01&end_date=2026-01-31', {
    tests: [status(200), contentType('text/csv'), "pm.test('opening and closing rows', () => { pm.expect(pm.response.text()).to.include(',opening,'); pm.expect(pm.response.text()).to.include(',closing,'); });"],
  }),
  request("Alice's statement as PDF", 'GET', '/api/customers/{{customer_id}}/statement/?format=pdf', {
    tests: [status(200), contentType('application/pdf'), "pm.test('a file to save', () => pm.expect(pm.response.headers.get('Content-Disposition')).to.include('attachment; filename=\"statement-Alice-'));"],
  }),
  request("Alice's balance chart", 'GET', '/api/customers/{{customer_id}}/chart.png', {
    tests: [status(200), contentType('image/png')],
  }),
  request('Who owes you', 'GET', '/api/reports/dues/', {
    tests: [status(200), "pm.test('Alice, with her balance and its ageing', () => { const [a] = pm.response.json(); pm.expect(a.name).to.eql('Alice'); pm.expect(a.balance).to.eql('3000.00'); pm.expect(a.ageing).to.have.all.keys('0_30', '31_60', '61_90', 'over_90'); });"],
  }),
  request('Export the book', 'GET', '/api/export/', {
    tests: [status(200), contentType('text/csv'), "pm.test('the import columns first', () => pm.expect(pm.response.text().split('\\r\\n')[0]).to.eql('customer,phone,entry_date,type,amount,note'));"],
  }),
  request('Import a book file', 'POST', '/api/import/', {
    csv: 'customer,phone,entry_date,type,amount,note\nCarol,+1 555 0199,2026-03-01,credit,75.25,imported\n',
    tests: [status(201), "pm.test('one customer made, one entry', () => pm.expect(pm.response.json()).to.eql({ customers_created: 1, entries_imported: 1 }));"],
  }),
  request('A book file with a bad row imports nothing', 'POST', '/api/import/', {
    csv: 'customer,phone,entry_date,type,amount,note\nDave,,2026-03-01,credit,75,ok\nErin,,2026-03-01,credit,12abc,bad\n',
    tests: [status(400), errorCode('import_invalid'), "pm.test('names the row and field', () => pm.expect(pm.response.json().errors).to.eql([{ row: 3, field: 'amount', error: pm.response.json().errors[0].error }]));"],
  }),
];

const sharing: Item[] = [
  request("Set the shop's name customers see", 'PATCH', '/api/auth/me/', {
    body: { display_name: 'Corner Shop' },
    tests: [status(200), "pm.test('the shop is named', () => pm.expect(pm.response.json().display_name).to.eql('Corner Shop'));"],
  }),
  request("A share link for Alice's page", 'POST', '/api/customers/{{customer_id}}/share-links/', {
    body: { expires_in_days: 30 },
    tests: [
      status(201),
      "const link = pm.response.json();",
      "pm.test('a /s/ link that expires', () => { pm.expect(link.url).to.match(/\\/s\\/[A-Za-z0-9_-]{43}$/); pm.expect(link.expires_at).to.be.a('string'); });",
      "pm.environment.set('share_link_id', link.id); pm.environment.set('share_token', link.url.split('/s/')[1]);",
    ],
  }),
  request("Alice's share links", 'GET', '/api/customers/{{customer_id}}/share-links/', {
    tests: [status(200), "pm.test('the new link is listed', () => pm.expect(pm.response.json().map((l) => l.id)).to.include(pm.environment.get('share_link_id')));"],
  }),
  request('A reminder for Alice', 'POST', '/api/customers/{{customer_id}}/reminder/', {
    tests: [
      status(200),
      "const r = pm.response.json();",
      "pm.test('her balance with Corner Shop and her link', () => { pm.expect(r.text).to.include('Alice'); pm.expect(r.text).to.include('Corner Shop'); pm.expect(r.text).to.include('3,000.00'); pm.expect(r.text).to.include(r.share_url); });",
      "pm.test('Telegram and WhatsApp links', () => { pm.expect(r.telegram_share_url).to.match(/^https:\\/\\/t\\.me\\/share\\/url\\?/); pm.expect(r.whatsapp_url).to.match(/^https:\\/\\/wa\\.me\\/15550100\\?text=/); });",
    ],
  }),
  request("Alice's page, as she opens it (no token)", 'GET', '/s/{{share_token}}', {
    token: null,
    tests: [
      status(200),
      contentType('text/html'),
      "pm.test('her balance in her words', () => pm.expect(pm.response.text()).to.include('You owe Corner Shop 3,000.00'));",
      "pm.test('kept private', () => { pm.expect(pm.response.headers.get('Cache-Control')).to.eql('no-store'); pm.expect(pm.response.headers.get('X-Robots-Tag')).to.include('noindex'); pm.expect(pm.response.headers.get('Referrer-Policy')).to.eql('no-referrer'); });",
    ],
  }),
  request("Alice's page as JSON", 'GET', '/s/{{share_token}}?format=json', {
    token: null,
    tests: [status(200), "pm.test('the same data', () => { const b = pm.response.json(); pm.expect(b.customer).to.eql('Alice'); pm.expect(b.balance).to.eql('3000.00'); pm.expect(b.shop).to.eql('Corner Shop'); });"],
  }),
  request('The page stylesheet', 'GET', '/s/assets/share.css', {
    token: null,
    tests: [status(200), contentType('text/css')],
  }),
  request('The page icon', 'GET', '/s/assets/icon.svg', {
    token: null,
    tests: [status(200), contentType('image/svg+xml')],
  }),
  request('The page font for Bengali', 'GET', '/s/assets/fonts/noto-sans-bengali-400.ttf', {
    token: null,
    tests: [status(200), contentType('font/ttf')],
  }),
  request("Alice's statement from her page", 'GET', '/s/{{share_token}}/statement.pdf', {
    token: null,
    tests: [status(200), contentType('application/pdf')],
  }),
  request('Get updates on Telegram', 'GET', '/s/{{share_token}}/updates', {
    token: null,
    noRedirect: true,
    tests: [
      "pm.test('to the bot, or the bot is off here', () => pm.expect([303, 404]).to.include(pm.response.code));",
      "if (pm.response.code === 303) pm.test('a deep link with a one-time code', () => pm.expect(pm.response.headers.get('Location')).to.match(/^https:\\/\\/t\\.me\\/[A-Za-z0-9_]+\\?start=u_/));",
    ],
  }),
  request("Alice's subscribers", 'GET', '/api/customers/{{customer_id}}/subscribers/', {
    tests: [status(200), "pm.test('nobody has subscribed', () => pm.expect(pm.response.json()).to.eql([]));"],
  }),
  request('Removing an unknown subscriber', 'DELETE', '/api/customers/{{customer_id}}/subscribers/999999/', {
    tests: [status(404), errorCode('subscriber_not_found')],
  }),
  request('Revoke the share link', 'DELETE', '/api/customers/{{customer_id}}/share-links/{{share_link_id}}/', {
    tests: [status(204)],
  }),
  request('The revoked page is gone', 'GET', '/s/{{share_token}}', {
    token: null,
    tests: [status(404), "pm.test('it says the link is no longer valid', () => pm.expect(pm.response.text()).to.include('This link is no longer valid'));"],
  }),
];

const telegram: Item[] = [
  // Green against the quick start (bot off: 503 telegram_bot_off) and with the bot on (201 and a deep link).
  request('Create a one-time link code', 'POST', '/api/telegram/link-code/', {
    tests: [
      "pm.test('a code, or the bot is off on this server', () => pm.expect([201, 503]).to.include(pm.response.code));",
      "const b = pm.response.json();",
      "if (pm.response.code === 201) pm.test('code, deep link and expiry', () => { pm.expect(b.code).to.be.a('string'); pm.expect(b.url).to.include('?start=' + b.code); pm.expect(new Date(b.expires_at).getTime()).to.be.above(Date.now()); });",
      "else pm.test('says why, in the error shape', () => { pm.expect(['telegram_bot_off', 'telegram_unavailable']).to.include(b.code); pm.expect(b.error).to.be.a('string'); });",
    ],
  }),
  request('List linked chats', 'GET', '/api/telegram/links/', {
    tests: [status(200), "pm.test('none linked yet', () => pm.expect(pm.response.json()).to.eql([]));"],
  }),
  request('Unlinking an unknown chat link', 'DELETE', '/api/telegram/links/999999/', {
    tests: [status(404), "pm.test('error shape', () => pm.expect(pm.response.json().error).to.be.a('string'));"],
  }),
];

export const collection = {
  info: {
    name: 'Mini Ledger API',
    description:
      'A walk through the Mini Ledger API from a fresh database: register, customers, credit/debit with Idempotency-Key, ' +
      'filters, summaries to the cent, reversal, another merchant refused, statements (JSON, CSV, PDF), chart, dues, export and import, Telegram link codes. Pick the "Mini Ledger API" environment (base_url) and run the collection.',
    schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
  },
  item: [
    { name: 'Auth', item: auth },
    { name: 'Customers', item: customers },
    { name: 'Ledger', item: ledger },
    { name: 'Summary', item: summary },
    { name: 'Statements and reports', item: reports },
    { name: 'Sharing', item: sharing },
    { name: 'Telegram linking', item: telegram },
  ],
};

export const environment = {
  name: 'Mini Ledger API',
  values: [{ key: 'base_url', value: 'http://127.0.0.1:8000', type: 'default', enabled: true }],
  _postman_variable_scope: 'environment',
};

export const COLLECTION_FILE = fileURLToPath(new URL('./Mini Ledger API.postman_collection.json', import.meta.url));
export const ENVIRONMENT_FILE = fileURLToPath(new URL('./Mini Ledger API.postman_environment.json', import.meta.url));

export const render = (value: object) => `${JSON.stringify(value, null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(COLLECTION_FILE, render(collection));
  writeFileSync(ENVIRONMENT_FILE, render(environment));
  console.log(`wrote ${COLLECTION_FILE}\nwrote ${ENVIRONMENT_FILE}`);
}
