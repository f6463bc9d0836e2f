// The QR code of an authenticator app's set-up link, drawn on the server as SVG: no script and no request
// to anyone else. Named as an image for screen readers; the secret is also shown as text beside it.
import { renderSVG } from 'uqr';

export function qrSvg(text: string, label: string): string {
  const svg = renderSVG(text, { ecc: 'M', pixelSize: 6, border: 2 });
  const safeLabel = label.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return svg.replace('<svg ', `<svg role="img" aria-label="${safeLabel}" width="192" height="192" `);
}
