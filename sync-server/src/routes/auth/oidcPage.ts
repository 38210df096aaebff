/**
 * The plain pages of the provider sign-in that are not the app: why a sign-in did not end in a
 * session, and what to do. Server-rendered, no script (CSP allows none inline), Polish, escaped.
 */
import { MSG } from '@pwr-sync/shared';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface PageText {
  title: string;
  paragraphs: string[];
  list?: string[];
  link?: { href: string; text: string };
}

export function oidcPage(p: PageText): string {
  const list = p.list?.length ? `<ul>${p.list.map((x) => `<li>${escape(x)}</li>`).join('')}</ul>` : '';
  const link = p.link ? `<p><a href="${escape(p.link.href)}">${escape(p.link.text)}</a></p>` : '';
  return `<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(p.title)} — ${escape(MSG.signIn.pageTitle)}</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#242424}h1{font-size:1.4rem}a{color:#0f6cbd}</style>
</head><body><main>
<p>${escape(MSG.signIn.pageTitle)}</p>
<h1>${escape(p.title)}</h1>
${p.paragraphs.map((x) => `<p>${escape(x)}</p>`).join('\n')}
${list}${link}
</main></body></html>`;
}
