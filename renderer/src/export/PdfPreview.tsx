import './pdf-preview.css';
import { useEffect, useRef, useState } from 'react';
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
// Bundled by vite as one of the app's own files, so the worker loads under script-src 'self'.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

interface PdfPreviewProps {
  /** The exported file's bytes. */
  pdf: Uint8Array;
  /** What the file is, for the pages' accessible names: 'Partnership Plan'. */
  name: string;
  pages?: number;
}

const previewWidth = 300;

/**
 * The first pages of an exported PDF, drawn by pdf.js inside the app: offline (the worker and
 * the fonts travel with the app and the file), with no eval, so the strict CSP holds. Each page
 * is an image named by its number; the document itself is the accessible version.
 */
export function PdfPreview({ pdf, name, pages = 3 }: PdfPreviewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ shown: number; total: number } | { error: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    // pdf.js takes the buffer over, so it gets a copy.
    const task = getDocument({ data: pdf.slice(), isEvalSupported: false, disableFontFace: false, useSystemFonts: false, enableXfa: false });
    void (async () => {
      try {
        const document = await task.promise;
        const count = Math.min(pages, document.numPages);
        const canvases: HTMLCanvasElement[] = [];
        for (let number = 1; number <= count && !cancelled; number += 1) {
          const page = await document.getPage(number);
          const base = page.getViewport({ scale: 1 });
          const scale = (previewWidth / base.width) * (window.devicePixelRatio || 1);
          const viewport = page.getViewport({ scale });
          const canvas = window.document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.className = 'pdf-preview-page';
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', `${name}, page ${number} of ${document.numPages}`);
          await page.render({ canvas, viewport }).promise;
          canvases.push(canvas);
        }
        if (cancelled || !container.current) return;
        container.current.replaceChildren(...canvases);
        setState({ shown: count, total: document.numPages });
      } catch (error) {
        if (!cancelled) setState({ error: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [pdf, name, pages]);

  return (
    <figure className="pdf-preview" data-testid="pdf-preview">
      <figcaption className="pdf-preview-caption">
        {state === null
          ? `Preparing a preview of the ${name}…`
          : 'error' in state
            ? `The preview could not be drawn (${state.error}). The file itself was saved.`
            : `The first ${state.shown === 1 ? 'page' : `${state.shown} pages`} of ${state.total}, as saved.`}
      </figcaption>
      <div ref={container} className="pdf-preview-pages" />
    </figure>
  );
}
