// Fails when the last `npx hardhat build --force` produced any compiler warning, treating warnings
// as errors. The one exception is solc's generic notice on EIP-1153 transient storage, raised
// inside OpenZeppelin's TransientSlot, which backs the reentrancy guard and is safe as used.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface SolcDiagnostic {
  severity: string;
  errorCode?: string;
  formattedMessage?: string;
  message: string;
  sourceLocation?: { file: string };
}

const TRANSIENT_STORAGE_WARNING = "2394";
const buildInfoDir = "artifacts/build-info";

const allowed = (diagnostic: SolcDiagnostic): boolean =>
  diagnostic.errorCode === TRANSIENT_STORAGE_WARNING &&
  /@openzeppelin\/contracts(@[^/]+)?\/utils\/TransientSlot\.sol$/.test(
    diagnostic.sourceLocation?.file ?? "",
  );

const diagnostics: SolcDiagnostic[] = readdirSync(buildInfoDir)
  .filter((name) => name.endsWith(".output.json"))
  .flatMap((name) => {
    const parsed = JSON.parse(readFileSync(join(buildInfoDir, name), "utf8"));
    return (parsed.output?.errors ?? []) as SolcDiagnostic[];
  });

const offending = diagnostics.filter((d) => !allowed(d));
for (const d of offending) console.error(d.formattedMessage ?? `${d.severity}: ${d.message}`);
if (offending.length > 0) {
  console.error(`${offending.length} compiler diagnostic(s): warnings are errors here.`);
  process.exit(1);
}
console.log(`Compiler output clean (${diagnostics.length - offending.length} allowed notice(s)).`);
