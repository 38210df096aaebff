/**
 * Hands a downloaded file to the browser's download (the task pane is a web page: in Excel on the
 * web and in WebView2 an <a download> of a blob URL saves it like any browser download).
 */
export function saveFile(blob: Blob, filename: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // revoked later: the download may start after this task
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
