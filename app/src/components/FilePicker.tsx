// Drop or choose a file; its SHA-256 is computed here, in the browser, and only the hash leaves.
import { useState } from "react";
import { digestFile, type FileDigest } from "../lib/fileDigest.ts";

/** A drop zone and file input that report the chosen file's digest. */
export function FilePicker({ onDigest }: { onDigest(digest: FileDigest): void }) {
  const [hashing, setHashing] = useState(false);
  const [over, setOver] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setHashing(true);
    setFailure(null);
    try {
      onDigest(await digestFile(file));
    } catch (error) {
      // No Web Crypto (a page not served from https or localhost), or a file too large to read.
      setFailure(`The file could not be hashed here: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setHashing(false);
    }
  };
  return (
    <label
      className={over ? "dropzone over" : "dropzone"}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        void pick(event.dataTransfer.files[0]);
      }}
    >
      <input type="file" aria-label="Work file" onChange={(event) => void pick(event.target.files?.[0])} />
      <span>
        {hashing
          ? "Computing its SHA-256…"
          : "Drop the work here, or choose a file. It is hashed here and never uploaded."}
      </span>
      {failure && (
        <span role="alert" className="error">
          {failure}
        </span>
      )}
    </label>
  );
}
