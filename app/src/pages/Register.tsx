// Register an original: drop the file (hashed here, never uploaded), refuse a duplicate with a
// link to the asset that has it, then commit and reveal. Unfinished commitments resume here.
import { useState } from "react";
import { FilePicker } from "../components/FilePicker.tsx";
import { RegistrationSteps } from "../components/RegistrationSteps.tsx";
import { useRemix } from "../context.ts";
import type { FileDigest } from "../lib/fileDigest.ts";
import { loadPending } from "../lib/pendingRegistrations.ts";
import { href } from "../lib/route.ts";
import { useApprovalContext } from "../lib/useApprovalContext.ts";
import { metadataBlock, registrationBlock, showSteps, useRegisteredAs } from "../lib/workChecks.ts";
import { WorkDetails } from "../components/WorkDetails.tsx";

/** `#/register`. */
export function Register() {
  const write = useApprovalContext();
  if (!write) return <p>Connect your wallet to register a work.</p>;
  return <RegisterWith key={write.account} write={write} />;
}

function RegisterWith({ write }: { write: NonNullable<ReturnType<typeof useApprovalContext>> }) {
  const { deployment } = useRemix();
  const [file, setFile] = useState<FileDigest | null>(null);
  const [metadataUri, setMetadataUri] = useState("");
  // The list is read once: a registration revealed from it stays on the page with its outcome.
  const [pending] = useState(() => loadPending(deployment.chainId, write.account));
  const others = pending.filter((p) => p.contentHash !== file?.contentHash);
  // The chosen file's commitment as stored now (one made since the page opened included).
  const resumedOf = (digest: FileDigest | null) =>
    digest && loadPending(deployment.chainId, write.account).find((p) => p.contentHash === digest.contentHash);
  const resumed = resumedOf(file) ?? undefined;
  const duplicate = useRegisteredAs(file);
  // Once registered here, the new asset is the "duplicate": the outcome stays on the page.
  const [registered, setRegistered] = useState<bigint | null>(null);
  const blocked = registrationBlock(file, metadataUri, duplicate);
  return (
    <>
      <section className="card" aria-label="Register a work">
        <h2>Register an original</h2>
        <FilePicker
          onDigest={(digest) => {
            setFile(digest);
            setRegistered(null);
            // A commitment kept for this work brings back the metadata it was made with.
            const kept = resumedOf(digest);
            if (kept) setMetadataUri(kept.metadataUri);
          }}
        />
        <WorkDetails
          file={file}
          metadataUri={metadataUri}
          onMetadataUri={setMetadataUri}
          duplicate={registered === null ? duplicate : {}}
        />
        {(registered !== null || showSteps(file, duplicate)) && (
          <RegistrationSteps
            key={file?.contentHash ?? "none"}
            write={write}
            work={file ? { file, metadataUri } : undefined}
            pending={resumed}
            blocked={blocked}
            revealBlocked={metadataBlock(metadataUri)}
            onRegistered={setRegistered}
          />
        )}
        <p className="muted">
          A remix names its parents: register it from the <a href={href("remix")}>Remix</a> page.
        </p>
      </section>
      {others.length > 0 && (
        <section className="card" aria-label="Unfinished registrations">
          <h2>Unfinished registrations</h2>
          {others.map((p) => (
            <div key={p.contentHash}>
              <p>
                {p.fileName || "A work"}
                {p.remix && `, a remix of ${p.remix.parents.map((parent) => `#${parent.assetId}`).join(", ")}`}{" "}
                <span className="mono">{p.contentHash}</span>
              </p>
              <RegistrationSteps write={write} pending={p} />
            </div>
          ))}
        </section>
      )}
    </>
  );
}
