/**
 * Entry point of the task pane. office.js comes from Microsoft's CDN (script tag in taskpane.html);
 * the React tree, with its one FluentProvider, is rendered inside Office.onReady. If office.js did
 * not load, or never reports ready, the pane says so instead of spinning forever; outside Excel
 * (Office ready with no host) it opens the browser mode.
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { paneTheme } from './theme.ts';
import { createExcelHost } from '../excel/host.ts';
import { createReviewHost } from '../excel/reviewHost.ts';
import { openSignInDialog } from '../excel/signInDialog.ts';
import { App } from './App.tsx';
import { browserModeUrl } from '../excel/requirements.ts';
import { Session } from '../session/session.ts';
import { forgetLegacyToken, paneBearerStore } from '../session/tokenStore.ts';
import { z } from 'zod';
import { MSG, plZodErrorMap } from '@pwr-sync/shared';

// Any contract the pane parses says what is wrong in Polish, never zod's English.
z.config({ customError: plZodErrorMap });

const OFFICE_TIMEOUT_MS = 10_000;
const root = createRoot(document.getElementById('root')!);

function render(node: ReactNode) {
  root.render(
    <StrictMode>
      <FluentProvider theme={paneTheme()} lang="pl" style={{ minHeight: '100vh' }}>{node}</FluentProvider>
    </StrictMode>,
  );
}

function renderProblem(title: string, text: string) {
  render(
    <div style={{ padding: 16 }}>
      <MessageBar intent="error" layout="multiline"><MessageBarBody><MessageBarTitle>{title}</MessageBarTitle> {text}</MessageBarBody></MessageBar>
    </div>,
  );
}

const NO_OFFICE = MSG.pane.noOffice;

if (typeof Office === 'undefined') {
  renderProblem(MSG.pane.cannotStart, NO_OFFICE);
} else {
  const timer = setTimeout(() => renderProblem(MSG.pane.cannotStart, NO_OFFICE), OFFICE_TIMEOUT_MS);
  void Office.onReady((info) => {
    clearTimeout(timer);
    if (info.host !== Office.HostType.Excel) {
      // Opened in a plain browser (or another Office app): the same app without Excel, on files.
      location.replace(browserModeUrl());
      return;
    }
    forgetLegacyToken();
    const session = new Session({ mode: 'pane', store: paneBearerStore(), expiredNote: MSG.auth.workKept, openDialog: openSignInDialog });
    render(<App session={session} host={createExcelHost()} reviewHost={createReviewHost()} />);
  });
}
