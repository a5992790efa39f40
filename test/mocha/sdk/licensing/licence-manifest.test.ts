import { expect } from "chai";
import { getAddress, keccak256, parseEther, toHex, type TransactionReceipt } from "viem";
import {
  buyLicence,
  buyLicences,
  ETH,
  formatLicenceManifest,
  getLicenceManifest,
  InvalidParameterError,
  type LicenceManifest,
  remixPublicActions,
  UseKind,
} from "../../../../sdk/index.js";
import { describeOnNodes, type SdkEnv } from "../helpers/env.js";
import * as f from "./fixtures.js";

const DOCUMENTS = {
  a: keccak256(toHex("training terms of a")),
  b: keccak256(toHex("training terms of b")),
  c: keccak256(toHex("commercial terms of c")),
};

/**
 * Carol licenses, in one bulk purchase, A for AI training in ETH (perpetual) and B in dUSD (for
 * 100 s), both Alice's; then, alone, C of Bob's for commercial use in ETH. Licences 1, 2 and 3.
 */
async function purchases(e: SdkEnv) {
  const deployment = e.deployment;
  const a = await f.original(e, e.alice, "manifest a");
  const b = await f.original(e, e.alice, "manifest b");
  const c = await f.original(e, e.bob, "manifest c");
  await f.allow(e, e.alice, a, UseKind.AITraining, {
    currency: ETH,
    price: parseEther("0.01"),
    documentHash: DOCUMENTS.a,
  });
  await f.allow(e, e.alice, b, UseKind.AITraining, {
    currency: e.usd,
    price: 2_000_000n,
    duration: 100n,
    documentHash: DOCUMENTS.b,
  });
  // A second version, so that a licence's terms version is not 1 by chance.
  await f.allow(e, e.bob, c, UseKind.Commercial, { documentHash: keccak256(toHex("superseded")) });
  await f.allow(e, e.bob, c, UseKind.Commercial, {
    currency: ETH,
    price: parseEther("0.005"),
    documentHash: DOCUMENTS.c,
  });
  await f.fundUsd(e, e.carol, 2_000_000n);
  const bulk = await buyLicences(e.carol, {
    deployment,
    assetIds: [a, b],
    kind: UseKind.AITraining,
  });
  const single = await buyLicence(e.carol, { deployment, assetId: c, kind: UseKind.Commercial });
  return { a, b, c, bulk, single };
}

async function timestampOf(e: SdkEnv, receipt: TransactionReceipt): Promise<bigint> {
  return (await e.publicClient.getBlock({ blockNumber: receipt.blockNumber })).timestamp;
}

/** `manifest` as JSON gives it back: bigints as decimal strings. */
function asJson(manifest: LicenceManifest): unknown {
  return {
    ...manifest,
    generatedAt: String(manifest.generatedAt),
    blockNumber: String(manifest.blockNumber),
    licences: manifest.licences.map((licence) => ({
      ...licence,
      licenceId: String(licence.licenceId),
      assetId: String(licence.assetId),
      issuedAt: String(licence.issuedAt),
      expiresAt: licence.expiresAt === null ? null : String(licence.expiresAt),
    })),
  };
}

