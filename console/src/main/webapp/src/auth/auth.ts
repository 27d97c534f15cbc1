import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { ConsoleConfig } from '../config';
import { claimsOf, rolesOf, type Role } from './roles';

/** Who is signed in, as the console shows it. */
export interface Identity {
  /** The token's subject: what the APIs compare (e.g. the requester of a RECOVERY against its approver). */
  sub: string;
  username: string;
  roles: Role[];
}

export const CALLBACK_PATH = '/callback';

/** Signing in with authorization code + PKCE against the configured issuer, and the tokens that come of it. */
export class Auth {
  readonly manager: UserManager;
  private readonly config: ConsoleConfig;

  constructor(config: ConsoleConfig, origin: string = window.location.origin) {
    this.config = config;
    this.manager = new UserManager({
      authority: config.authority,
      client_id: config.clientId,
      redirect_uri: origin + CALLBACK_PATH,
      post_logout_redirect_uri: origin + '/',
      response_type: 'code',
      scope: config.scope,
      // Tokens live for the tab only; a refresh token renews them before they expire.
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      automaticSilentRenew: true,
      loadUserInfo: false,
    });
  }

  /**
   * Completes a sign-in when the browser comes back from the identity provider, and returns where the user was
   * going; otherwise returns the signed-in identity, or starts the sign-in (and never resolves, the page leaves).
   */
  async start(location: Location = window.location): Promise<{ identity: Identity; returnTo?: string }> {
    if (location.pathname === CALLBACK_PATH) {
      const user = await this.manager.signinRedirectCallback();
      const state = user.state as { returnTo?: string } | undefined;
      return { identity: identityOf(user), returnTo: state?.returnTo ?? '/' };
    }
    const user = await this.manager.getUser();
    if (user && !user.expired) {
      return { identity: identityOf(user) };
    }
    if (user?.refresh_token) {
      try {
        const renewed = await this.manager.signinSilent();
        if (renewed) {
          return { identity: identityOf(renewed) };
        }
      } catch {
        // the refresh token is no good any more: sign in again
      }
    }
    await this.manager.signinRedirect({ state: { returnTo: location.pathname + location.search } });
    return new Promise(() => {});
  }

  /** A renewal under way, shared by every caller that needs a token meanwhile (one refresh-token grant, not one each). */
  private renewal: Promise<User | null> | undefined;

  /** The current access token, renewed when it is about to expire; signs in again when it cannot be. */
  async token(): Promise<string> {
    let user = await this.manager.getUser();
    if (user && (user.expires_in ?? 0) < 30 && user.refresh_token) {
      this.renewal ??= this.manager
        .signinSilent()
        .catch(() => null)
        .finally(() => {
          this.renewal = undefined;
        });
      user = await this.renewal;
    }
    if (!user || user.expired) {
      await this.manager.signinRedirect({ state: { returnTo: window.location.pathname + window.location.search } });
      return new Promise(() => {});
    }
    return user.access_token;
  }

  async signOut(): Promise<void> {
    await this.manager.removeUser();
    if (this.config.logoutUrl) {
      const url = new URL(this.config.logoutUrl);
      url.searchParams.set('client_id', this.config.clientId);
      url.searchParams.set('logout_uri', window.location.origin + '/');
      window.location.assign(url.toString());
    } else {
      window.location.assign('/');
    }
  }
}

export function identityOf(user: User): Identity {
  const claims = claimsOf(user.access_token);
  return {
    sub: String(claims.sub ?? user.profile.sub),
    username: String(claims.username ?? user.profile['cognito:username'] ?? user.profile.sub),
    roles: rolesOf(claims),
  };
}
