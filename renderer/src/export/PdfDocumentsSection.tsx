import { DocumentDetailsForm } from './DocumentDetailsForm';
import { PdfExportPanel } from './PdfExportPanel';

/** The Export screen's PDF documents: the export itself, then the details they carry. */
export function PdfDocumentsSection() {
  return (
    <div className="pdf-documents">
      <PdfExportPanel />
      <DocumentDetailsForm />
    </div>
  );
}