describeOnNodes("sdk getLicenceManifest", (env) => {
  it("lists bulk and single licences as the chain records them, in four requests", async function () {
    const e = env();
    const { a, b, c, bulk, single } = await purchases(e);
    expect(bulk.licenceIds).to.deep.equal([1n, 2n]);
    expect(single.licenceId).to.equal(3n);
    const bulkAt = await timestampOf(e, bulk.receipt);
    const singleAt = await timestampOf(e, single.receipt);
    const latest = await e.publicClient.getBlock();
    const holder = e.carol.account.address;
    e.requests.count = 0;
    const manifest = await getLicenceManifest(e.publicClient, {
      deployment: e.deployment,
      licenceIds: [1n, 2n, 3n],
    });
    // The block, the licences, then the terms and validity batched beside the registrations' logs.
    expect(e.requests.count).to.equal(4);
    expect(manifest).to.deep.equal({
      chainId: e.chain.id,
      licensing: getAddress(e.deployment.licensing),
      protocol: getAddress(e.deployment.protocol),
      generatedAt: latest.timestamp,
      blockNumber: latest.number,
      licences: [
        {
          licenceId: 1n,
          assetId: a,
          contentHash: keccak256(toHex("manifest a")),
          kind: "AITraining",
          termsVersion: 1,
          termsDocumentHash: DOCUMENTS.a,
          issuedAt: bulkAt,
          expiresAt: null,
          holder,
          valid: true,
        },
        {
          licenceId: 2n,
          assetId: b,
          contentHash: keccak256(toHex("manifest b")),
          kind: "AITraining",
          termsVersion: 1,
          termsDocumentHash: DOCUMENTS.b,
          issuedAt: bulkAt,
          expiresAt: bulkAt + 100n,
          holder,
          valid: true,
        },
        {
          licenceId: 3n,
          assetId: c,
          contentHash: keccak256(toHex("manifest c")),
          kind: "Commercial",
          termsVersion: 2,
          termsDocumentHash: DOCUMENTS.c,
          issuedAt: singleAt,
          expiresAt: null,
          holder,
          valid: true,
        },
      ],
    });
    // Any order, and bound to a client.
    const bound = e.publicClient.extend(remixPublicActions({ deployment: e.deployment }));
    const reversed = await bound.getLicenceManifest({ licenceIds: [3n, 1n] });
    expect(reversed.licences).to.deep.equal([manifest.licences[2], manifest.licences[0]]);
  });

  it("marks a licence invalid once it expires, valid again once renewed, and reads past blocks", async function () {
    const e = env();
    const { b } = await purchases(e);
    const deployment = e.deployment;
    const before = await getLicenceManifest(e.publicClient, { deployment, licenceIds: [1n, 2n] });
    await f.travel(e, 200);
    const expired = await getLicenceManifest(e.publicClient, { deployment, licenceIds: [1n, 2n] });
    const [perpetual, timed] = before.licences;
    expect(expired.licences).to.deep.equal([perpetual, { ...timed, valid: false }]);
    expect(expired.generatedAt - before.generatedAt >= 200n).to.equal(true);
    // The contract answers for the holder, asset and kind: a newer licence makes it valid.
    await f.fundUsd(e, e.carol, 2_000_000n);
    const renewed = await buyLicence(e.carol, { deployment, assetId: b, kind: UseKind.AITraining });
    const again = await getLicenceManifest(e.publicClient, {
      deployment,
      licenceIds: [2n, renewed.licenceId],
    });
    expect(again.licences.map((licence) => licence.valid)).to.deep.equal([true, true]);
    expect(again.licences[0]?.expiresAt).to.equal(timed?.expiresAt);
    const past = await getLicenceManifest(e.publicClient, {
      deployment,
      licenceIds: [1n, 2n],
      blockNumber: before.blockNumber,
    });
    expect(past).to.deep.equal(before);
  });

  it("serializes to JSON with bigints as decimal strings, and reads back the same", async function () {
    const e = env();
    await purchases(e);
    const manifest = await getLicenceManifest(e.publicClient, {
      deployment: e.deployment,
      licenceIds: [1n, 2n, 3n],
    });
    const json = formatLicenceManifest(manifest);
    expect(JSON.parse(json)).to.deep.equal(asJson(manifest));
    expect(json).to.include('"licenceId": "1"');
    expect(json).to.include('"expiresAt": null');
    expect(json).to.include(`"chainId": ${e.chain.id}`);
  });

  it("refuses an empty list, a malformed or repeated id and a licence never issued", async function () {
    const e = env();
    await purchases(e);
    const deployment = e.deployment;
    const cases: [readonly bigint[], string, RegExp][] = [
      [[], "licenceIds", /must not be empty/],
      [[0n], "licenceIds[0]", /from 1/],
      [[1n, -1n], "licenceIds[1]", /from 1/],
      [[1n, 2n, 1n], "licenceIds[2]", /licence 1 is listed twice/],
      [[1n, 99n], "licenceIds[1]", /licence 99 was never issued/],
    ];
    for (const [licenceIds, parameter, reason] of cases) {
      const error = await f.rejection(
        getLicenceManifest(e.publicClient, { deployment, licenceIds }),
      );
      expect(error, parameter).to.be.instanceOf(InvalidParameterError);
      expect((error as InvalidParameterError).parameter).to.equal(parameter);
      expect((error as InvalidParameterError).shortMessage).to.match(reason);
    }
  });
});
