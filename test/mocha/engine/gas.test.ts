import { expect } from "chai";
import {
  ETH,
  deployProtocol,
  networkHelpers,
  registerOriginal,
  registerRemix,
} from "../helpers/fixture.js";
import { pay } from "../helpers/engine.js";

const DEPTH = 10;

/** A 16-parent remix, a remix at depth 10 and a one-parent remix, all unpaid. */
async function deployWideAndDeep() {
  const deployment = await deployProtocol();
  const { protocol, alice, bob } = deployment;
  const parents: bigint[] = [];
  for (let i = 0; i < 16; i++) parents.push(await registerOriginal(protocol, alice, `wide-${i}`));
  const wide = await registerRemix(
    protocol,
    bob,
    "wide",
    parents.map((id) => [id, 500]),
  );
  let deep = parents[0];
  for (let i = 0; i < DEPTH; i++)
    deep = await registerRemix(protocol, bob, `deep-${i}`, [[deep, 500]]);
  const narrow = await registerRemix(protocol, bob, "narrow", [[parents[1], 500]]);
  return { ...deployment, parents, wide, deep, narrow };
}

describe("gas", function () {
  it("pay costs the same for a one-parent, a 16-parent and a 10-deep remix", async function () {
    const { protocol, payer, wide, deep, narrow } =
      await networkHelpers.loadFixture(deployWideAndDeep);

    const gas = [];
    for (const id of [narrow, wide, deep]) {
      gas.push(await protocol.connect(payer).pay.estimateGas(id, ETH, 1_000n, { value: 1_000n }));
    }

    expect(gas[1]).to.equal(gas[0]);
    expect(gas[2]).to.equal(gas[0]);
  });

  it("split of a 16-parent remix and a 10-hop splitMany stay within fixed gas ceilings", async function () {
    const { protocol, payer, wide, deep, parents } =
      await networkHelpers.loadFixture(deployWideAndDeep);
    await pay(protocol, payer, wide, ETH, 1_000_000n);
    await pay(protocol, payer, deep, ETH, 1_000_000n);

    const wideGas = (await (await protocol.split(wide, ETH)).wait())!.gasUsed;
    const chain = Array.from({ length: DEPTH }, (_, i) => deep - BigInt(i));
    const deepGas = (await (await protocol.splitMany(chain, [ETH])).wait())!.gasUsed;

    // Ceilings about 25% above today's cost (mostly 16 fresh balance slots): a regression guard,
    // and two orders of magnitude below a block.
    expect(wideGas).to.be.lessThan(600_000n);
    expect(deepGas).to.be.lessThan(310_000n);
    expect(await protocol.collectableBalance(parents[0], ETH)).to.be.greaterThan(0n);
  });
});
