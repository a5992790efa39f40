import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { expect } from "chai";
import { buildPackage, root } from "../../helpers/packageBuild.js";
import { describeOnNodes } from "../helpers/env.js";

const run = promisify(execFile);

/** The README's SDK integration example: the TypeScript block after `<!-- sdk-example -->`. */
async function readmeExample(): Promise<string> {
  const readme = await readFile(`${root}README.md`, "utf8");
  const match = /<!-- sdk-example -->\s*```ts\n([\s\S]*?)```/.exec(readme);
  if (!match?.[1]) throw new Error("README has no <!-- sdk-example --> TypeScript block");
  return match[1];
}

describeOnNodes("README SDK example", (env) => {
  before(async function () {
    this.timeout(120_000);
    // The example imports the published entry point `remix-royalties/sdk`.
    await buildPackage();
  });

  it("runs as written against a node with the protocol deployed", async function () {
    this.timeout(60_000);
    const { node, deployment } = env();
    await mkdir(`${root}.tmp`, { recursive: true });
    const file = `${root}.tmp/readme-example.ts`;
    await writeFile(file, await readmeExample());
    const ignitionFile = `${root}.tmp/deployed_addresses-${node.kind}.json`;
    await writeFile(
      ignitionFile,
      JSON.stringify({
        "RemixProtocol#RemixProtocol": deployment.protocol,
        "RemixProtocol#Licensing": deployment.licensing,
      }),
    );
    const { stdout } = await run(process.execPath, [file], {
      cwd: root,
      env: { ...process.env, RPC_URL: node.url, DEPLOYED_ADDRESSES: ignitionFile },
    });
    // Every line the example prints is checked: 1.00 ETH pays B 0.60, A 0.30 and the fee 0.10.
    expect(stdout.trim().split("\n")).to.deep.equal([
      "asset 2 remixes asset 1 for 3000 bps",
      "alice can claim 0.3 ETH",
      "alice claimed 0.3 ETH",
      "bob claimed 0.6 ETH",
      "protocol fees 0.1 ETH",
      "refused: already registered as asset 1",
    ]);
  });
});
