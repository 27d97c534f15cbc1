import '@cloudscape-design/global-styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { Auth } from './auth/auth';
import { SessionProvider, sessionOf } from './auth/AuthContext';
import { setTokenSource } from './api/client';
import { loadConfig } from './config';

const root = createRoot(document.getElementById('root')!);

function fatal(message: string) {
  root.render(
    <main style={{ fontFamily: 'sans-serif', padding: 32 }} role="alert">
      <h1>The console cannot start</h1>
      <p>{message}</p>
      <p>
        <a href="/">Try again</a>
      </p>
    </main>,
  );
}

async function start() {
  const config = await loadConfig();
  const auth = new Auth(config);
  const { identity, returnTo } = await auth.start();
  setTokenSource(() => auth.token());
  const session = sessionOf(identity, () => void auth.signOut());
  root.render(
    <StrictMode>
      <SessionProvider session={session}>
        <App environment={config.environment} initialPath={returnTo} />
      </SessionProvider>
    </StrictMode>,
  );
}

start().catch((e: unknown) => fatal(e instanceof Error ? e.message : String(e)));
