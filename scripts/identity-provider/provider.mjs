// A real OpenID Connect provider for Sportello's tests and demonstration (`--demo`), built on the
// certified `oidc-provider` package. It behaves as the SPID and CIE profiles ask of a relying
// party: authorisation code flow with PKCE, signed request objects, `private_key_jwt` client
// authentication (Sportello's public key read from its JWKS address), and the person's codice
// fiscale in the `fiscal_number` claim ("TINIT-" and the code, as SPID sends it).
//
// Instead of a password, its sign-in page asks who to be: a codice fiscale and a name, as a test
// identity provider does. It is never for real people.
//
// Usage: node provider.mjs --port 0 --client-id <id> --redirect-uri <uri> --client-jwks-uri <uri>
// It prints "ready <issuer>" on its first line of output once it listens.

import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

import Provider from 'oidc-provider';

const { values: options } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
    'client-id': { type: 'string' },
    'redirect-uri': { type: 'string' },
    'client-jwks-uri': { type: 'string' },
  },
});
for (const required of ['client-id', 'redirect-uri', 'client-jwks-uri']) {
  if (!options[required]) {
    console.error(`--${required} is required`);
    process.exit(2);
  }
}

// SPID's levels of assurance (CIE's OpenID Connect profile uses the same names).
const SPID_LEVELS = [1, 2, 3].map((level) => `https://www.spid.gov.it/SpidL${level}`);

// The people signed in so far, by their account id (the codice fiscale): what they said at sign-in.
const people = new Map();

function subjectOf(fiscalCode) {
  // An opaque, stable subject, as SPID gives: not the codice fiscale itself.
  return createHash('sha256').update(`sportello-test:${fiscalCode}`).digest('hex').slice(0, 32);
}

const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ format: 'jwk' });

const server = createServer();
server.listen(Number(options.port), options.host, () => {
  const { port } = server.address();
  const issuer = `http://${options.host}:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options['client-id'],
        // A loopback address is accepted on any port (RFC 8252) for a "native" client: the tests'
        // servers listen on a port of their own choosing.
        application_type: /^http:\/\/(127\.0\.0\.1|localhost)[:/]/u.test(options['redirect-uri']) ? 'native' : 'web',
        redirect_uris: [options['redirect-uri']],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
        request_object_signing_alg: 'ES256',
        require_signed_request_object: true,
        jwks_uri: options['client-jwks-uri'],
      },
    ],
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256', kid: 'test-provider' }] },
    acrValues: SPID_LEVELS,
    claims: {
      openid: ['sub'],
      profile: ['given_name', 'family_name', 'fiscal_number'],
      email: ['email', 'email_verified'],
    },
    features: {
      devInteractions: { enabled: false },
      requestObjects: { enabled: true, requireSignedRequestObject: true },
    },
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    async findAccount(_ctx, accountId) {
      const person = people.get(accountId);
      if (!person) return undefined;
      return {
        accountId,
        async claims() {
          return {
            sub: subjectOf(accountId),
            fiscal_number: `TINIT-${accountId}`,
            given_name: person.givenName,
            family_name: person.familyName,
            ...(person.email ? { email: person.email, email_verified: true } : {}),
          };
        },
      };
    },
    // A first-party test provider: the person is not asked to consent again to what the client asks.
    async loadExistingGrant(ctx) {
      const { client, session, params } = ctx.oidc;
      const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(params.scope);
      grant.addOIDCClaims(['sub', 'given_name', 'family_name', 'fiscal_number', 'email', 'email_verified']);
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // The package refuses to fetch from loopback addresses (a defence against server-side request
    // forgery); this test provider reads the key of a portal on this very machine.
    fetch(url, options) {
      const { dispatcher: _loopbackRefused, ...allowed } = options;
      return globalThis.fetch(url, allowed);
    },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page('Errore', `<p>${escape(out.error)}: ${escape(out.error_description || '')}</p>`);
    },
  });
  provider.on('server_error', (_ctx, error) => console.error(error));

  const callback = provider.callback();
  server.on('request', async (req, res) => {
    if (!req.url.startsWith('/interaction/')) {
      callback(req, res);
      return;
    }
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'consent') {
        // Asked for again (`prompt=consent`, as SPID does): this test provider grants what the
        // portal asks, as a person pressing "Acconsento" would.
        const grant = details.grantId
          ? await provider.Grant.find(details.grantId)
          : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
        grant.addOIDCScope(details.params.scope);
        grant.addOIDCClaims(['sub', 'given_name', 'family_name', 'fiscal_number', 'email', 'email_verified']);
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
        return;
      }
      if (req.method === 'POST') {
        const form = new URLSearchParams(await body(req));
        const fiscalCode = (form.get('codice_fiscale') || '').trim().toUpperCase();
        if (!/^[A-Z0-9]{16}$/u.test(fiscalCode)) {
          res.writeHead(422, { 'content-type': 'text/html; charset=utf-8' });
          res.end(signInPage(details.uid, 'Scrivi un codice fiscale di 16 lettere e cifre.'));
          return;
        }
        people.set(fiscalCode, {
          givenName: (form.get('nome') || 'Persona').trim(),
          familyName: (form.get('cognome') || 'Di Prova').trim(),
          email: (form.get('email') || '').trim(),
        });
        // The level of assurance the person signed in with: what the portal asked for, unless the
        // tester chose another (a test of a level too low).
        const asked = (details.params.acr_values || '').split(' ').filter(Boolean)[0];
        const acr = (form.get('livello') || '').trim() || asked;
        await provider.interactionFinished(req, res, { login: { accountId: fiscalCode, ...(acr ? { acr } : {}) } }, {
          mergeWithLastSubmission: false,
        });
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(signInPage(details.uid));
    } catch (error) {
      console.error(error);
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('Errore', '<p>Questa richiesta di accesso non è più valida.</p>'));
    }
  });

  console.log(`ready ${issuer}`);
});

function body(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { text += chunk; });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function escape(text) {
  return String(text).replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, content) {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin-top:1rem;font-weight:bold}input{font-size:1rem;padding:.4rem;width:100%}
button{margin-top:1.5rem;font-size:1rem;padding:.6rem 1.2rem;background:#0b4f9c;color:#fff;border:0}
.errore{color:#a4000f;font-weight:bold}</style></head>
<body><main>${content}</main></body></html>`;
}

function signInPage(uid, error) {
  return page('Identità di prova', `<h1>Identità di prova</h1>
<p>Questo fornitore di identità serve solo per le prove e la dimostrazione di Sportello: scegli chi essere.</p>
${error ? `<p class="errore" id="errore">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}">
<label for="codice_fiscale">Codice fiscale</label>
<input id="codice_fiscale" name="codice_fiscale" required autocomplete="off"${error ? ' aria-describedby="errore"' : ''}>
<label for="nome">Nome</label><input id="nome" name="nome" autocomplete="off">
<label for="cognome">Cognome</label><input id="cognome" name="cognome" autocomplete="off">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="off">
<label for="livello">Livello di sicurezza</label>
<select id="livello" name="livello"><option value="">Quello chiesto dal servizio</option>
${SPID_LEVELS.map((level) => `<option value="${level}">${level.slice(-6)}</option>`).join('')}</select>
<button type="submit">Entra con questa identità</button>
</form>`);
}
