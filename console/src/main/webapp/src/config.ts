/**
 * What the console is told by the server it is served from (`GET /config.json`): where to sign in. The APIs are
 * always on the same origin under `/api/<service>/…` (the console module proxies them locally; the load balancer
 * routes them in AWS).
 */
export interface ConsoleConfig {
  /** The OIDC issuer: devstack's user pool locally, the Cognito user pool in AWS. */
  authority: string;
  /** The console's public app client (authorization code + PKCE, no secret). */
  clientId: string;
  /** Scopes asked for at sign-in. */
  scope: string;
  /** Where the identity provider signs the user out (Cognito's /logout), when it has such an endpoint. */
  logoutUrl?: string;
  /** A name shown in the header, e.g. the environment. */
  environment?: string;
}

export async function loadConfig(fetcher: typeof fetch = fetch): Promise<ConsoleConfig> {
  const response = await fetcher('/config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`The console's settings (/config.json) could not be read: HTTP ${response.status}.`);
  }
  const config = (await response.json()) as ConsoleConfig;
  const missing = (['authority', 'clientId'] as const).filter((k) => !config[k]);
  if (missing.length > 0) {
    throw new Error(`The console's settings lack ${missing.join(' and ')}: set console.oidc.* on the console service.`);
  }
  return { ...config, scope: config.scope || 'openid profile email' };
}
