import { expect } from "chai";
import { ethers, networkHelpers } from "../helpers/fixture.js";
import { deployWithAssets, expectNoStateChange, type Protocol } from "../helpers/registry.js";

/** `ERC721ReceiverMock.Behaviour`, in declaration order. */
enum Behaviour {
  Accept,
  ReturnWrongValue,
  RevertWithMessage,
  RevertWithoutMessage,
  RevertWithCustomError,
}

/** The assets of `deployWithAssets` plus one receiver contract per behaviour. */
async function deployWithReceivers() {
  const fx = await deployWithAssets();
  const deploy = (behaviour: Behaviour) => ethers.deployContract("ERC721ReceiverMock", [behaviour]);
  const receivers = {
    accepting: await deploy(Behaviour.Accept),
    wrongValue: await deploy(Behaviour.ReturnWrongValue),
    withMessage: await deploy(Behaviour.RevertWithMessage),
    silent: await deploy(Behaviour.RevertWithoutMessage),
    customError: await deploy(Behaviour.RevertWithCustomError),
  };
  return { ...fx, receivers };
}

// Both overloads run the same checks; the 3-argument one passes empty data to the receiver.
const overloads = [
  {
    signature: "safeTransferFrom(address,address,uint256)",
    data: "0x",
    send: (protocol: Protocol, from: string, to: string, id: bigint) =>
      protocol["safeTransferFrom(address,address,uint256)"](from, to, id),
  },
  {
    signature: "safeTransferFrom(address,address,uint256,bytes)",
    data: "0xc0ffee00",
    send: (protocol: Protocol, from: string, to: string, id: bigint) =>
      protocol["safeTransferFrom(address,address,uint256,bytes)"](from, to, id, "0xc0ffee00"),
  },
];

for (const { signature, data, send } of overloads) {
  describe(signature, function () {
    it("moves the asset to an account without calling anything", async function () {
      const { protocol, alice, carol, a } = await networkHelpers.loadFixture(deployWithReceivers);

      await expect(send(protocol.connect(alice), alice.address, carol.address, a))
        .to.emit(protocol, "Transfer")
        .withArgs(alice.address, carol.address, a);
      expect(await protocol.ownerOf(a)).to.equal(carol.address);
    });

    it("delivers to a receiver contract, passing operator, sender, id and data", async function () {
      const { protocol, alice, bob, a, receivers } =
        await networkHelpers.loadFixture(deployWithReceivers);
      const receiver = await receivers.accepting.getAddress();
      await protocol.connect(alice).setApprovalForAll(bob.address, true);

      const tx = send(protocol.connect(bob), alice.address, receiver, a);

      await expect(tx).to.emit(protocol, "Transfer").withArgs(alice.address, receiver, a);
      await expect(tx)
        .to.emit(receivers.accepting, "Received")
        .withArgs(bob.address, alice.address, a, data);
      expect(await protocol.ownerOf(a)).to.equal(receiver);
      expect(await protocol.balanceOf(receiver)).to.equal(1n);
    });

    it("reverts with ERC721InvalidReceiver for a contract that does not implement the receiver hook", async function () {
      const fx = await networkHelpers.loadFixture(deployWithReceivers);
      // The test ERC-20 is a contract with no onERC721Received and no fallback.
      const nonReceiver = await fx.usd.getAddress();
      await expectNoStateChange(fx, () =>
        expect(send(fx.protocol.connect(fx.alice), fx.alice.address, nonReceiver, fx.a))
          .to.be.revertedWithCustomError(fx.protocol, "ERC721InvalidReceiver")
          .withArgs(nonReceiver),
      );
    });

    it("reverts with ERC721InvalidReceiver when the receiver returns the wrong value or reverts silently", async function () {
      const fx = await networkHelpers.loadFixture(deployWithReceivers);
      for (const receiver of [fx.receivers.wrongValue, fx.receivers.silent]) {
        const to = await receiver.getAddress();
        await expectNoStateChange(fx, () =>
          expect(send(fx.protocol.connect(fx.alice), fx.alice.address, to, fx.a))
            .to.be.revertedWithCustomError(fx.protocol, "ERC721InvalidReceiver")
            .withArgs(to),
        );
      }
    });

    it("bubbles up the receiver's revert reason or custom error unchanged", async function () {
      const fx = await networkHelpers.loadFixture(deployWithReceivers);
      const { protocol, alice, a, receivers } = fx;
      const withMessage = await receivers.withMessage.getAddress();
      const customError = await receivers.customError.getAddress();

      await expectNoStateChange(fx, () =>
        expect(send(protocol.connect(alice), alice.address, withMessage, a)).to.be.revertedWith(
          "ERC721ReceiverMock: rejected",
        ),
      );
      await expectNoStateChange(fx, () =>
        expect(send(protocol.connect(alice), alice.address, customError, a))
          .to.be.revertedWithCustomError(receivers.customError, "ReceiverRejected")
          .withArgs(a),
      );
    });

    it("applies transferFrom's checks before calling the receiver", async function () {
      const fx = await networkHelpers.loadFixture(deployWithReceivers);
      const { protocol, alice, stranger, a, receivers } = fx;
      const receiver = await receivers.accepting.getAddress();

      await expectNoStateChange(fx, () =>
        expect(send(protocol.connect(stranger), alice.address, receiver, a))
          .to.be.revertedWithCustomError(protocol, "ERC721InsufficientApproval")
          .withArgs(stranger.address, a),
      );
      await expectNoStateChange(fx, () =>
        expect(send(protocol.connect(alice), stranger.address, receiver, a))
          .to.be.revertedWithCustomError(protocol, "ERC721IncorrectOwner")
          .withArgs(stranger.address, a, alice.address),
      );
      await expectNoStateChange(fx, () =>
        expect(send(protocol.connect(alice), alice.address, ethers.ZeroAddress, a))
          .to.be.revertedWithCustomError(protocol, "ERC721InvalidReceiver")
          .withArgs(ethers.ZeroAddress),
      );
    });
  });
}
