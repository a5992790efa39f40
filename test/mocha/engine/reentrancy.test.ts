import { expect } from "chai";
import { ETH, ethers, networkHelpers } from "../helpers/fixture.js";
import {
  deployFamily,
  deployListedToken,
  expectRoyaltyBalance,
  expectSolvent,
  pay,
} from "../helpers/engine.js";

const OWED = ethers.parseEther("0.9");

/**
 * A's owner is an attacker contract that re-enters the protocol from `receive`. A is owed 0.9 ETH,
 * C holds 10,000 wei pending a split and 0.1 ETH + 1,000 wei of fees are accrued.
 */
async function deployAttackedFamily() {
  const family = await deployFamily();
  const { protocol, alice, payer, a, c } = family;
  const attacker = await ethers.deployContract("ReentrantRecipient");
  await protocol.connect(alice).transferFrom(alice.address, attacker, a);
  await pay(protocol, payer, a, ETH, ethers.parseEther("1"));
  await pay(protocol, payer, c, ETH, 10_000n);
  return { ...family, attacker, attackerAddress: await attacker.getAddress() };
}

type Attacked = Awaited<ReturnType<typeof deployAttackedFamily>>;

/** Every value-moving entry point, as a re-entry: its calldata and the ETH it sends. */
const REENTRIES: Record<string, (attacked: Attacked) => [string, bigint]> = {
  claim: ({ protocol, a, attackerAddress }) => [
    protocol.interface.encodeFunctionData("claim", [a, ETH, attackerAddress]),
    0n,
  ],
  claimMany: ({ protocol, a, attackerAddress }) => [
    protocol.interface.encodeFunctionData("claimMany", [[a], [ETH], attackerAddress]),
    0n,
  ],
  pay: ({ protocol, a }) => [protocol.interface.encodeFunctionData("pay", [a, ETH, 1n]), 1n],
  split: ({ protocol, c }) => [protocol.interface.encodeFunctionData("split", [c, ETH]), 0n],
  splitMany: ({ protocol, c }) => [
    protocol.interface.encodeFunctionData("splitMany", [[c], [ETH]]),
    0n,
  ],
  withdrawFees: ({ protocol }) => [
    protocol.interface.encodeFunctionData("withdrawFees", [ETH]),
    0n,
  ],
};

/** Snapshot of every balance a re-entry could have moved. */
async function engineState({ protocol, a, c, attackerAddress }: Attacked) {
  return {
    owedToA: await protocol.collectableBalance(a, ETH),
    balanceOfC: [...(await protocol.royaltyBalance(c, ETH))],
    fees: [...(await protocol.accruedFees(ETH))],
    attacker: await ethers.provider.getBalance(attackerAddress),
  };
}

describe("reentrancy", function () {
  for (const [label, reentry] of Object.entries(REENTRIES)) {
    it(`reverts with ReentrancyGuardReentrantCall when a claim's recipient re-enters ${label}`, async function () {
      const attacked = await networkHelpers.loadFixture(deployAttackedFamily);
      const { protocol, attacker, a, b, c, attackerAddress } = attacked;
      const [data, value] = reentry(attacked);
      const claim = protocol.interface.encodeFunctionData("claim", [a, ETH, attackerAddress]);
      const before = await engineState(attacked);

      // Bubbling the guard's error undoes the whole claim.
      await attacker.arm(protocol, data, value, true);
      await expect(attacker.execute(protocol, claim)).to.be.revertedWithCustomError(
        protocol,
        "ReentrancyGuardReentrantCall",
      );
      expect(await engineState(attacked)).to.deep.equal(before);

      // Swallowing it, the claim pays exactly once and the re-entered call had no effect.
      await attacker.arm(protocol, data, value, false);
      await expect(attacker.execute(protocol, claim)).to.changeEtherBalances(
        ethers,
        [protocol, attacker],
        [-OWED, OWED],
      );
      expect(await attacker.lastReentryError()).to.equal(
        protocol.interface.getError("ReentrancyGuardReentrantCall")!.selector,
      );
      expect(await attacker.receiveCount()).to.equal(1n);
      expect(await engineState(attacked)).to.deep.equal({
        ...before,
        owedToA: 0n,
        attacker: before.attacker + OWED,
      });
      await expectSolvent(protocol, [ETH], [a, b, c]);
    });
  }

  it("reverts with ReentrancyGuardReentrantCall when a treasury re-enters withdrawFees or claim", async function () {
    const attacked = await networkHelpers.loadFixture(deployAttackedFamily);
    const { protocol, admin, attacker, a, b, c } = attacked;
    await protocol.connect(admin).setTreasury(attacker);
    const before = await engineState(attacked);

    for (const [label, reentry] of Object.entries(REENTRIES)) {
      const [data, value] = reentry(attacked);
      await attacker.arm(protocol, data, value, true);
      await expect(protocol.withdrawFees(ETH), label).to.be.revertedWithCustomError(
        protocol,
        "ReentrancyGuardReentrantCall",
      );
    }
    expect(await engineState(attacked)).to.deep.equal(before);
    await expectSolvent(protocol, [ETH], [a, b, c]);
  });

  it("reverts with ReentrancyGuardReentrantCall when a token re-enters during pay or claim", async function () {
    const attacked = await networkHelpers.loadFixture(deployAttackedFamily);
    const { protocol, bob, payer, b, c } = attacked;
    const { token, address } = await deployListedToken(attacked, "ReentrantERC20", [18]);
    const arm = token.getFunction("arm");
    const splitC = protocol.interface.encodeFunctionData("split", [c, address]);

    // During pay's transferFrom the engine has not credited anything yet.
    await arm(protocol, splitC);
    await expect(protocol.connect(payer).pay(c, address, 1_000n)).to.be.revertedWithCustomError(
      protocol,
      "ReentrancyGuardReentrantCall",
    );
    await expectRoyaltyBalance(protocol, c, address, 0n, 0n, 0n);

    // During claim's transfer the balance is already zeroed; the revert restores it.
    await arm(ethers.ZeroAddress, "0x");
    await protocol.connect(payer).pay(b, address, 1_000n);
    await protocol.split(b, address);
    const owed = await protocol.collectableBalance(b, address);
    expect(owed).to.equal(600n);
    await arm(protocol, splitC);
    await expect(
      protocol.connect(bob).claim(b, address, bob.address),
    ).to.be.revertedWithCustomError(protocol, "ReentrancyGuardReentrantCall");
    expect(await protocol.collectableBalance(b, address)).to.equal(owed);
  });
});
