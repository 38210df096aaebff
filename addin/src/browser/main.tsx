/**
 * Entry point of the browser mode (the server's root address, no Office): the same React app and
 * session as the pane, the token kept in sessionStorage, files instead of Excel.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Session } from '../session/session.ts';
import { browserTokenStore } from '../session/tokenStore.ts';
import { BrowserApp } from './BrowserApp.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme} lang="pl"><BrowserApp session={new Session({ store: browserTokenStore() })} /></FluentProvider>
  </StrictMode>,
);
