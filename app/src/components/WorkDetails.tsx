// The chosen work: its hash (or the asset that already has it) and the metadata URI to record.
import { href } from "../lib/route.ts";
import type { FileDigest } from "../lib/fileDigest.ts";

type Props = {
  file: FileDigest | null;
  metadataUri: string;
  onMetadataUri(uri: string): void;
  duplicate: { data?: bigint | null | undefined };
};

/** The file's digest, a duplicate refusal with its link, and the metadata URI field. */
export function WorkDetails({ file, metadataUri, onMetadataUri, duplicate }: Props) {
  return (
    <>
      {file && (
        <p>
          {file.name} ({file.size.toLocaleString()} bytes): SHA-256{" "}
          <span className="mono" data-testid="content-hash">
            {file.contentHash}
          </span>
        </p>
      )}
      {file && duplicate.data != null && (
        <p role="alert" className="error" data-testid="duplicate">
          This work is already registered as <a href={href("asset", duplicate.data)}>asset #{String(duplicate.data)}</a>
          : it cannot be registered again.
        </p>
      )}
      <label className="field">
        Metadata URI{" "}
        <input
          value={metadataUri}
          placeholder="ipfs://…/metadata.json"
          onChange={(event) => onMetadataUri(event.target.value)}
        />
      </label>
    </>
  );
}
