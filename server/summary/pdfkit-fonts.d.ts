// pdfkit takes an already-parsed fontkit face wherever it takes a font file (PDFFontFactory.open accepts any
// source with a `layout` function); @types/pdfkit lists only files and buffers. fonts.ts relies on it to parse
// the summary's faces once for every document.
import type { Font } from 'fontkit';

declare global {
  namespace PDFKit.Mixins {
    interface PDFFont {
      registerFont(name: string, src: Font, family?: string): this;
    }
  }
}
