import { MAX_IMPORT_BYTES } from '../../../../shared/transfer';
import { api, isBrowserMode } from '../../api';
import { fileSize, fileToBase64 } from './files';
import type { Chosen } from './import-request';
import styles from './Import.module.css';

/**
 * Where an import comes from: a file (Electron's dialog, or a file input in browser mode) or pasted
 * text. A source over the size limit is refused here, with what to do instead.
 */
export function SourcePicker({
  pasted,
  onPaste,
  onChosen,
  onError,
}: {
  pasted: string;
  onPaste: (text: string) => void;
  onChosen: (chosen: Chosen) => void;
  onError: (message: string) => void;
}) {
  const chooseInDesktop = async () => {
    try {
      const file = await api.chooseImportFile();
      if (file) onChosen({ source: { kind: 'picked', id: file.id }, label: file.fileName, size: file.size });
    } catch (e) {
      onError((e as Error).message);
    }
  };
  const chooseInBrowser = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      onError(
        `“${file.name}” is ${fileSize(file.size)}; Prepdeck imports files up to 20 MB. Split it into smaller files and import them one by one.`,
      );
      return;
    }
    onChosen({
      source: { kind: 'bytes', base64: await fileToBase64(file), fileName: file.name },
      label: file.name,
      size: file.size,
    });
  };
  const previewPasted = () => {
    const size = new TextEncoder().encode(pasted).length;
    if (size > MAX_IMPORT_BYTES) {
      onError(
        `The pasted text is ${fileSize(size)}; Prepdeck imports up to 20 MB at a time. Paste less, or save it as a file and split it.`,
      );
      return;
    }
    onChosen({ source: { kind: 'text', text: pasted }, label: 'Pasted text', size: 0 });
  };

  return (
    <div className={styles.importSources}>
      <div className={styles.importDrop}>
        <p className={styles.importDropTitle}>From a file</p>
        <p className="muted small">.md, .txt, .json, .csv, .tsv · up to 20 MB</p>
        {isBrowserMode ? (
          <label className={`button button-primary ${styles.fileButton}`}>
            Choose a file…
            <input
              type="file"
              className="visually-hidden"
              accept=".md,.markdown,.txt,.json,.csv,.tsv,.tab,text/*,application/json"
              onChange={(e) => {
                void chooseInBrowser(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </label>
        ) : (
          <button type="button" className="button button-primary" onClick={() => void chooseInDesktop()}>
            Choose a file…
          </button>
        )}
      </div>
      <div className={styles.importPaste}>
        <label className="field">
          <span className="field-label">Or paste text</span>
          <textarea
            className={`input ${styles.importTextarea}`}
            value={pasted}
            onChange={(e) => onPaste(e.target.value)}
            placeholder={
              '1. What is a race condition?\nTwo threads touch shared state without a lock…\nKeywords: mutex, atomicity'
            }
            rows={5}
          />
        </label>
        <div>
          <button type="button" className="button" disabled={!pasted.trim()} onClick={previewPasted}>
            Preview pasted text
          </button>
        </div>
      </div>
    </div>
  );
}
