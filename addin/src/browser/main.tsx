/**
 * Entry point of the browser mode (the server's root address, no Office): the same React app and
 * session layer as the pane (the session in an httpOnly cookie, nothing in storage), files instead of Excel.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Session } from '../session/session.ts';
import { BrowserApp } from './BrowserApp.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme} lang="pl"><BrowserApp session={new Session({ mode: 'browser', navigate: (url) => window.location.assign(url) })} /></FluentProvider>
  </StrictMode>,
);
