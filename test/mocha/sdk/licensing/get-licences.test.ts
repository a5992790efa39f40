import { expect } from "chai";
import { keccak256, toHex } from "viem";
import {
  buyLicence,
  getLicences,
  hasValidLicence,
  type Licence,
  registerRemix,
  UseKind,
} from "../../../../sdk/index.js";
import { describeOnNodes, type SdkEnv } from "../helpers/env.js";
import * as f from "./fixtures.js";

/**
 * Bob holds a 100 s commercial licence of A (1), a remix licence of A (2) that his remix (asset 3)
 * consumed, and an unused remix licence of B (3). Carol holds licence 4.
 */
async function scenario(e: SdkEnv) {
  const deployment = e.deployment;
  const a = await f.original(e, e.alice, "a");
  const b = await f.original(e, e.alice, "b");
  await f.allow(e, e.alice, a, UseKind.Commercial, { duration: 100n });
  await f.allow(e, e.alice, a, UseKind.Remix, { minShareBps: 500 });
  await f.allow(e, e.alice, b, UseKind.Remix);
  const commercial = await buyLicence(e.bob, { deployment, assetId: a, kind: UseKind.Commercial });
  const remixA = await buyLicence(e.bob, { deployment, assetId: a, kind: UseKind.Remix });
  const remixB = await buyLicence(e.bob, { deployment, assetId: b, kind: UseKind.Remix });
  await buyLicence(e.carol, { deployment, assetId: a, kind: UseKind.Commercial });
  const remix = await registerRemix(e.bob, {
    deployment,
    contentHash: keccak256(toHex("bob's remix")),
    metadataUri: "ipfs://remix",
    parents: [{ assetId: a, shareBps: 1_000 }],
  });
  expect(remix.licenceIds).to.deep.equal([remixA.licenceId]);
  const issuedAt = async (receipt: { blockNumber: bigint }) =>
    (await e.publicClient.getBlock({ blockNumber: receipt.blockNumber })).timestamp;
  const expected: Licence[] = [
    {
      licenceId: 1n,
      holder: e.bob.account.address,
      assetId: a,
      kind: UseKind.Commercial,
      termsVersion: 1,
      issuedAt: await issuedAt(commercial.receipt),
      expiresAt: (await issuedAt(commercial.receipt)) + 100n,
      consumedBy: null,
      minShareBps: 0,
      usable: true,
    },
    {
      licenceId: 2n,
      holder: e.bob.account.address,
      assetId: a,
      kind: UseKind.Remix,
      termsVersion: 1,
      issuedAt: await issuedAt(remixA.receipt),
      expiresAt: null,
      consumedBy: remix.assetId,
      minShareBps: 500,
      usable: false,
    },
    {
      licenceId: 3n,
      holder: e.bob.account.address,
      assetId: b,
      kind: UseKind.Remix,
      termsVersion: 1,
      issuedAt: await issuedAt(remixB.receipt),
      expiresAt: null,
      consumedBy: null,
      minShareBps: 0,
      usable: true,
    },
  ];
  return { a, b, expected };
}

describeOnNodes("sdk getLicences, hasValidLicence", (env) => {
  it("lists every licence of the holder in one log request and one batched read", async function () {
    const e = env();
    const { expected } = await scenario(e);
    e.requests.count = 0;
    const holder = e.bob.account.address;
    expect(await getLicences(e.publicClient, { deployment: e.deployment, holder })).to.deep.equal(
      expected,
    );
    expect(e.requests.count).to.equal(3); // latest block, eth_getLogs, one multicall
    const chunked = await getLicences(e.publicClient, {
      deployment: e.deployment,
      holder,
      maxBlockRange: 2n,
    });
    expect(chunked).to.deep.equal(expected);
  });

  it("marks a licence unusable once it expires, and filters by kind and asset", async function () {
    const e = env();
    const { b, expected } = await scenario(e);
    await f.travel(e, 200);
    const holder = e.bob.account.address;
    const deployment = e.deployment;
    const [commercial, consumed, unused] = expected as [Licence, Licence, Licence];
    expect(await getLicences(e.bob, { deployment, holder })).to.deep.equal([
      { ...commercial, usable: false },
      consumed,
      unused,
    ]);
    expect(await getLicences(e.bob, { deployment, holder, kind: UseKind.Remix })).to.deep.equal([
      consumed,
      unused,
    ]);
    expect(await getLicences(e.bob, { deployment, holder, assetId: b })).to.deep.equal([unused]);
    // A licence bought with the remix it registers is used at once and never minted: its buyer
    // holds none.
    const stranger = e.stranger.account.address;
    const bought = await registerRemix(e.stranger, {
      deployment,
      contentHash: keccak256(toHex("stranger's remix")),
      metadataUri: "ipfs://stranger",
      parents: [{ assetId: b, shareBps: 1_000 }],
    });
    expect(bought.licenceIds).to.deep.equal([0n]);
    expect(await getLicences(e.bob, { deployment, holder: stranger })).to.deep.equal([]);
    expect(
      await hasValidLicence(e.bob, {
        deployment,
        holder: stranger,
        assetId: b,
        kind: UseKind.Remix,
      }),
    ).to.deep.equal({ valid: false, validUntil: 0n });
  });

  it("tells whether a licence is valid now, and until when", async function () {
    const e = env();
    const { a, b, expected } = await scenario(e);
    const holder = e.bob.account.address;
    const deployment = e.deployment;
    const check = (assetId: bigint, kind: UseKind) =>
      hasValidLicence(e.bob, { deployment, holder, assetId, kind });
    const until = (expected[0] as Licence).expiresAt;
    expect(await check(a, UseKind.Commercial)).to.deep.equal({ valid: true, validUntil: until });
    expect(await check(a, UseKind.Remix)).to.deep.equal({ valid: false, validUntil: 0n });
    expect(await check(b, UseKind.Remix)).to.deep.equal({ valid: true, validUntil: null });
    expect(await check(a, UseKind.View)).to.deep.equal({ valid: false, validUntil: 0n });
    await f.travel(e, 200);
    expect(await check(a, UseKind.Commercial)).to.deep.equal({ valid: false, validUntil: until });
  });
});
