import { expect } from "chai";
import { getAddress, keccak256, toHex, zeroHash } from "viem";
import {
  ContractRevertError,
  ETH,
  estimateSetTermsGas,
  getTerms,
  InvalidParameterError,
  prepareSetTerms,
  quoteLicence,
  setTerms,
  UseKind,
} from "../../../../sdk/index.js";
import { describeOnNodes } from "../helpers/env.js";
import { nonceOf, original, rejection } from "./fixtures.js";

const EMPTY_TERMS = {
  allowed: false,
  currency: ETH,
  price: 0n,
  duration: 0n,
  minShareBps: 0,
  documentHash: zeroHash,
  documentUri: "",
};

describeOnNodes("sdk setTerms, getTerms, quoteLicence", (env) => {
  it("publishes versioned terms with defaults and reads every version back", async function () {
    const e = env();
    const { alice, deployment } = e;
    const usd = getAddress(e.usd);
    const assetId = await original(e, alice, "terms");
    const kind = UseKind.Commercial;
    expect(await quoteLicence(alice, { deployment, assetId, kind })).to.deep.equal({
      assetId,
      kind,
      allowed: false,
      currency: ETH,
      price: 0n,
      version: 0,
      terms: EMPTY_TERMS,
    });

    const first = await setTerms(alice, { deployment, assetId, kind, terms: { allowed: true } });
    expect(first.version).to.equal(1);
    expect(first.receipt.status).to.equal("success");
    const full = {
      allowed: true,
      currency: usd,
      price: 2_500_000n,
      duration: 86_400n,
      minShareBps: 0,
      documentHash: keccak256(toHex("licence text")),
      documentUri: "ipfs://licence.txt",
    };
    const second = await setTerms(alice, { deployment, assetId, kind, terms: full });
    expect(second.version).to.equal(2);

    expect(await getTerms(alice, { deployment, assetId, kind, version: 1 })).to.deep.equal({
      ...EMPTY_TERMS,
      allowed: true,
      version: 1,
    });
    expect(await getTerms(alice, { deployment, assetId, kind })).to.deep.equal({
      ...full,
      version: 2,
    });
    expect(await quoteLicence(alice, { deployment, assetId, kind })).to.deep.equal({
      assetId,
      kind,
      allowed: true,
      currency: usd,
      price: 2_500_000n,
      version: 2,
      terms: full,
    });
    // Other kinds are untouched.
    expect((await getTerms(alice, { deployment, assetId, kind: UseKind.Remix })).version).to.equal(
      0,
    );
  });

  it("fails with NotAssetOwner before sending when the sender does not own the asset", async function () {
    const e = env();
    const assetId = await original(e, e.alice, "not-yours");
    const nonce = await nonceOf(e, e.bob);
    const error = await rejection(
      setTerms(e.bob, {
        deployment: e.deployment,
        assetId,
        kind: UseKind.Commercial,
        terms: { allowed: true },
      }),
    );
    expect(error).to.be.instanceOf(ContractRevertError);
    expect((error as ContractRevertError).errorName).to.equal("NotAssetOwnerOrManager");
    expect((error as ContractRevertError).args).to.deep.equal([assetId, e.bob.account.address]);
    expect(await nonceOf(e, e.bob)).to.equal(nonce);
  });

  it("leaves kind-specific rules to the contract: a Remix licence cannot expire", async function () {
    const e = env();
    const assetId = await original(e, e.alice, "remix-duration");
    const error = await rejection(
      setTerms(e.alice, {
        deployment: e.deployment,
        assetId,
        kind: UseKind.Remix,
        terms: { allowed: true, duration: 60n },
      }),
    );
    expect((error as ContractRevertError).errorName).to.equal("RemixLicenceCannotExpire");
    expect((error as ContractRevertError).args).to.deep.equal([60]);
  });

  it("refuses malformed terms with InvalidParameterError and sends nothing", async function () {
    const e = env();
    const assetId = await original(e, e.alice, "malformed");
    const nonce = await nonceOf(e, e.alice);
    const cases: [Record<string, unknown>, string][] = [
      [{ terms: { allowed: true, minShareBps: 1.5 } }, "terms.minShareBps"],
      [{ terms: { allowed: true, minShareBps: 10_001 } }, "terms.minShareBps"],
      [{ terms: { allowed: true, currency: ETH, price: -1n } }, "terms.price"],
      [{ terms: { allowed: true, currency: ETH, price: 1n << 128n } }, "terms.price"],
      [{ terms: { allowed: true, price: 1n } }, "terms.currency"],
      [{ terms: { allowed: true, duration: 1n << 40n } }, "terms.duration"],
      [{ terms: { allowed: true, documentHash: "0x1234" } }, "terms.documentHash"],
      [{ terms: { allowed: true, currency: "0x123" } }, "terms.currency"],
      [{ terms: { allowed: true }, kind: 5 }, "kind"],
    ];
    for (const [override, parameter] of cases) {
      const parameters = {
        deployment: e.deployment,
        assetId,
        kind: UseKind.Commercial,
        ...override,
      } as Parameters<typeof setTerms>[1];
      const error = await rejection(setTerms(e.alice, parameters));
      expect(error, parameter).to.be.instanceOf(InvalidParameterError);
      expect((error as InvalidParameterError).parameter).to.equal(parameter);
    }
    expect(await nonceOf(e, e.alice)).to.equal(nonce);
  });

  it("prepares the same calldata it sends and estimates its gas", async function () {
    const e = env();
    const assetId = await original(e, e.alice, "prepared-terms");
    const parameters = {
      deployment: e.deployment,
      assetId,
      kind: UseKind.AITraining,
      terms: { allowed: true, currency: ETH, price: 10n, duration: 3_600n },
    };
    const prepared = await prepareSetTerms(e.alice, parameters);
    expect(prepared.to).to.equal(e.deployment.licensing);
    expect(prepared.value).to.equal(0n);
    const gas = await estimateSetTermsGas(e.alice, parameters);
    const { receipt } = await setTerms(e.alice, parameters);
    const sent = await e.publicClient.getTransaction({ hash: receipt.transactionHash });
    expect(sent.input).to.equal(prepared.data);
    expect(receipt.gasUsed <= gas).to.equal(true);
  });
});
