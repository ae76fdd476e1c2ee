import { createServer } from 'node:net';

/** A free loopback port (the provider must know our callback's address before we listen). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A browser reduced to what single sign-on needs: cookies per host and manual redirects. It
 * signs in at the provider through the provider's own login form, as a person would.
 */
export class SsoBrowser {
  private readonly jars = new Map<string, Map<string, string>>();
  private providerOrigin: string | null = null;

  private jar(url: string): Map<string, string> {
    const host = new URL(url).host;
    let jar = this.jars.get(host);
    if (!jar) {
      jar = new Map();
      this.jars.set(host, jar);
    }
    return jar;
  }

  cookie(url: string, name: string): string | undefined {
    return this.jar(url).get(name);
  }

  setCookie(url: string, name: string, value: string): void {
    this.jar(url).set(name, value);
  }

  /** One request, no redirect followed; cookies kept. */
  async request(
    url: string,
    init: { method?: string; form?: Record<string, string>; json?: unknown } = {},
  ): Promise<{ status: number; location: string | null; text: string; headers: Headers }> {
    const jar = this.jar(url);
    const res = await fetch(url, {
      method: init.method ?? (init.form || init.json ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...(init.json ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
      ...(init.json ? { body: JSON.stringify(init.json) } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
    const location = res.headers.get('location');
    return {
      status: res.status,
      location: location ? new URL(location, url).toString() : null,
      text: await res.text(),
      headers: res.headers,
    };
  }

  /**
   * From our server's `start` to the provider's answer: the URL of our callback with the code,
   * not yet opened (tests open it, tamper with it, or open it twice).
   */
  async signInAtProvider(
    startUrl: string,
    login: string,
    /** A POST from the web app (with `invite`, `next`): it answers where to go. */
    json?: Record<string, string>,
  ): Promise<string> {
    let next = await this.request(startUrl, json ? { json } : {});
    if (json) {
      const { location } = JSON.parse(next.text) as { location: string };
      next = { ...next, status: 303, location: new URL(location, startUrl).toString() };
    }
    const callback = startUrl.replace(/\/api\/auth\/oidc\/start.*$/, '/api/auth/oidc/callback');
    for (let hops = 0; hops < 10; hops++) {
      if (next.location?.startsWith(callback)) return next.location;
      if (next.status === 200) {
        // The provider's login form: its action, then the login (any password).
        const action = /<form[^>]*action="([^"]+)"/.exec(next.text)?.[1];
        if (!action) throw new Error(`no form at the provider:\n${next.text.slice(0, 500)}`);
        const url = new URL(action.replace(/&amp;/g, '&'), this.providerOrigin ?? startUrl);
        next = await this.request(url.toString(), {
          form: { prompt: 'login', login, password: 'any password' },
        });
        continue;
      }
      if (!next.location) throw new Error(`stuck at ${next.status}: ${next.text.slice(0, 300)}`);
      const at = next.location;
      if (!at.startsWith(new URL(startUrl).origin)) this.providerOrigin = new URL(at).origin;
      next = await this.request(at);
    }
    throw new Error('too many redirects');
  }
}
